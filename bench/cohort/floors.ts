/**
 * The "floor" of each suite query (issue 20): the same answer computed by native DuckDB from
 * tables laid out for that one query, written by hand for one dataset. Compared with the app's
 * statement (shared/cohorts/sql.ts over the dataset's file) in the same run, it shows what the
 * general layout and SQL cost beyond a bespoke one. The floor tables, in native memory:
 * - `f_ind` (individuals by ix) and `f_ind_sc` (ix by sex, country: zone maps prune sex/country);
 * - `f_pheno`, `f_dis`: term × ix, by term;
 * - `f_geno`: every genotype with its variant's gene, consequence, af, position (denormalised),
 *   sorted by gene, consequence, af; `f_geno_c` the same sorted by consequence, af (for criteria
 *   without a gene): a variant criterion is a pruned scan, no list and no join;
 * - `f_var`: variant columns with carriers counted; `f_gene_counts`, `f_term_counts`: the
 *   summaries the issue names (carriers per gene and per variant, phenotype counts);
 *   `f_term_groups`: phenotype counts per term, sex and country, `f_disease_groups`: individuals
 *   per sex, country and list of diseases, `f_term_disease_groups`: phenotype counts per term,
 *   sex, country and list of diseases (the layout's `cd_term_groups`, `cd_disease_groups`,
 *   `cd_term_disease_groups`).
 * No floor stores a query's answer beyond those summaries.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { keepCacheTerms } from '../../shared/cohorts/cacheTerms';
import type { CohortFilters } from '../../shared/cohorts/definition';
import { hasGenotype } from '../../shared/cohorts/definition';
import { withDescendants } from '../../shared/cohorts/hpo';

/** Builds the floor tables from the dataset's layout attached as `src`. */
export async function buildFloorTables(conn: DuckDBConnection, src: string): Promise<void> {
  const geno =
    'SELECT v.gene_key, v.consequence, v.af, v.vx, v.chrom, v.pos, v.variant_key, g.ix, z.zygosity ' +
    `FROM (SELECT vx, unnest(carriers) AS ix, unnest(zygosity_codes) AS code FROM ${src}.cd_variants) g ` +
    `JOIN ${src}.cd_variants v ON v.vx = g.vx LEFT JOIN ${src}.cd_zygosities z ON z.code = g.code`;
  for (const s of [
    `CREATE TABLE f_ind AS SELECT ix, dataset_id, node_id, individual_id, sex, age_band, country, diseases, phenotypes FROM ${src}.cd_individuals ORDER BY ix`,
    `CREATE TABLE f_ind_sc AS SELECT ix, sex, country FROM ${src}.cd_individuals ORDER BY sex, country, ix`,
    `CREATE TABLE f_pheno AS SELECT term, ix FROM ${src}.cd_phenotypes ORDER BY term, ix`,
    `CREATE TABLE f_dis AS SELECT term, ix FROM ${src}.cd_diseases ORDER BY term, ix`,
    `CREATE TABLE f_var AS SELECT vx, variant_key, chrom, pos, ref, alt, gene, gene_key, consequence, hgvs_c, hgvs_p, clin_sig, af, len(carriers) AS carriers FROM ${src}.cd_variants ORDER BY vx`,
    `CREATE TABLE f_geno AS ${geno} ORDER BY v.gene_key, v.consequence, v.af`,
    'CREATE TABLE f_geno_c AS SELECT * FROM f_geno ORDER BY consequence, af, gene_key',
    `CREATE TABLE f_gene_counts AS SELECT * FROM ${src}.cd_gene_counts`,
    `CREATE TABLE f_term_counts AS SELECT * FROM ${src}.cd_term_counts`,
    `CREATE TABLE f_disease_groups AS SELECT sex, country, diseases, n FROM ${src}.cd_disease_groups ORDER BY sex, country`,
    `CREATE TABLE f_term_groups AS SELECT term, sex, country, n FROM ${src}.cd_term_groups ORDER BY sex, country, term`,
    `CREATE TABLE f_term_disease_groups AS SELECT term, sex, country, diseases, n FROM ${src}.cd_term_disease_groups ORDER BY sex, country, term`,
  ])
    await conn.run(s);
}

const lit = (v: string | number): string =>
  typeof v === 'number' ? String(v) : `'${v.replaceAll("'", "''")}'`;
const inList = (col: string, xs: readonly string[]): string =>
  `${col} IN (${xs.map(lit).join(', ')})`;
const and = (xs: readonly string[]): string => (xs.length === 0 ? 'TRUE' : xs.join(' AND '));

const ROW = 'dataset_id, node_id, individual_id, sex, age_band, country, diseases, phenotypes';
const VAR = 'variant_key, chrom, pos, ref, alt, gene, consequence, hgvs_c, hgvs_p, clin_sig, af';
const NULLS = `${VAR}, zygosity`
  .split(', ')
  .map((c) => `NULL::${c === 'pos' ? 'INTEGER' : c === 'af' ? 'DOUBLE' : 'VARCHAR'} AS ${c}`)
  .join(', ');

/** The floor statement of one suite query (`kind` as in querySuite.ts) for one dataset. */
export function floorSql(f: CohortFilters, kind: string, individuals: number): string {
  const last = individuals - 1;
  const bits = (from: string, where: string): string =>
    `(SELECT bitstring_agg(ix, 0, ${String(last)}) FROM ${from} WHERE ${where})`;
  const w = and([
    ...(f.sexes.length > 0 ? [inList('sex', f.sexes)] : []),
    ...(f.countries.length > 0 ? [inList('country', f.countries)] : []),
  ]);
  const hasW = w !== 'TRUE';
  const criteria = f.phenotypes.map((p) =>
    p.includeDescendants ? keepCacheTerms(p.id, withDescendants(p.id)) : [p.id],
  );
  const terms = (f.phenotypeMatch === 'all' ? criteria : [criteria.flat()])
    .filter((t) => t.length > 0)
    .map((t) => bits('f_pheno', inList('term', t)));
  if (f.diseases.length > 0) terms.push(bits('f_dis', inList('term', f.diseases)));
  const g = hasGenotype(f.genotype) ? f.genotype : undefined;
  const gene = (g?.gene ?? '') === '' ? undefined : (g?.gene ?? '').toUpperCase();
  const vf = and([
    ...(gene === undefined ? [] : [`gene_key = ${lit(gene)}`]),
    ...((g?.consequence ?? '') === '' ? [] : [`consequence = ${lit(g?.consequence ?? '')}`]),
    ...(g?.maxAf === undefined ? [] : [`af <= ${String(g.maxAf)}`]),
  ]);
  const genoTable = gene === undefined ? 'f_geno_c' : 'f_geno';
  const genoBits = g === undefined ? [] : [bits(genoTable, vf)];
  const indBits = hasW ? [bits('f_ind_sc', w)] : [];
  const amp = (xs: readonly string[]): string => xs.join(' & ');
  const sets = [...terms, ...genoBits];
  // A cohort by diseases alone (with sex and country): the individuals (and their phenotype rows)
  // per list of diseases.
  const byDiseases = f.diseases.length > 0 && f.phenotypes.length === 0 && g === undefined;
  const listed = `list_has_any(diseases, [${f.diseases.map(lit).join(', ')}])`;
  const diseaseGroups = byDiseases ? `f_disease_groups WHERE ${w} AND ${listed}` : undefined;
  const members = (cols: string): string =>
    sets.length === 0
      ? `SELECT ${cols} FROM f_ind WHERE ${w}`
      : `SELECT ${cols} FROM f_ind, (SELECT ${amp(sets)} AS b) c WHERE ${w} AND get_bit(c.b, ix) = 1`;
  switch (kind) {
    case 'count':
      if (diseaseGroups !== undefined)
        return `SELECT coalesce(sum(n), 0)::INTEGER AS n FROM ${diseaseGroups}`;
      if (sets.length === 0)
        return `SELECT count(*) AS n FROM ${hasW ? 'f_ind_sc' : 'f_ind'} WHERE ${w}`;
      if (gene !== undefined && vf === `gene_key = ${lit(gene)}` && !hasW && terms.length === 0)
        return `SELECT carriers AS n FROM f_gene_counts WHERE gene_key = ${lit(gene)}`;
      return `SELECT bit_count(${amp([...sets, ...indBits])}) AS n`;
    case 'rows':
      return `${members(ROW)} ORDER BY ix LIMIT 50`;
    case 'byCountry':
      if (diseaseGroups !== undefined)
        return `SELECT country AS key, sum(n)::INTEGER AS n FROM ${diseaseGroups} GROUP BY ALL ORDER BY n DESC, key`;
      return `${members('country AS key, count(*) AS n')} GROUP BY ALL ORDER BY n DESC, key`;
    case 'byPhenotype': {
      const all = [...sets, ...indBits];
      if (all.length === 0)
        return 'SELECT term AS key, n FROM f_term_counts ORDER BY n DESC, key LIMIT 10';
      if (sets.length === 0)
        return `SELECT term AS key, sum(n)::INTEGER AS n FROM f_term_groups WHERE ${w} GROUP BY ALL ORDER BY n DESC, key LIMIT 10`;
      if (byDiseases)
        return `SELECT term AS key, sum(n)::INTEGER AS n FROM f_term_disease_groups WHERE ${w} AND ${listed} GROUP BY ALL ORDER BY n DESC, key LIMIT 10`;
      return `SELECT term AS key, count(*) AS n FROM f_pheno, (SELECT ${amp(all)} AS b) c WHERE get_bit(c.b, ix) = 1 GROUP BY ALL ORDER BY n DESC, key LIMIT 10`;
    }
    case 'variants': {
      const others = [...terms, ...indBits];
      if (others.length === 0)
        return `SELECT variant_key, gene, consequence, af, carriers FROM f_var WHERE ${vf} AND carriers > 0 ORDER BY carriers DESC, variant_key LIMIT 20`;
      return (
        `SELECT v.variant_key, v.gene, v.consequence, v.af, h.n AS carriers FROM (SELECT vx, count(*) AS n FROM ${genoTable}, (SELECT ${amp(others)} AS b) c ` +
        `WHERE ${vf} AND get_bit(c.b, ix) = 1 GROUP BY vx) h JOIN f_var v ON v.vx = h.vx ORDER BY carriers DESC, variant_key LIMIT 20`
      );
    }
    case 'export': {
      if (g === undefined) return `${members(`${ROW}, ${NULLS}`)} ORDER BY ix LIMIT 50`;
      const others = [...terms, ...indBits];
      const keep = others.length === 0 ? '' : `, (SELECT ${amp(others)} AS b) c`;
      const bit = others.length === 0 ? '' : ' AND get_bit(c.b, ix) = 1';
      return (
        `SELECT ${ROW.split(', ')
          .map((c) => `i.${c}`)
          .join(', ')}, ${VAR.split(', ')
          .map((c) => `v.${c}`)
          .join(', ')}, k.zygosity ` +
        `FROM (SELECT ix, vx, zygosity FROM ${genoTable}${keep} WHERE ${vf}${bit} ORDER BY ix, chrom, pos, variant_key LIMIT 50) k ` +
        'JOIN f_ind i ON i.ix = k.ix JOIN f_var v ON v.vx = k.vx ORDER BY i.ix, v.chrom, v.pos, v.variant_key'
      );
    }
    default:
      throw new Error(`no floor for ${kind}`);
  }
}
