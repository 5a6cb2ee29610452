import type { CacheTable } from '../schema';
import { CACHE_COLUMNS } from '../schema';

/**
 * Tests only: the genotype tables of the layout as decision 0053 wrote them, before 0067 (every
 * genotype decoded to text and joined by string; pairs sorted as {ix, z} structs; carriers per gene
 * by count(DISTINCT) over unnested lists). The reference the current statements must equal, table
 * by table. Runs after layout.ts's cd_individuals exists in `dst`, into `out`.
 */
export function genotypeTablesBefore0067(
  src: Record<CacheTable, string>,
  dst: string,
  out: string,
): string[] {
  const typed = (t: CacheTable, alias: string): string =>
    CACHE_COLUMNS[t].map(([c, ty]) => `CAST(${alias}.${c} AS ${ty}) AS ${c}`).join(', ');
  const order = 'upper(v.gene), v.chrom, v.pos, v.variant_key';
  const linked =
    `SELECT g.variant_key, i.ix, z.code AS zygosity FROM ${src.genotypes} g ` +
    `JOIN ${dst}.cd_individuals i ON i.individual_id = g.individual_id ` +
    `LEFT JOIN ${out}.cd_zygosities z ON z.zygosity = CAST(g.zygosity AS VARCHAR)`;
  return [
    `CREATE TABLE ${out}.cd_zygosities AS SELECT (row_number() OVER (ORDER BY zygosity) - 1)::INTEGER ` +
      `AS code, zygosity FROM (SELECT DISTINCT CAST(zygosity AS VARCHAR) AS zygosity FROM ${src.genotypes} ` +
      'WHERE zygosity IS NOT NULL) ORDER BY code',
    `CREATE TABLE ${out}.cd_variants AS WITH c AS (SELECT variant_key, ` +
      `list_sort(list({'ix': ix, 'z': zygosity})) AS pairs FROM (${linked}) GROUP BY variant_key) ` +
      `SELECT (row_number() OVER (ORDER BY ${order}) - 1)::INTEGER AS vx, ` +
      `upper(CAST(v.gene AS VARCHAR)) AS gene_key, ${typed('variants', 'v')}, ` +
      'coalesce([p.ix FOR p IN c.pairs], []::INTEGER[]) AS carriers, ' +
      'coalesce([p.z FOR p IN c.pairs], []::INTEGER[]) AS zygosity_codes, ' +
      'coalesce(len(c.pairs), 0)::INTEGER AS n_carriers ' +
      `FROM ${src.variants} v LEFT JOIN c ON c.variant_key = v.variant_key ORDER BY ${order}`,
    `CREATE TABLE ${out}.cd_genotypes_unlinked AS SELECT ${typed('genotypes', 'g')} FROM ${src.genotypes} g ` +
      `WHERE NOT EXISTS (SELECT 1 FROM ${dst}.cd_individuals i WHERE i.individual_id = g.individual_id) ` +
      `OR NOT EXISTS (SELECT 1 FROM ${out}.cd_variants v WHERE v.variant_key = g.variant_key)`,
    `CREATE TABLE ${out}.cd_gene_counts AS SELECT gene_key, count(DISTINCT ix)::INTEGER AS carriers ` +
      `FROM (SELECT gene_key, unnest(carriers) AS ix FROM ${out}.cd_variants WHERE gene_key IS NOT NULL) ` +
      'GROUP BY gene_key ORDER BY gene_key',
  ];
}
