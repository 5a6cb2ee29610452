// Types for scripts/sbom.mjs (a plain Node build script), so TypeScript tests can import it.
export function makeSbom(cwd?: string): unknown;
export function noticesFrom(sbom: unknown): unknown;
export function writeSbomAndNotices(
  outDir?: string,
  options?: { force?: boolean },
): { sbomFile: string; noticesFile: string; reused: boolean };
