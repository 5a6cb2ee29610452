import { join } from 'node:path';
import { SCHEMA_VERSION } from '../../../shared/cohorts/schema';
import { VAULT_TABLES } from '../../../shared/vault/vault';
import type { PullSaid } from '../../../shared/vault/vault';
import type { AuditLog } from '../audit/auditLog';
import type { AuthService } from '../auth/authService';
import { scratchDir } from '../vault/duckdbFile';
import type { VaultUser } from '../vault/datasetFolder';
import { commitFolder, writeDatasetFolder } from '../vault/datasetFolder';
import type { VaultService } from '../vault/vaultService';
import { PullRefusedError, said } from './beaconPages';
import type { PageSink } from './pageSink';
import { countMismatch, refuseDuplicates } from './pageSink';
import type { Cursor, Staging } from '../vault/staging';

export interface FinishDeps {
  auth: Pick<AuthService, 'grants'>;
  allowLocalCache: () => boolean;
  vault: VaultService;
  audit: AuditLog;
  now: () => number;
}

/**
 * The end of a pull: the pages' rows, appended to the build as they came (0060) → one DuckDB database file (0010) → a sealed dataset folder
 * swapped into the vault atomically, with the provenance manifest (PASS-03 visa binding) and a
 * vault.write audit entry (DATA-08: counts, never content). Refuses to seal when what arrived is
 * not what the node counted (issue 12 item 2). Returns notes for the person (variants that could not
 * be placed on GRCh38), or nothing.
 */
export async function finishPull(
  opts: FinishDeps,
  job: { cursor: Cursor; user: VaultUser; staging: Staging },
  sink: PageSink,
  signal: AbortSignal,
): Promise<{ message: string; said: PullSaid } | undefined> {
  const c = job.cursor;
  // Re-checked locally before anything is kept: the grant must still be in the passport (PASS-03)
  // and local copies still enabled; DUO and the node's permission were checked at start.
  const grant = opts.auth
    .grants()
    ?.grants.find((g) => g.nodeId === c.nodeId && g.datasetId === c.datasetId);
  if (grant === undefined)
    throw new PullRefusedError(
      `Your passport no longer holds a valid grant for ${c.datasetId}; nothing was kept.`,
      said('grantGone', { dataset: c.datasetId }),
    );
  if (!opts.allowLocalCache())
    throw new PullRefusedError(
      'Local copies were turned off during the pull; nothing was kept.',
      said('cacheOff'),
    );
  const w = opts.vault.writer();
  if (w === undefined || w.user.sub !== job.user.sub || w.user.iss !== job.user.iss)
    throw new PullRefusedError('Another user is signed in now.', said('otherUser'));
  refuseDuplicates(sink, c);
  const mismatch = countMismatch(sink, c);
  if (mismatch !== undefined) throw mismatch;
  const rows = { rows: { ...sink.counts }, unplaced: sink.unplaced };
  // The rows are in the build already (appended page by page): only the layout is left.
  const database = await sink.build.finish(scratchDir(job.staging.dir));
  // Building took a while: a purge may have ended this job (grant revoked, policy), and the same
  // user must still hold the vault key.
  signal.throwIfAborted();
  if (opts.vault.writer()?.masterKey !== w.masterKey)
    throw new PullRefusedError(
      'The vault was locked or another user signed in during the pull.',
      said('vaultChanged'),
    );
  const outDir = join(job.staging.dir, 'out');
  const manifest = writeDatasetFolder({
    outDir,
    user: w.user,
    masterKey: w.masterKey,
    parts: { database },
    manifest: {
      schemaVersion: 2,
      format: 'duckdb',
      layout: SCHEMA_VERSION,
      datasetId: c.datasetId,
      nodeId: c.nodeId,
      ...c.meta,
      purpose: c.purpose,
      ...(c.disease === undefined ? {} : { disease: c.disease }),
      query: c.query,
      pulledAt: new Date(opts.now()).toISOString(),
      visa: grant.visa,
      expiresAt: new Date(grant.visa.exp * 1000).toISOString(),
      rows: rows.rows,
    },
  });
  database.fill(0);
  commitFolder(outDir, join(w.userDir, c.datasetId));
  job.staging.remove();
  const counts = Object.fromEntries(VAULT_TABLES.map((t) => [t, manifest.rows[t]]));
  opts.audit.append('vault.write', {
    datasetId: c.datasetId,
    nodeId: c.nodeId,
    sub: w.user.sub,
    iss: w.user.iss,
    jti: grant.visa.jti,
    purpose: c.purpose,
    rows: counts,
    ...(rows.unplaced.length === 0 ? {} : { unplacedVariants: rows.unplaced.length }),
  });
  opts.vault.changed();
  if (rows.unplaced.length === 0) return undefined;
  const shown = `${rows.unplaced.slice(0, 5).join('; ')}${rows.unplaced.length > 5 ? '; …' : ''}`;
  return {
    message: `${String(rows.unplaced.length)} variants from ${c.nodeId} have no GRCh38 position and are not in the cache (${shown}).`,
    said: {
      key: 'unplaced',
      params: { count: rows.unplaced.length, node: c.nodeId, shown: shown.slice(0, 2000) },
    },
  };
}
