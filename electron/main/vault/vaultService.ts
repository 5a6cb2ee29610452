import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type {
  RemovedEntry,
  RemovedReason,
  VaultList,
  VaultManifest,
  VaultPart,
} from '../../../shared/domain/vault';
import { FORMAT_PARTS, formatOf } from '../../../shared/domain/vault';
import type { AuditLog } from '../audit/auditLog';
import type { AuthService } from '../auth/authService';
import type { Logger } from '../logging/logger';
import type { KeyStorage } from '../platform/keyStorage';
import type { VaultUser } from './datasetFolder';
import {
  readBinding,
  readManifest,
  readPart,
  recoverFolders,
  safeDatasetId,
  scopeOf,
  unwrapDataKey,
} from './datasetFolder';
import { sweepScratch } from './duckdbFile';
import type { KeyDeriver } from './keyHierarchy';
import { deriveKey } from './keyHierarchy';
import { loadSealedMasterKey, unlockWithPassphrase } from './masterKey';
import { dropKeys, readability, type Readability } from './retention';

/** The encrypted local cache (DESIGN vault, DATA-01..09). */
export interface VaultService {
  list(): VaultList;
  /** True while the master key is unavailable (passphrase needed, or the key storage failed). */
  locked(): boolean;
  unlock(passphrase: string): Promise<VaultList>;
  /** The master key and the signed-in user, or undefined when locked or signed out. */
  writer(): { user: VaultUser; masterKey: Buffer; userDir: string } | undefined;
  /**
   * Plaintext of one part (the DuckDB file, or a legacy Arrow table), or why not (PASS-03:
   * expiry/revocation refuse at once; a part the dataset's format lacks is 404).
   */
  readPart(
    datasetId: string,
    part: VaultPart,
  ): { ok: true; bytes: Buffer } | { ok: false; status: number; message: string };
  /** Deletes datasets whose visa expired or left the passport (DATA-05). */
  purge(trigger: string): void;
  /** Tell listeners the vault changed (after a pull commits). */
  changed(): void;
  onChange(listener: (list: VaultList) => void): () => void;
  /**
   * Key derivation for the stores beside the vault (audit chain, per-user files), once the master
   * key is known: at start, or at unlock; at once if it already is (docs/decisions/audit-log-keys.md).
   */
  onKeys(listener: (derive: KeyDeriver) => void): () => void;
  close(): void;
}

/** Creates the vault over `<data>/vault`; subscribes to the session for purges. */
export function createVaultService(opts: {
  dataDir: string;
  keyStorage: () => Promise<KeyStorage>;
  auth: Pick<AuthService, 'grants' | 'onChange'>;
  audit: AuditLog;
  logger: Logger;
  now?: () => number;
  purgeEveryMs?: number;
}): VaultService {
  const root = join(opts.dataDir, 'vault');
  const now = opts.now ?? Date.now;
  const listeners = new Set<(l: VaultList) => void>();
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
  const dataKeys = new Map<string, Buffer>();
  const removed: RemovedEntry[] = [];
  let masterKey: Buffer | undefined;
  let lockMessage: string | undefined = 'The vault is opening.';
  mkdirSync(root, { recursive: true, mode: 0o700 });

  const ready = opts
    .keyStorage()
    .then(async (keys) => {
      masterKey = await loadSealedMasterKey(root, keys);
      lockMessage =
        masterKey === undefined
          ? `Unlock the vault with your passphrase (${keys.reason ?? 'no secure key storage'}).`
          : undefined;
      announceKeys();
    })
    .catch((error: unknown) => {
      lockMessage = 'The vault key could not be opened with this computer’s key storage.';
      opts.logger.warn('vault.master_key_failed', { error });
    })
    .finally(() => {
      service.purge('start');
    });

  const user = (): VaultUser | undefined => opts.auth.grants()?.user;
  const userDir = (u: VaultUser): string => join(root, scopeOf(u));

  function datasetIds(dir: string): string[] {
    if (!existsSync(dir)) return [];
    return readdirSync(dir).filter((n) => safeDatasetId(n) && !n.includes('.old-'));
  }

  function state(u: VaultUser, datasetId: string): Readability {
    return readability(
      readBinding(join(userDir(u), datasetId)),
      opts.auth.grants()?.grants ?? [],
      now(),
    );
  }

  function dataKey(u: VaultUser, datasetId: string): Buffer {
    const k = `${scopeOf(u)}/${datasetId}`;
    let key = dataKeys.get(k);
    if (key === undefined) {
      if (masterKey === undefined) throw new Error('locked');
      key = unwrapDataKey(join(userDir(u), datasetId), u, datasetId, masterKey);
      dataKeys.set(k, key);
    }
    return key;
  }

  function remove(
    dir: string,
    datasetId: string,
    reason: RemovedReason,
    message: string,
    u: VaultUser | undefined,
  ): void {
    dropKeys(dataKeys, `/${datasetId}`);
    const jti = readBinding(dir)?.visa.jti;
    // Crypto-shredding first: the wrapped key goes before the data files (DATA-09).
    rmSync(join(dir, 'key.wrapped'), { force: true });
    rmSync(dir, { recursive: true, force: true });
    const entry = { datasetId, reason, message, at: new Date(now()).toISOString() };
    removed.unshift(entry);
    removed.splice(20);
    opts.audit.append('vault.purge', { datasetId, reason, sub: u?.sub, iss: u?.iss, jti });
    opts.logger.info('vault.purged', { datasetId, reason });
  }

  const service: VaultService = {
    list() {
      const u = user();
      const datasets: VaultManifest[] = [];
      if (u !== undefined && masterKey !== undefined) {
        for (const id of datasetIds(userDir(u))) {
          if (!state(u, id).readable) continue;
          try {
            datasets.push(readManifest(join(userDir(u), id), u, id, dataKey(u, id)));
          } catch (error: unknown) {
            opts.logger.warn('vault.manifest_unreadable', { datasetId: id, error });
          }
        }
      }
      const locked = masterKey === undefined;
      return {
        datasets,
        removed: [...removed],
        locked,
        ...(locked && lockMessage !== undefined ? { message: lockMessage } : {}),
      };
    },
    locked: () => masterKey === undefined,
    async unlock(passphrase) {
      await ready;
      const wasLocked = masterKey === undefined;
      masterKey ??= await unlockWithPassphrase(root, passphrase);
      lockMessage = undefined;
      if (wasLocked) announceKeys();
      service.purge('unlock');
      return service.list();
    },
    writer() {
      const u = user();
      if (u === undefined || masterKey === undefined) return undefined;
      return { user: u, masterKey, userDir: userDir(u) };
    },
    readPart(datasetId, part) {
      const u = user();
      if (u === undefined) return { ok: false, status: 403, message: 'Sign in to read the vault.' };
      if (masterKey === undefined)
        return { ok: false, status: 423, message: 'The vault is locked.' };
      if (!safeDatasetId(datasetId) || !existsSync(join(userDir(u), datasetId)))
        return { ok: false, status: 404, message: 'No such dataset in the vault.' };
      const s = state(u, datasetId);
      if (!s.readable) {
        dropKeys(dataKeys, `/${datasetId}`);
        return { ok: false, status: 403, message: s.message };
      }
      const dir = join(userDir(u), datasetId);
      const key = dataKey(u, datasetId);
      const manifest = readManifest(dir, u, datasetId, key);
      if (!FORMAT_PARTS[formatOf(manifest)].includes(part))
        return { ok: false, status: 404, message: `This copy is stored as ${formatOf(manifest)}.` };
      return { ok: true, bytes: readPart(dir, manifest, part, key) };
    },
    purge(trigger) {
      const u = user();
      let changed = false;
      for (const scope of existsSync(root) ? readdirSync(root) : []) {
        const dir = join(root, scope);
        if (!/^[0-9a-f]{32}$/.test(scope)) continue;
        recoverFolders(dir);
        // A crash while a pull built its DuckDB file leaves plaintext in scratch: gone at start.
        if (trigger === 'start') sweepScratch(dir);
        const mine = u !== undefined && scope === scopeOf(u);
        for (const id of datasetIds(dir)) {
          const s = readability(
            readBinding(join(dir, id)),
            mine ? (opts.auth.grants()?.grants ?? []) : undefined,
            now(),
          );
          if (s.purge === undefined) continue;
          remove(join(dir, id), id, s.purge, s.message, mine ? u : undefined);
          changed = true;
        }
      }
      opts.logger.info('vault.purge_run', { trigger, changed });
      if (changed) service.changed();
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
    close() {
      keyListeners.clear();
      clearInterval(timer);
      offAuth();
      dropKeys(dataKeys, '');
      masterKey?.fill(0);
      masterKey = undefined;
    },
  };
  const offAuth = opts.auth.onChange(() => {
    // A refreshed passport may have lost a grant: unreadable at once, deleted now (DATA-05).
    for (const k of [...dataKeys.keys()]) dropKeys(dataKeys, k);
    service.purge('passport');
  });
  const timer = setInterval(() => service.purge('hourly'), opts.purgeEveryMs ?? 3_600_000);
  timer.unref();
  return service;
}
