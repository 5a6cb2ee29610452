/** Bump when the generated data changes for the same seed and profile: stale data is regenerated. */
export const GENERATOR_VERSION = 2;
export const DEFAULT_SEED = 42;
