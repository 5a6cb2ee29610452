/**
 * oidc-provider storage adapter that keeps sessions, grants and tokens in memory and mirrors them to
 * `${stateDir}/oidc-store.json`, so a broker restart does not sign every desktop client out (AUTH-06:
 * refresh tokens outlive the process). Demo scale: lookups by uid or grant scan the map.
 */
import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider';
import { readJsonIfExists, writeJsonAtomic } from './stateFiles';
import { log } from './log';

interface Entry {
  payload: AdapterPayload;
  /** Epoch milliseconds; absent = no expiry. */
  expiresAt?: number;
}

/**
 * Models whose entries belong to a grant and die with it (as in oidc-provider's memory adapter), plus
 * our NodeAccessToken records (tokenExchange.ts), so sign-out ends the nodes' passport exchange too.
 */
const GRANTABLE = new Set([
  'NodeAccessToken',
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
  'PreAuthorizedCode',
]);

export interface FileAdapterStore {
  factory: AdapterFactory;
  /** Resolves once every change so far is on disk. */
  settle(): Promise<void>;
}

/** Opens (or creates) the store file and returns an adapter factory bound to it. */
export async function openFileAdapterStore(file: string): Promise<FileAdapterStore> {
  const entries = new Map<string, Entry>();
  const raw = await readJsonIfExists(file);
  const now = Date.now();
  if (raw !== undefined && typeof raw === 'object' && raw !== null) {
    for (const [key, entry] of Object.entries(raw as Record<string, Entry>)) {
      if (entry.expiresAt === undefined || entry.expiresAt > now) entries.set(key, entry);
    }
  }

  let dirty = false;
  let flushing: Promise<void> | undefined;
  const flush = (): Promise<void> => {
    dirty = true;
    flushing ??= (async () => {
      try {
        while (dirty) {
          dirty = false;
          const t = Date.now();
          // Expired tokens and sessions are dropped on each write, so the file stays small.
          for (const [k, e] of entries)
            if (e.expiresAt !== undefined && e.expiresAt <= t) entries.delete(k);
          await writeJsonAtomic(file, Object.fromEntries(entries));
        }
      } catch (err) {
        log('error', 'oidc store write failed', { error: (err as Error).message });
      } finally {
        flushing = undefined;
      }
    })();
    return flushing;
  };

  const live = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (entry?.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };

  const factory: AdapterFactory = (model: string): Adapter => {
    const key = (id: string): string => `${model}:${id}`;
    const findBy = (field: 'uid' | 'userCode', value: string): AdapterPayload | undefined => {
      for (const k of entries.keys()) {
        if (!k.startsWith(`${model}:`)) continue;
        const payload = live(k)?.payload;
        if (payload?.[field] === value) return payload;
      }
      return undefined;
    };
    return {
      async upsert(id, payload, expiresIn) {
        const entry: Entry = { payload };
        if (typeof expiresIn === 'number') entry.expiresAt = Date.now() + expiresIn * 1000;
        entries.set(key(id), entry);
        await flush();
      },
      find: (id) => Promise.resolve(live(key(id))?.payload),
      findByUid: (uid) => Promise.resolve(findBy('uid', uid)),
      findByUserCode: (userCode) => Promise.resolve(findBy('userCode', userCode)),
      async consume(id) {
        const entry = live(key(id));
        if (entry !== undefined) entry.payload.consumed = Math.floor(Date.now() / 1000);
        await flush();
      },
      async destroy(id) {
        entries.delete(key(id));
        await flush();
      },
      async revokeByGrantId(grantId) {
        for (const [k, entry] of entries) {
          if (entry.payload.grantId === grantId && GRANTABLE.has(k.slice(0, k.indexOf(':'))))
            entries.delete(k);
        }
        await flush();
      },
    };
  };
  return { factory, settle: () => flushing ?? Promise.resolve() };
}
