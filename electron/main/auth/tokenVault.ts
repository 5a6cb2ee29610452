import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { KeyStorage, MemoryOnlyWhy } from '../platform/keyStorage';
import { writeFileAtomic } from '../settings/atomicWrite';

/** What survives a restart: the broker, the subject and the refresh token (sealed), nothing else. */
const PersistedSessionSchema = z.object({
  v: z.literal(1),
  issuer: z.string(),
  clientId: z.string(),
  sub: z.string(),
  refreshToken: z.string(),
});
export type PersistedSession = z.infer<typeof PersistedSessionSchema>;

export interface TokenVault {
  /** `why` is the key storage's code, worded by the renderer (decision 0076); `reason` its English. */
  readonly persistence: {
    mode: 'secure-store' | 'memory-only';
    reason?: string;
    why?: MemoryOnlyWhy;
  };
  /** Seals and writes atomically (AUTH-06: the new refresh token is on disk before the old is dropped). */
  save(session: PersistedSession): Promise<void>;
  /** Reads and opens the saved session; a missing, foreign or tampered file yields undefined (and is removed). */
  load(): Promise<PersistedSession | undefined>;
  /** Removes the sealed file (sign-out, invalid_grant). */
  wipe(): void;
}

/**
 * Refresh-token storage at rest (AUTH-08): sealed by the platform key storage in `<data>/auth/`,
 * written atomically, owner-only. With a memory-only key storage nothing is written, and any file
 * left from before is removed.
 */
export function createTokenVault(
  dataDir: string,
  keys: KeyStorage,
  opts: { fileName?: string } = {},
): TokenVault {
  const dir = join(dataDir, 'auth');
  const file = join(dir, opts.fileName ?? 'session.sealed');
  const persistence =
    keys.mode === 'secure-store'
      ? { mode: 'secure-store' as const }
      : {
          mode: 'memory-only' as const,
          ...(keys.reason === undefined ? {} : { reason: keys.reason }),
          ...(keys.why === undefined ? {} : { why: keys.why }),
        };
  const wipe = (): void => rmSync(file, { force: true });
  if (keys.mode === 'memory-only') wipe();
  return {
    persistence,
    async save(session) {
      if (keys.mode !== 'secure-store') return;
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const sealed = await keys.seal(Buffer.from(JSON.stringify(session), 'utf8'));
      writeFileAtomic(file, sealed);
    },
    async load() {
      if (keys.mode !== 'secure-store' || !existsSync(file)) return undefined;
      try {
        const plain = await keys.open(readFileSync(file));
        return PersistedSessionSchema.parse(JSON.parse(Buffer.from(plain).toString('utf8')));
      } catch {
        wipe();
        return undefined;
      }
    },
    wipe,
  };
}
