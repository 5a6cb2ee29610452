import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { RemovedEntry, RemovedReason } from '../../../shared/vault/vault';
import type { VaultNoteCoded } from '../../../shared/vault/vaultNote';
import type { AuditLog } from '../audit/auditLog';
import type { Logger } from '../logging/logger';
import { stagingRoot } from './staging';
import { readBinding } from './binding';
import type { DataKeyCache } from './dataKeyCache';
import { recoverFolders, safeDatasetId } from './datasetFolder';
import { sweepScratch } from './duckdbFile';
import type { Readability } from './retention';
import type { InspectContext } from './vaultInspect';
import { inspectDataset, inspectStaging } from './vaultInspect';

export interface PurgeDeps {
  readonly root: string;
  readonly trigger: string;
  context(scope: string): InspectContext;
  readonly keys: DataKeyCache;
  /** Copies confirmed readable by a definitive check (kept readable if a later check cannot run). */
  readonly confirmed: Set<string>;
  /** Deferred-check audit entries already written in this process (one per copy and reason). */
  readonly audited: Set<string>;
  readonly audit: AuditLog;
  readonly logger: Logger;
  at(): string;
}

export interface PurgeResult {
  readonly removed: (RemovedEntry & { scope: string })[];
  /** Staged pulls deleted: [jobId, why, why as a code]. */
  readonly staging: [string, string, VaultNoteCoded | undefined][];
  readonly changed: boolean;
}

/**
 * One purge pass over every user's vault folder (DATA-05, DATA-09): datasets first (key file
 * before data: crypto-shredding), then staged pulls of those datasets or under a grant that ended,
 * so no staged page outlives its grant (issue 12). Every deletion is audited with its real reason;
 * a copy kept because its access could not be checked is audited once, as `vault.check_deferred`.
 */
export function runPurge(d: PurgeDeps): PurgeResult {
  const removed: (RemovedEntry & { scope: string })[] = [];
  const staging: PurgeResult['staging'] = [];
  for (const scope of existsSync(d.root) ? readdirSync(d.root) : []) {
    if (!/^[0-9a-f]{32}$/.test(scope)) continue;
    const dir = join(d.root, scope);
    recoverFolders(dir);
    // A crash while a pull built its DuckDB file leaves plaintext in scratch: gone at start.
    if (d.trigger === 'start') sweepScratch(dir);
    const ctx = d.context(scope);
    const gone = new Map<
      string,
      { reason: RemovedReason; message: string; said?: VaultNoteCoded | undefined }
    >();
    for (const id of readdirSync(dir).filter((n) => safeDatasetId(n) && !n.includes('.old-'))) {
      const s = judge(d, () => inspectDataset(ctx, scope, id), id);
      if (s === undefined) continue;
      const key = `${scope}/${id}`;
      if (s.purge !== undefined) {
        const jti = readBinding(join(dir, id))?.visa.jti;
        d.keys.drop(id);
        // Crypto-shredding first: the wrapped key goes before the data files (DATA-09).
        rmSync(join(dir, id, 'key.wrapped'), { force: true });
        rmSync(join(dir, id), { recursive: true, force: true });
        d.confirmed.delete(key);
        gone.set(id, { reason: s.purge, message: s.message, said: s.said });
        removed.push({
          scope,
          datasetId: id,
          reason: s.purge,
          message: s.message,
          at: d.at(),
          ...(s.said === undefined ? {} : { said: s.said }),
        });
        const who = ctx.owner?.user;
        d.audit.append('vault.purge', {
          datasetId: id,
          reason: s.purge,
          sub: who?.sub,
          iss: who?.iss,
          jti,
        });
        d.logger.info('vault.purged', { datasetId: id, reason: s.purge });
        continue;
      }
      if (ctx.owner === undefined) continue;
      if (s.readable && s.note === undefined) d.confirmed.add(key);
      const deferred = s.readable ? s.note : s.message;
      if (deferred !== undefined && !d.audited.has(`${key} ${deferred}`)) {
        d.audited.add(`${key} ${deferred}`);
        d.audit.append('vault.check_deferred', {
          datasetId: id,
          readable: s.readable,
          message: deferred,
        });
      }
    }
    const root = stagingRoot(dir);
    for (const jobId of existsSync(root) ? readdirSync(root) : []) {
      const r = judge(d, () => inspectStaging(ctx, scope, jobId), jobId);
      if (r === undefined) continue;
      const why =
        r.state.purge === undefined
          ? r.datasetId === undefined
            ? undefined
            : gone.get(r.datasetId)
          : { reason: r.state.purge, message: r.state.message, said: r.state.said };
      if (why === undefined) continue;
      rmSync(join(root, jobId), { recursive: true, force: true });
      staging.push([jobId, why.message, why.said]);
      d.audit.append('pull.staging_purged', { jobId, datasetId: r.datasetId, reason: why.reason });
      d.logger.info('vault.staging_purged', { jobId, reason: why.reason });
    }
  }
  return { removed, staging, changed: removed.length > 0 || staging.length > 0 };
}

/** Runs one folder's judgement; an unexpected error is logged and the folder left for the next pass. */
function judge<T extends Readability | { state: Readability }>(
  d: PurgeDeps,
  run: () => T,
  what: string,
): T | undefined {
  try {
    return run();
  } catch (error: unknown) {
    d.logger.warn('vault.purge_inspect_failed', { what, error });
    return undefined;
  }
}
