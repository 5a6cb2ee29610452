// Types for scripts/fuses.mjs (a plain Node build script), so TypeScript tests can import it.
export const BUILDER_KEYS: Record<number, string>;
export function expectedFuses(builderYml?: string): Record<number, boolean>;
export function checkFuses(binary: string, expected?: Record<number, boolean>): Promise<string[]>;
export const FuseState: { DISABLE: number; ENABLE: number; REMOVED: number };
