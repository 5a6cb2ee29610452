// Types for scripts/checksums.mjs (a plain Node build script), so TypeScript tests can import it.
export function isArtefact(name: string): boolean;
export function writeChecksums(dir: string, files: string[]): string;
export function signDetached(
  files: string[],
  opts: { keyId: string; passphrase?: string; homedir?: string },
): string[];
export function checksumAndSign(
  dir: string,
  env?: Record<string, string | undefined>,
): { files: string[]; signed: boolean };
