/**
 * The foreign node's data: the base node's generated Parquet, with every variant lifted to GRCh37
 * by the UCSC chain (federation/reference/liftover.ts), dataset ids renamed, and individual and
 * variant ids replaced by opaque ones (md5-derived, stable across runs). Variants without a GRCh37
 * place are left out and listed in `liftover.json` beside the Parquet (the data card).
 */
import { access, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { withDirLock } from '../generator/lock.js';
import { liftToGrch37 } from '../reference/liftover.js';
import { FOREIGN_ASSEMBLY, FOREIGN_BASE, FOREIGN_NODE } from './catalogue.js';

/** What the conversion kept and dropped (written as liftover.json; read by tests and the data card). */
export interface ForeignDataCard {
  readonly base: string;
  readonly assembly: string;
  readonly chain: string;
  readonly variants: number;
  readonly lifted: number;
  /** GRCh38 ids (chrom-pos-ref-alt) of the base variants with no GRCh37 place, and why. */
  readonly dropped: readonly { readonly id: string; readonly reason: string }[];
}

const sql = (s: string): string => `'${s.replaceAll("'", "''")}'`;
const CARD = 'liftover.json';
// Bumped when the conversion changes, so an old copy is rebuilt.
const VERSION = 1;

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** The opaque id expressions (salted with the node id so they differ from every other node's). */
const opaque = (prefix: string, column: string): string =>
  `'${prefix}' || substr(md5('${FOREIGN_NODE.id}:' || ${column}), 1, 16)`;

async function liftTable(conn: DuckDBConnection, baseDir: string): Promise<ForeignDataCard> {
  const reader = await conn.runAndReadAll(
    `SELECT DISTINCT variant_id, chrom, pos, ref, alt FROM read_parquet(${sql(join(baseDir, 'variants.parquet'))})`,
  );
  const rows = reader.getRowObjectsJS() as {
    variant_id: string;
    chrom: string;
    pos: number;
    ref: string;
    alt: string;
  }[];
  await conn.run(
    'CREATE TABLE lift (variant_id VARCHAR, chrom VARCHAR, pos INTEGER, ref VARCHAR, alt VARCHAR)',
  );
  const appender = await conn.createAppender('lift');
  const dropped: { id: string; reason: string }[] = [];
  for (const r of rows) {
    const to = liftToGrch37({ chrom: r.chrom, pos: r.pos, ref: r.ref, alt: r.alt });
    if (to === undefined) {
      dropped.push({
        id: r.variant_id,
        reason: 'no single aligned GRCh37 block (or an indel on a reverse-strand block)',
      });
      continue;
    }
    appender.appendVarchar(r.variant_id);
    appender.appendVarchar(to.chrom);
    appender.appendInteger(to.pos);
    appender.appendVarchar(to.ref);
    appender.appendVarchar(to.alt);
    appender.endRow();
  }
  appender.closeSync();
  dropped.sort((a, b) => a.id.localeCompare(b.id));
  return {
    base: FOREIGN_BASE,
    assembly: FOREIGN_ASSEMBLY,
    chain: 'UCSC hg38ToHg19.over.chain.gz (blocks in federation/reference/liftover.data.ts)',
    variants: rows.length,
    lifted: rows.length - dropped.length,
    dropped,
  };
}

async function convert(baseDir: string, dir: string): Promise<void> {
  const tmp = `${dir}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  try {
    const card = await liftTable(conn, baseDir);
    const base = (t: string): string => `read_parquet(${sql(join(baseDir, `${t}.parquet`))})`;
    const out = (t: string): string => sql(join(tmp, `${t}.parquet`));
    const ds = `'${FOREIGN_NODE.id}' || substr(dataset_id, ${String(FOREIGN_BASE.length + 1)})`;
    await conn.run(
      `COPY (SELECT * REPLACE (${ds} AS dataset_id, ${opaque('ind-', 'individual_id')} AS individual_id,
         CASE WHEN family_id IS NULL THEN NULL ELSE ${opaque('fam-', 'family_id')} END AS family_id)
         FROM ${base('individuals')} ORDER BY 1, 2) TO ${out('individuals')} (FORMAT parquet)`,
    );
    await conn.run(
      `COPY (SELECT v.* REPLACE (${ds} AS dataset_id, ${opaque('gv-', 'v.variant_id')} AS variant_id,
         l.chrom AS chrom, l.pos AS pos, l.ref AS ref, l.alt AS alt)
         FROM ${base('variants')} v JOIN lift l USING (variant_id) ORDER BY dataset_id, chrom, pos)
         TO ${out('variants')} (FORMAT parquet)`,
    );
    await conn.run(
      `COPY (SELECT g.* REPLACE (${ds} AS dataset_id, ${opaque('ind-', 'g.individual_id')} AS individual_id,
         ${opaque('gv-', 'g.variant_id')} AS variant_id, l.chrom AS chrom, l.pos AS pos)
         FROM ${base('genotypes')} g JOIN lift l USING (variant_id) ORDER BY chrom, pos, variant_id)
         TO ${out('genotypes')} (FORMAT parquet)`,
    );
    await writeFile(join(tmp, CARD), `${JSON.stringify({ version: VERSION, ...card }, null, 1)}\n`);
  } finally {
    conn.closeSync();
    db.closeSync();
  }
  await rm(dir, { recursive: true, force: true });
  await rename(tmp, dir);
}

/**
 * Makes (once per data root; kept while the conversion version matches) the foreign node's Parquet
 * under `${dataDir}/foreign/DE/` from the base node's generated data, and returns its data card.
 */
export async function ensureForeignData(
  dataDir: string,
): Promise<{ dir: string; card: ForeignDataCard }> {
  const dir = join(dataDir, 'foreign', FOREIGN_NODE.id);
  const cardPath = join(dir, CARD);
  const current = async (): Promise<boolean> =>
    (await exists(cardPath)) &&
    (JSON.parse(await readFile(cardPath, 'utf8')) as { version?: number }).version === VERSION;
  await mkdir(join(dataDir, 'foreign'), { recursive: true });
  if (!(await current()))
    await withDirLock(`${dir}.lock`, async () => {
      // Another process may have converted it while this one waited for the lock.
      if (!(await current())) await convert(join(dataDir, FOREIGN_BASE), dir);
    });
  const card = JSON.parse(await readFile(cardPath, 'utf8')) as ForeignDataCard;
  return { dir, card };
}
