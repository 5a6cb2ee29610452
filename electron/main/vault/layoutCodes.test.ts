import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { DuckDBInstance, LIST, listValue, VARCHAR } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYOUT_TABLES, layoutStatements } from '../../../shared/cohorts/layout';
import type { CacheTable } from '../../../shared/cohorts/schema';
import { CACHE_COLUMNS, CACHE_TABLES } from '../../../shared/cohorts/schema';
import { genotypeTablesBefore0067 } from '../../../shared/cohorts/testing/layoutBefore0067';
import { sampleDataset } from '../../../shared/cohorts/testing/sampleCache';
import { openDatasetBuild } from './datasetBuild';

type Columns = Record<CacheTable, Record<string, unknown[]>>;

/**
 * A sample dataset plus every genotype shape the layout treats apart: ids the dataset does not
 * list, a variant nobody carries in a gene nobody else is in, a gene spelled in lower case, a NULL
 * gene, NULL ids and zygosities, a third zygosity, and one individual listed twice on a variant
 * with different zygosities (ties of ix that only the zygosity orders).
 */
function hostile(): { ids: { datasetId: string; nodeId: string }; cols: Columns } {
  const d = sampleDataset({
    datasetId: 'C-67',
    nodeId: 'FI',
    countries: ['FI', 'SE'],
    individuals: 400,
    variants: 120,
    genotypesPerIndividual: 6,
    seed: 67,
  });
  const cols = {
    individuals: d.individuals,
    variants: d.variants,
    genotypes: d.genotypes,
  } as Columns;
  const v = cols.variants;
  const extra = (key: string, gene: string | null) => {
    for (const [c, vals] of Object.entries(v)) vals.push(c === 'variant_key' ? key : vals[0]);
    (v.gene as unknown[])[v.gene!.length - 1] = gene;
  };
  extra('1-1-A-C', 'NOBODY1');
  extra('1-2-A-C', null);
  extra('1-3-A-C', 'brca1');
  const who = d.individuals.individual_id;
  const key = d.variants.variant_key;
  const g = cols.genotypes;
  const add = (i: string | null, k: string | null, z: string | null) => {
    g.individual_id!.push(i);
    g.variant_key!.push(k);
    g.zygosity!.push(z);
  };
  add('C-67-NOT-LISTED', key[0]!, 'het');
  add(who[3]!, 'X-1-NOT-LISTED', 'het');
  add('C-67-NOT-LISTED', 'X-1-NOT-LISTED', null);
  add(who[4]!, key[1]!, null);
  add(who[5]!, key[2]!, 'hemizygous');
  add(who[6]!, '1-2-A-C', 'hom');
  add(who[7]!, '1-3-A-C', 'het');
  add(who[7]!, '1-3-A-C', null);
  add(who[7]!, '1-3-A-C', 'hom');
  add(who[7]!, '1-3-A-C', 'het');
  add(null, key[3]!, 'het');
  add(who[8]!, null, 'het');
  return { ids: d, cols };
}

/** Appends the columns to a new table `name` with the public columns of `table`. */
async function load(
  conn: DuckDBConnection,
  name: string,
  table: CacheTable,
  cols: Columns[CacheTable],
  ids: { datasetId: string; nodeId: string },
) {
  await conn.run(
    `CREATE TABLE ${name} (${CACHE_COLUMNS[table].map(([c, t]) => `${c} ${t}`).join(', ')})`,
  );
  const app = await conn.createAppender(name);
  const n = Object.values(cols)[0]?.length ?? 0;
  for (let r = 0; r < n; r++) {
    for (const [c, t] of CACHE_COLUMNS[table]) {
      const x = c === 'dataset_id' ? ids.datasetId : c === 'node_id' ? ids.nodeId : cols[c]?.[r];
      if (x === null || x === undefined) app.appendNull();
      else if (t === 'VARCHAR[]') app.appendList(listValue(x as string[]), LIST(VARCHAR));
      else if (t === 'DOUBLE') app.appendDouble(x as number);
      else if (t === 'INTEGER') app.appendInteger(x as number);
      else app.appendVarchar(x as string);
    }
    app.endRow();
  }
  app.closeSync();
}

let conn: DuckDBConnection;
let dir: string;
beforeAll(async () => {
  const { ids, cols } = hostile();
  dir = mkdtempSync(join(tmpdir(), 'layout-codes-'));
  // The pull's path: pages appended to a build (genotypes as dictionary codes), then the finish.
  const build = await openDatasetBuild(ids);
  for (const t of CACHE_TABLES) {
    const n = Object.values(cols[t])[0]?.length ?? 0;
    for (let from = 0; from < n; from += 97)
      build.append(
        t,
        Object.fromEntries(Object.entries(cols[t]).map(([c, x]) => [c, x.slice(from, from + 97)])),
      );
  }
  const file = join(dir, 'built.duckdb');
  writeFileSync(file, await build.finish(join(dir, 'scratch')));
  conn = await (await DuckDBInstance.create(':memory:')).connect();
  await conn.run(`ATTACH '${file}' AS built (READ_ONLY)`);
  for (const t of CACHE_TABLES) await load(conn, `src_${t}`, t, cols[t], ids);
  const src = {
    individuals: 'src_individuals',
    variants: 'src_variants',
    genotypes: 'src_genotypes',
  };
  // The renderer's and the cache upgrade's path: the same statements over text relations.
  await conn.run('CREATE SCHEMA text');
  for (const s of layoutStatements(src, 'text')) await conn.run(s);
  await conn.run('CREATE SCHEMA before');
  for (const s of genotypeTablesBefore0067(src, 'text', 'before')) await conn.run(s);
});
afterAll(() => {
  conn.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

/** A table's rows as JSON lines, in stored order or sorted (the unlinked rows have no order). */
async function rows(table: string, sorted: boolean): Promise<string[]> {
  const out = (await conn.runAndReadAll(`SELECT * FROM ${table}`))
    .getRowObjectsJson()
    .map((r) => JSON.stringify(r));
  return sorted ? out.sort() : out;
}

describe('issue 20: the layout from dictionary codes (decision 0067)', () => {
  it('issue 20: the file a build writes from codes holds the tables the text statements lay out, table by table and in stored order', async () => {
    for (const t of LAYOUT_TABLES) {
      const unordered = t === 'cd_genotypes_unlinked';
      expect(await rows(`built.${t}`, unordered), t).toEqual(await rows(`text.${t}`, unordered));
    }
    expect((await rows('built.cd_genotypes_unlinked', true)).length).toBe(5);
  });

  it('issue 20: the genotype tables equal what the statements before 0067 wrote (struct-sorted pairs, text joins, count(DISTINCT) per gene)', async () => {
    for (const t of ['cd_zygosities', 'cd_variants', 'cd_genotypes_unlinked', 'cd_gene_counts']) {
      const unordered = t === 'cd_genotypes_unlinked';
      expect(await rows(`built.${t}`, unordered), t).toEqual(await rows(`before.${t}`, unordered));
      expect(await rows(`text.${t}`, unordered), t).toEqual(await rows(`before.${t}`, unordered));
    }
    // The ties: one individual four times on a variant, ordered by zygosity code with NULL last.
    const tie = (
      await conn.runAndReadAll(
        "SELECT carriers, zygosity_codes FROM built.cd_variants WHERE variant_key = '1-3-A-C'",
      )
    ).getRowsJson();
    const codes = (
      await conn.runAndReadAll('SELECT zygosity, code FROM built.cd_zygosities')
    ).getRows();
    const code = Object.fromEntries(codes.map(([z, c]) => [String(z), Number(c)]));
    expect(tie[0]?.[1]).toEqual([code.het, code.het, code.hom, null]);
  });
});
