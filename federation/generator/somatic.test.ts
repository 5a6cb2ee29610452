import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS } from '../catalogue';
import { ICD10_TO_ONCOTREE, ONCOTREE_PREFIX, ONCOTREE_ROWS } from '../reference/oncotree';
import type { DataManifest, GroundTruth } from './index';
import { SOMATIC_ALLELES } from './somatic';
import { openSql, smallTestData, type Sql } from './testing/fixture';
import { readFileSync } from 'node:fs';

let m: DataManifest;
let sql: Sql;
let truth: GroundTruth;
beforeAll(async () => {
  m = await smallTestData();
  sql = await openSql();
  truth = JSON.parse(readFileSync(join(m.dir, 'ground-truth.json'), 'utf8')) as GroundTruth;
});
afterAll(() => {
  sql.close();
});

const parquet = (node: string, table: string): string =>
  `read_parquet('${join(m.dir, node, `${table}.parquet`)}')`;

describe('issue 19: tumour types and somatic alleles of the cancer cohorts', () => {
  it('issue 19: every cancer patient has exactly one OncoTree type, mapped from its ICD-10 diagnosis', async () => {
    for (const ds of DATASETS.filter((d) => d.kind === 'cancer')) {
      const rows = await sql(
        `SELECT diseases FROM ${parquet(ds.node, 'individuals')} WHERE dataset_id = '${ds.id}'`,
      );
      for (const r of rows) {
        const diseases = r['diseases'] as string[];
        const types = diseases.filter((d) => d.startsWith(ONCOTREE_PREFIX));
        const mapped = diseases.flatMap((d) => ICD10_TO_ONCOTREE[d] ?? []);
        expect(types, `${ds.id} ${diseases.join(',')}`).toEqual([...new Set(mapped)]);
        expect(types).toHaveLength(1);
      }
      const counts = truth.datasets[ds.id]?.tumourTypes ?? {};
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(ds.individuals);
      for (const code of Object.keys(counts))
        expect(ONCOTREE_ROWS.map(([id]) => id)).toContain(ONCOTREE_PREFIX + code);
    }
  });

  it('issue 19: somatic alleles are only in cancer cohorts, heterozygous, and the truth counts them by tumour type', async () => {
    const ids = SOMATIC_ALLELES.map((s) => `'${s.variantId}'`).join(',');
    for (const ds of DATASETS) {
      const rows = await sql(
        `SELECT g.variant_id, g.zygosity, list_filter(i.diseases, d -> starts_with(d, '${ONCOTREE_PREFIX}'))[1] AS t
         FROM ${parquet(ds.node, 'genotypes')} g JOIN ${parquet(ds.node, 'individuals')} i USING (dataset_id, individual_id)
         WHERE g.dataset_id = '${ds.id}' AND g.variant_id IN (${ids})`,
      );
      if (ds.kind !== 'cancer') {
        expect(rows, ds.id).toEqual([]);
        continue;
      }
      const counted: Record<string, Record<string, number>> = {};
      for (const r of rows) {
        expect(r['zygosity']).toBe('het');
        const v = String(r['variant_id']);
        const t = String(r['t']).slice(ONCOTREE_PREFIX.length);
        counted[v] = { ...counted[v], [t]: (counted[v]?.[t] ?? 0) + 1 };
      }
      const somatic = truth.datasets[ds.id]?.somatic ?? {};
      expect(Object.keys(somatic).sort()).toEqual(Object.keys(counted).sort());
      for (const [v, s] of Object.entries(somatic)) expect(s.byTumourType, v).toEqual(counted[v]);
    }
  });

  it('issue 19: the planted actionable allele has exactly its planted carriers in both countries', () => {
    for (const s of SOMATIC_ALLELES.filter((a) => a.planted !== undefined))
      for (const [ds, byType] of Object.entries(s.planted ?? {}))
        expect(truth.datasets[ds]?.somatic[s.variantId]?.byTumourType).toEqual(byType);
  });
});
