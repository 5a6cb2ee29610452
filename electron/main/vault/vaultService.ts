import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type {
  RemovedEntry,
  VaultList,
  VaultManifest,
  VaultNote,
} from '../../../shared/vault/vault';
import { FORMAT_PARTS, formatOf } from '../../../shared/vault/vault';
import type { AuditLog } from '../audit/auditLog';
import type { AuthService } from '../auth/authService';
import type { Logger } from '../logging/logger';
import type { KeyStorage } from '../platform/keyStorage';
import { matchesManifest, readBinding } from './binding';
import { createDataKeyCache, KeyFileMissingError } from './dataKeyCache';
import type { VaultUser } from './datasetFolder';
import { upgradeCache } from './cacheUpgrade';
import { readManifest, readPart, safeDatasetId, scopeOf } from './datasetFolder';
import { notReadable, partRefused } from './partRefusal';
import type { KeyDeriver } from './keyHierarchy';
import { deriveKey } from './keyHierarchy';
import { loadSealedMasterKey, passphraseIsSet, unlockWithPassphrase } from './masterKey';
import type { Readability } from './retention';
import { ALLOWED } from './retention';
import { runPurge } from './vaultPurge';
import type { InspectContext } from './vaultInspect';
import { inspectDataset } from './vaultInspect';
import type { LocalCacheSource, VaultService } from './vaultTypes';
import { removedEntry, saidOf as said } from '../../../shared/vault/vaultNote';
import type { VaultNoteCoded } from '../../../shared/vault/vaultNote';

export type { LocalCacheSource, VaultService } from './vaultTypes';

/** Creates the vault over `<data>/vault`; subscribes to the session and settings for purges. */
export function createVaultService(opts: {
  dataDir: string;
  keyStorage: () => Promise<KeyStorage>;
  auth: Pick<AuthService, 'grants' | 'onChange'>;
  audit: AuditLog;
  logger: Logger;
  localCache?: LocalCacheSource;
  now?: () => number;
  purgeEveryMs?: number;
  /** The cache folder when IT moved it (policy `cacheLocation`); default `<data>/vault`. */
  root?: string;
}): VaultService {
  const root = opts.root ?? join(opts.dataDir, 'vault');
  const now = opts.now ?? Date.now;
  const listeners = new Set<(l: VaultList) => void>();
  const stagingListeners = new Set<
    (jobId: string, message: string, said: VaultNoteCoded | undefined) => void
  >();
  const keyListeners = new Set<(derive: KeyDeriver) => void>();
  const derive: KeyDeriver = (purpose, scope) => {
    if (masterKey === undefined) throw new Error('The vault is locked.');
    return deriveKey(masterKey, purpose, scope);
  };
  const giveKeys = (listener: (d: KeyDeriver) => void): void => {
    if (masterKey === undefined) return;
    // A store that cannot use the keys must not make the vault look unopenable.
    try {
      listener(derive);
    } catch (error: unknown) {
      opts.logger.warn('vault.key_listener_failed', { error });
    }
  };
  const announceKeys = (): void => keyListeners.forEach(giveKeys);
  const keys = createDataKeyCache();
  const confirmed = new Set<string>();
  const audited = new Set<string>();
  const removed: (RemovedEntry & { scope: string })[] = [];
  let masterKey: Buffer | undefined;
  let lockMessage: string | undefined = 'The vault is opening.';
  // The same as codes for the renderer's words (issue 22); the English stays for the CLI.
  let lockWhy: Pick<VaultList, 'why' | 'storage'> = { why: 'opening' };
  mkdirSync(root, { recursive: true, mode: 0o700 });

  const ready = opts
    .keyStorage()
    .then(async (storage) => {
      masterKey = await loadSealedMasterKey(root, storage);
      lockMessage =
        masterKey === undefined
          ? `Unlock the vault with your passphrase (${storage.reason ?? 'no secure key storage'}).`
          : undefined;
      lockWhy = {
        why: 'passphrase',
        ...(storage.why === undefined ? {} : { storage: storage.why }),
      };
      announceKeys();
    })
    .catch((error: unknown) => {
      lockMessage = 'The vault key could not be opened with this computer’s key storage.';
      lockWhy = { why: 'key-storage-failed' };
      opts.logger.warn('vault.master_key_failed', { error });
    })
    .finally(() => {
      service.purge('start');
    });

  const session = () => opts.auth.grants();
  const userDir = (u: VaultUser): string => join(root, scopeOf(u));

  function context(scope: string): InspectContext {
    const s = session();
    return {
      root,
      masterKey,
      keys,
      owner: s !== undefined && scopeOf(s.user) === scope ? s : undefined,
      now: now(),
      localCache: opts.localCache?.get() ?? ALLOWED,
      confirmed,
    };
  }

  /** Judges one of the user's copies; a definitive "readable" is remembered (issue 12). */
  function judge(scope: string, id: string): Readability {
    const r = inspectDataset(context(scope), scope, id);
    if (r.readable && r.note === undefined) confirmed.add(`${scope}/${id}`);
    return r;
  }

  function datasetIds(dir: string): string[] {
    if (!existsSync(dir)) return [];
    return readdirSync(dir).filter((n) => safeDatasetId(n) && !n.includes('.old-'));
  }

  const service: VaultService = {
    list() {
      const s = session();
      const datasets: VaultManifest[] = [];
      const notes: VaultNote[] = [];
      if (s !== undefined && masterKey !== undefined) {
        const scope = scopeOf(s.user);
        for (const id of datasetIds(userDir(s.user))) {
          const r = judge(scope, id);
          if (!r.readable) {
            if (r.purge === undefined)
              notes.push({ datasetId: id, readable: false, message: r.message, ...said(r) });
            continue;
          }
          if (r.note !== undefined)
            notes.push({ datasetId: id, readable: true, message: r.note, ...said(r) });
          try {
            const dir = join(userDir(s.user), id);
            datasets.push(readManifest(dir, s.user, id, keys.get(dir, s.user, id, masterKey)));
          } catch (error: unknown) {
            opts.logger.warn('vault.manifest_unreadable', { datasetId: id, error });
          }
        }
      }
      const scope = s === undefined ? undefined : scopeOf(s.user);
      const locked = masterKey === undefined;
      return {
        datasets,
        removed: removed.filter((r) => r.scope === scope).map(removedEntry),
        notes,
        locked,
        ...(locked && lockMessage !== undefined
          ? { message: lockMessage, ...lockWhy }
          : s === undefined
            ? {
                message: 'Sign in to see the datasets you pulled; nobody else sees them.',
                why: 'signed-out' as const,
              }
            : {}),
      };
    },
    locked: () => masterKey === undefined,
    opened: () => ready,
    passphraseIsSet: () => passphraseIsSet(root),
    async unlock(passphrase) {
      await ready;
      const wasLocked = masterKey === undefined;
      masterKey ??= await unlockWithPassphrase(root, passphrase);
      lockMessage = undefined;
      if (wasLocked) announceKeys();
      service.purge('unlock');
      // Opened: per-user state kept in memory meanwhile is sealed now (userState watches this).
      service.changed();
      return service.list();
    },
    writer() {
      const u = session()?.user;
      if (u === undefined || masterKey === undefined) return undefined;
      return { user: u, masterKey, userDir: userDir(u) };
    },
    stateOwner() {
      const u = session()?.user;
      if (u === undefined) return undefined;
      const dir = join(userDir(u), '.user');
      return masterKey === undefined
        ? { user: u, dir }
        : { user: u, dir, key: deriveKey(masterKey, 'user-state', scopeOf(u)) };
    },
    readPart(datasetId, part) {
      const u = session()?.user;
      // Each refusal carries its code for the window to word (issue 22, decision 0076).
      if (u === undefined) return partRefused(403, 'signed-out', datasetId);
      if (masterKey === undefined) return partRefused(423, 'locked', datasetId);
      const dir = join(userDir(u), datasetId);
      if (!safeDatasetId(datasetId) || !existsSync(dir))
        return partRefused(404, 'no-dataset', datasetId);
      const scope = scopeOf(u);
      const s = judge(scope, datasetId);
      if (!s.readable) {
        keys.drop(datasetId);
        return notReadable(datasetId, s);
      }
      let key: Buffer;
      try {
        key = keys.get(dir, u, datasetId, masterKey);
      } catch (error: unknown) {
        if (error instanceof KeyFileMissingError)
          return partRefused(410, 'key-missing', datasetId, error.message);
        throw error;
      }
      const manifest = readManifest(dir, u, datasetId, key);
      const binding = readBinding(dir);
      if (binding === undefined || !matchesManifest(binding, manifest))
        return partRefused(403, 'binding', datasetId);
      if (!FORMAT_PARTS[formatOf(manifest)].includes(part))
        return partRefused(404, 'format', datasetId, formatOf(manifest));
      return { ok: true, bytes: readPart(dir, manifest, part, key) };
    },
    upgrade: (datasetId) =>
      upgradeCache({ service, keys, audit: opts.audit, logger: opts.logger }, datasetId),
    purge(trigger) {
      const result = runPurge({
        root,
        trigger,
        context,
        keys,
        confirmed,
        audited,
        audit: opts.audit,
        logger: opts.logger,
        at: () => new Date(now()).toISOString(),
      });
      for (const entry of result.removed) removed.unshift(entry);
      removed.splice(50);
      for (const [jobId, message, said] of result.staging)
        for (const l of stagingListeners) l(jobId, message, said);
      opts.logger.info('vault.purge_run', { trigger, changed: result.changed });
      if (result.changed) service.changed();
    },
    changed() {
      const l = service.list();
      for (const listener of listeners) listener(l);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onKeys(listener) {
      keyListeners.add(listener);
      giveKeys(listener);
      return () => keyListeners.delete(listener);
    },
    onStagingPurged(listener) {
      stagingListeners.add(listener);
      return () => stagingListeners.delete(listener);
    },
    close() {
      keyListeners.clear();
      clearInterval(timer);
      offAuth();
      offSettings?.();
      keys.drop('');
      masterKey?.fill(0);
      masterKey = undefined;
    },
  };
  let lastUser: string | undefined;
  const offAuth = opts.auth.onChange(() => {
    // A refreshed passport may have lost a grant: unreadable at once, deleted now (DATA-05).
    keys.drop('');
    service.purge('passport');
    // Another user (or none) now: the renderer must forget the previous user's list (issue 13).
    const s = session();
    const user = s === undefined ? undefined : scopeOf(s.user);
    if (user !== lastUser) {
      lastUser = user;
      service.changed();
    }
  });
  // Local copies turned off: locked at once (every read re-checks), policy purges now (issue 13).
  const offSettings = opts.localCache?.onChange(() => {
    keys.drop('');
    service.purge('settings');
    service.changed();
  });
  const timer = setInterval(() => service.purge('hourly'), opts.purgeEveryMs ?? 3_600_000);
  timer.unref();
  return service;
}
