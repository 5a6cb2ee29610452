import { randomBytes } from 'node:crypto';
import { rmdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { CACHE_TABLES, SCHEMA_VERSION } from '../../../shared/cohorts/schema';
import type { VaultManifest, VaultPart } from '../../../shared/vault/vault';
import { FORMAT_PARTS, formatOf } from '../../../shared/vault/vault';
import type { AuditLog } from '../audit/auditLog';
import type { Logger } from '../logging/logger';
import type { DataKeyCache } from './dataKeyCache';
import { commitFolder, writeDatasetFolder } from './datasetFolder';
import type { DatasetColumns } from './duckdbFile';
import { buildDuckDbFile, relayoutDuckDbFile, UPGRADE_DIR } from './duckdbFile';
import type { VaultService } from './vaultTypes';

/**
 * Old caches rewritten into the query layout once, natively, in main (issue 20; decision 0027):
 * a dataset pulled before 0010 (three Arrow tables) or under 0010 (a layout-1 DuckDB file) was laid
 * out by duckdb-wasm at every load (80 s and 2 GB at 5M genotypes); a file of an older query
 * layout (2, before the per-term ix lists of 0040) is rewritten from its public views the same way. The first request for its
 * database builds the layout file with native DuckDB from the verified plaintext (readPart: the
 * same visa, binding and checksum checks as any read), seals it under a new data key with the same
 * provenance (DATA-03; binding and retention unchanged, DATA-05) and swaps the folder atomically
 * (commitFolder): a crash leaves the old copy or the new one, never a mix. The write is audited
 * as a cache write (DATA-08: counts, no content).
 */

export interface UpgradeDeps {
  readonly service: Pick<VaultService, 'writer' | 'readPart' | 'list' | 'changed'>;
  readonly keys: DataKeyCache;
  readonly audit: AuditLog;
  readonly logger: Logger;
}

/** True when the dataset is not stored as a query-layout DuckDB file of this version. */
export const needsUpgrade = (m: VaultManifest): boolean =>
  formatOf(m) !== 'duckdb' || (m.layout ?? 1) < SCHEMA_VERSION;

const running = new Map<string, Promise<boolean>>();

/**
 * Rewrites the signed-in user's dataset when it is old; true when it did. Concurrent calls for the
 * same dataset share one rewrite. Throws when the rewrite failed (the old copy stays as it was).
 */
export function upgradeCache(d: UpgradeDeps, datasetId: string): Promise<boolean> {
  const w = d.service.writer();
  if (w === undefined) return Promise.resolve(false);
  const key = `${w.userDir}\u0000${datasetId}`;
  const pending = running.get(key);
  if (pending !== undefined) return pending;
  const job = rewrite(d, datasetId).finally(() => running.delete(key));
  running.set(key, job);
  return job;
}

const manifestOf = (d: UpgradeDeps, id: string): VaultManifest | undefined =>
  d.service.list().datasets.find((m) => m.datasetId === id);

async function rewrite(d: UpgradeDeps, datasetId: string): Promise<boolean> {
  const w = d.service.writer();
  const before = manifestOf(d, datasetId);
  if (w === undefined || before === undefined || !needsUpgrade(before)) return false;
  const format = formatOf(before);
  const plain = new Map<VaultPart, Buffer>();
  for (const part of FORMAT_PARTS[format]) {
    const r = d.service.readPart(datasetId, part);
    // Unreadable (expired, revoked, tampered): the read itself answers why; nothing is rewritten.
    if (!r.ok) return false;
    plain.set(part, r.bytes);
  }
  const work = join(w.userDir, UPGRADE_DIR, randomBytes(8).toString('hex'));
  const ids = { datasetId, nodeId: before.nodeId };
  const t0 = performance.now();
  try {
    const database =
      format === 'arrow'
        ? await buildDuckDbFile(join(work, 'scratch'), columnsOf(plain), ids)
        : await relayoutDuckDbFile(
            join(work, 'scratch'),
            plain.get('database') ?? Buffer.alloc(0),
            ids,
          );
    for (const b of plain.values()) b.fill(0);
    // From here to the swap nothing awaits: a purge, a re-pull, a lock or another user's sign-in
    // during the build is seen here, and none can happen between this check and the rename.
    const now = d.service.writer();
    const still = manifestOf(d, datasetId);
    if (
      now?.masterKey !== w.masterKey ||
      now.userDir !== w.userDir ||
      still === undefined ||
      still.pulledAt !== before.pulledAt ||
      JSON.stringify(still.sha256) !== JSON.stringify(before.sha256)
    ) {
      database.fill(0);
      return false;
    }
    // writeDatasetFolder computes the checksums and sizes of the new part.
    const provenance: Partial<VaultManifest> = { ...before };
    delete provenance.sha256;
    delete provenance.bytes;
    writeDatasetFolder({
      outDir: join(work, 'out'),
      user: w.user,
      masterKey: w.masterKey,
      parts: { database },
      manifest: {
        ...(provenance as Omit<VaultManifest, 'sha256' | 'bytes'>),
        schemaVersion: 2,
        format: 'duckdb',
        layout: SCHEMA_VERSION,
      },
    });
    database.fill(0);
    commitFolder(join(work, 'out'), join(w.userDir, datasetId));
    d.keys.drop(datasetId);
    d.audit.append('vault.write', {
      datasetId,
      nodeId: before.nodeId,
      sub: w.user.sub,
      iss: w.user.iss,
      jti: before.visa.jti,
      purpose: before.purpose,
      rows: before.rows,
      rewrittenFrom:
        format === 'arrow' ? 'arrow-0006' : `duckdb-layout-${String(before.layout ?? 1)}`,
    });
    d.logger.info('vault.cache_rewritten', {
      datasetId,
      from: format,
      ms: Math.round(performance.now() - t0),
    });
    d.service.changed();
    return true;
  } finally {
    rmSync(work, { recursive: true, force: true });
    // The folder goes once no other rewrite uses it (one that does removes it when it ends).
    try {
      rmdirSync(join(w.userDir, UPGRADE_DIR));
    } catch {
      // not empty, or already gone
    }
  }
}

/** The rows of a 0006 dataset's three Arrow tables, column by column (as a pull assembles them). */
function columnsOf(parts: ReadonlyMap<VaultPart, Buffer>): DatasetColumns {
  const out = {} as DatasetColumns;
  for (const table of CACHE_TABLES) {
    const t = tableFromIPC(parts.get(table) ?? Buffer.alloc(0));
    const cols: Record<string, unknown[]> = {};
    for (const field of t.schema.fields) {
      const child = t.getChild(field.name);
      if (child === null) continue;
      cols[field.name] = Array.from(child as Iterable<unknown>, (v) =>
        v !== null && typeof v === 'object' && Symbol.iterator in v
          ? Array.from(v as Iterable<unknown>, String)
          : v,
      );
    }
    out[table] = cols;
  }
  return out;
}
