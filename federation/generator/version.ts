/** Bump when the generated data changes for the same seed and profile: stale data is regenerated. */
export const GENERATOR_VERSION = 1;
export const DEFAULT_SEED = 42;
