// Types for scripts/signingStatus.mjs (a plain Node build script), so TypeScript tests can import it.
export const SIGNING_ENV: Record<string, string[][]>;
export function signingStatus(
  platform: string,
  env?: Record<string, string | undefined>,
): { signed: boolean; missing?: string[]; message: string };
