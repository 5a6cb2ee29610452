import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { canonicalJson } from '../audit/canonicalJson';
import type { Logger } from '../logging/logger';
import { writeFileAtomic } from '../settings/atomicWrite';
import { openSmall, sealSmall } from './chunkedCipher';
import type { VaultUser } from './datasetFolder';
import { scopeOf } from './datasetFolder';

/** Who the app works for now: the signed-in user, their state folder and (vault open) state key. */
export interface StateOwner {
  readonly user: VaultUser;
  /** `<vault>/<scope>/.user`: not a dataset id (those start with a letter or digit). */
  readonly dir: string;
  /** `deriveKey(master, 'user-state', scopeOf(user))` (0011); undefined while the vault is locked. */
  readonly key?: Buffer;
}

/** One piece of per-user state (issue 13): recent queries, saved cohorts. */
export interface UserStateFile<T> {
  get(): T;
  update(change: (current: T) => T): T;
}

/**
 * Per-user state that may hold patient data (query terms, cohort definitions; issue 12 item 11,
 * issue 13), sealed at rest with the user's state key (AES-256-GCM, associated data names the file
 * and the user). Signed out, the state lives in memory only and is forgotten at the next sign-in or
 * sign-out; signed in with the vault locked, it is kept in memory and merged into the file when the
 * vault opens. A file that does not open (another key, tampered) is logged and starts empty.
 * `legacy`: the plaintext file of older versions, adopted by the first user whose state is loaded
 * (`adopt`) or deleted at once.
 */
export function createUserStateFile<T>(opts: {
  name: string;
  schema: z.ZodType<T>;
  empty: () => T;
  merge: (onDisk: T, inMemory: T) => T;
  owner: () => StateOwner | undefined;
  logger: Logger;
  legacy?: { file: string; read: (text: string) => T; adopt: boolean };
  /** Signals that the owner or the vault's state may have changed (the vault opened). */
  watch?: (listener: () => void) => () => void;
}): UserStateFile<T> {
  const { name, schema } = opts;
  if (opts.legacy !== undefined && !opts.legacy.adopt) rmSync(opts.legacy.file, { force: true });
  let current: { who: string; value: T; loaded: boolean } = {
    who: 'anonymous',
    value: opts.empty(),
    loaded: false,
  };
  const file = (o: StateOwner): string => join(o.dir, `${name}.sealed`);
  const aad = (u: VaultUser): Buffer =>
    Buffer.from(canonicalJson({ v: 1, what: `user-state ${name}`, iss: u.iss, sub: u.sub }));

  function write(o: StateOwner & { key: Buffer }, value: T): void {
    mkdirSync(o.dir, { recursive: true, mode: 0o700 });
    const plain = Buffer.from(JSON.stringify(value), 'utf8');
    writeFileAtomic(file(o), sealSmall(o.key, plain, aad(o.user)));
  }

  function read(o: StateOwner & { key: Buffer }): T {
    if (!existsSync(file(o))) return opts.empty();
    try {
      const plain = openSmall(o.key, readFileSync(file(o)), aad(o.user));
      return schema.parse(JSON.parse(plain.toString('utf8')));
    } catch (error: unknown) {
      opts.logger.warn('user_state.unreadable', { name, error });
      return opts.empty();
    }
  }

  function adoptLegacy(value: T): T {
    const legacy = opts.legacy;
    if (legacy === undefined || !existsSync(legacy.file)) return value;
    try {
      return opts.merge(legacy.read(readFileSync(legacy.file, 'utf8')), value);
    } catch (error: unknown) {
      opts.logger.warn('user_state.legacy_unreadable', { name, error });
      return value;
    } finally {
      rmSync(legacy.file, { force: true });
    }
  }

  /** Switches to whoever is signed in now, loading their file once the vault is open. */
  function sync(): StateOwner | undefined {
    const o = opts.owner();
    const who = o === undefined ? 'anonymous' : scopeOf(o.user);
    if (current.who !== who) current = { who, value: opts.empty(), loaded: false };
    if (o?.key !== undefined && !current.loaded) {
      const keyed = { ...o, key: o.key };
      current.value = adoptLegacy(opts.merge(read(keyed), current.value));
      current.loaded = true;
      write(keyed, current.value);
    }
    return o;
  }

  // What was kept in memory while the vault was locked is sealed as soon as it opens.
  opts.watch?.(() => {
    try {
      sync();
    } catch (error: unknown) {
      opts.logger.warn('user_state.write_failed', { name, error });
    }
  });
  return {
    get: () => {
      sync();
      return current.value;
    },
    update(change) {
      const o = sync();
      current.value = change(current.value);
      if (o?.key !== undefined) write({ ...o, key: o.key }, current.value);
      return current.value;
    },
  };
}
