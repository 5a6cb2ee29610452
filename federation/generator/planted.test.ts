import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS } from '../catalogue';
import { MODELS } from './cohortModels';
import { PLANTED, type DataManifest } from './index';
import { openSql, smallTestData, type Sql } from './testing/fixture';

let m: DataManifest;
let sql: Sql;
beforeAll(async () => {
  m = await smallTestData();
  sql = await openSql();
});

afterAll(() => {
  sql.close();
});

describe('planted signal', () => {
  it.each(PLANTED.map((p) => [p.gene, p.variantId, p] as const))(
    '%s %s explains its planted patients',
    async (_g, vid, p) => {
      const model = MODELS[p.model];
      expect(model).toBeDefined();
      for (const [ds, expected] of Object.entries(p.carriers)) {
        const node = DATASETS.find((d) => d.id === ds)?.node ?? '';
        const rows =
          await sql(`SELECT i.individual_id, g.zygosity, i.phenotypes, i.diseases, i.sex, i.family_role
        FROM read_parquet('${join(m.dir, node, 'genotypes.parquet')}') g JOIN read_parquet('${join(m.dir, node, 'individuals.parquet')}') i USING (dataset_id, individual_id)
        WHERE g.dataset_id = '${ds}' AND g.variant_id = '${vid}'`);
        const explained = rows.filter((r) => {
          const phen = r['phenotypes'] as string[];
          const dis = r['diseases'] as string[];
          const zygosityOk =
            p.inheritance === 'AR' ? r['zygosity'] === 'hom' : r['zygosity'] === 'het';
          return (
            zygosityOk &&
            (model?.always ?? []).every((t) => phen.includes(t)) &&
            (model?.diseases ?? []).every((d) => dis.includes(d))
          );
        });
        expect(explained.length, ds).toBe(expected);
        if (model?.sex) expect(explained.every((r) => r['sex'] === model.sex)).toBe(true);
        const [variant] = await sql(
          `SELECT gene, hgvs_c, hgvs_p, aa_change, clin_sig FROM read_parquet('${join(m.dir, node, 'variants.parquet')}') WHERE dataset_id = '${ds}' AND variant_id = '${vid}'`,
        );
        expect(variant).toEqual({
          gene: p.gene,
          hgvs_c: p.hgvsC,
          hgvs_p: p.hgvsP,
          aa_change: p.aaChange,
          clin_sig: p.clinSig,
        });
      }
    },
  );

  it('has BRAF V600E and CFTR F508del with carrier parents in trios', async () => {
    const braf = await sql(
      `SELECT count(*) AS n FROM read_parquet('${m.dir}/*/variants.parquet') WHERE variant_id = '7-140753336-A-T' AND aa_change = 'V600E'`,
    );
    expect(Number(braf[0]?.['n'])).toBeGreaterThan(0);
    const parents = await sql(`SELECT i.family_role, g.zygosity, count(*) AS n
      FROM read_parquet('${m.dir}/*/genotypes.parquet') g JOIN read_parquet('${m.dir}/*/individuals.parquet') i USING (dataset_id, individual_id)
      WHERE g.variant_id = '7-117559590-ATCT-A' AND i.family_id IN (
        SELECT i2.family_id FROM read_parquet('${m.dir}/*/genotypes.parquet') g2 JOIN read_parquet('${m.dir}/*/individuals.parquet') i2 USING (dataset_id, individual_id)
        WHERE g2.variant_id = '7-117559590-ATCT-A' AND g2.zygosity = 'hom' AND i2.family_role = 'proband')
      GROUP BY ALL ORDER BY ALL`);
    const byRole = Object.fromEntries(
      parents.map((r) => [`${String(r['family_role'])}/${String(r['zygosity'])}`, Number(r['n'])]),
    );
    expect(byRole['proband/hom']).toBeGreaterThan(0);
    expect(byRole['mother/het']).toBe(byRole['proband/hom']);
    expect(byRole['father/het']).toBe(byRole['proband/hom']);
  });

  it('makes recurrent variants appear in several countries', async () => {
    const rows =
      await sql(`SELECT variant_id, count(DISTINCT split_part(dataset_id, '-', 1)) AS nodes FROM read_parquet('${m.dir}/*/variants.parquet')
      WHERE variant_id IN ('7-117559590-ATCT-A', '22-28695868-AG-A', '17-43057062-T-TG') GROUP BY variant_id ORDER BY variant_id`);
    expect(rows).toHaveLength(3);
    for (const r of rows)
      expect(Number(r['nodes']), String(r['variant_id'])).toBeGreaterThanOrEqual(2);
  });
});
