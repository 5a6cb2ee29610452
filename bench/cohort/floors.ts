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
 *   `cd_term_disease_groups`);
 * - `f_individual_bits`: the individuals of each sex and country as a bitmap or ix list,
 *   `f_carrier_groups`: carriers per consequence and AF bucket, `f_gene_carrier_groups`: dense
 *   carriers per gene and AF bucket (the layout's `cd_individual_bits`, `cd_carrier_groups`,
 *   `cd_gene_carrier_groups`, decisions 0098 and 0103): a sex or country condition, a genotype
 *   criterion's whole buckets are ORed from them, only the rest scanned from `f_geno`/`f_geno_c`.
 * No floor stores a query's answer beyond those summaries.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { keepCacheTerms } from '../../shared/cohorts/cacheTerms';
import type { CohortFilters } from '../../shared/cohorts/definition';
import { hasGenotype } from '../../shared/cohorts/definition';
import { withDescendants } from '../../shared/cohorts/hpo';
import { AF_EDGES, afBucket } from '../../shared/cohorts/layout';

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
    `CREATE TABLE f_individual_bits AS SELECT * FROM ${src}.cd_individual_bits ORDER BY kind, value`,
    `CREATE TABLE f_carrier_groups AS SELECT * FROM ${src}.cd_carrier_groups ORDER BY consequence, af_hi`,
    `CREATE TABLE f_gene_carrier_groups AS SELECT * FROM ${src}.cd_gene_carrier_groups ORDER BY gene_key, af_hi`,
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
  // Stored groups ORed (bitmaps and, where stored, ix lists), plus the bitmap of `rest` rows.
  const stored = (table: string, where: string, lists: boolean, rest?: string): string =>
    `(SELECT bit_or(b) FROM (SELECT bits AS b FROM ${table} WHERE bits IS NOT NULL AND ${where}` +
    (lists || rest !== undefined
      ? ` UNION ALL SELECT bitstring_agg(ix, 0, ${String(last)}) FROM (` +
        [
          ...(lists
            ? [`SELECT unnest(ixs) AS ix FROM ${table} WHERE ixs IS NOT NULL AND ${where}`]
            : []),
          ...(rest === undefined ? [] : [rest]),
        ].join(' UNION ALL ') +
        ')'
      : '') +
    '))';
  const max = g?.maxAf;
  const within = max === undefined ? AF_EDGES : AF_EDGES.filter((e) => e <= max);
  const edge = within.length === 0 ? undefined : Math.max(...within);
  const bounded = max === undefined ? 'TRUE' : `af_hi <= ${String(max)}`;
  const genoSet = (): string => {
    const c = g?.consequence ?? '';
    // No gene: whole consequence × AF buckets, only the bucket a bound cuts scanned (0098).
    if (gene === undefined && edge !== undefined)
      return stored(
        'f_carrier_groups',
        and([...(c === '' ? [] : [`consequence = ${lit(c)}`]), bounded]),
        true,
        max === undefined || edge === max
          ? undefined
          : `SELECT ix FROM f_geno_c WHERE ${vf} AND af > ${String(edge)}`,
      );
    // A gene without a consequence: its dense buckets, the rest of its genotypes scanned (0103).
    if (gene !== undefined && c === '') {
      const groups = `gene_key = ${lit(gene)} AND ${bounded}`;
      return stored(
        'f_gene_carrier_groups',
        groups,
        false,
        `SELECT ix FROM f_geno WHERE ${vf} AND coalesce(${afBucket('af')}, -1) NOT IN ` +
          `(SELECT coalesce(af_hi, -1) FROM f_gene_carrier_groups WHERE ${groups})`,
      );
    }
    return bits(genoTable, vf);
  };
  const genoBits = g === undefined ? [] : [genoSet()];
  const valueBits = (kind: string, values: readonly string[]): string =>
    stored('f_individual_bits', `kind = ${lit(kind)} AND ${inList('value', values)}`, true);
  const indBits = [
    ...(f.sexes.length > 0 ? [valueBits('sex', f.sexes)] : []),
    ...(f.countries.length > 0 ? [valueBits('country', f.countries)] : []),
  ];
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
      if (sets.length > 0)
        return (
          'SELECT key, n FROM (SELECT value AS key, CASE WHEN k.bits IS NOT NULL THEN bit_count(k.bits & c.b) ' +
          'ELSE len(list_filter(k.ixs, x -> get_bit(c.b, x) = 1)) END AS n FROM f_individual_bits k, ' +
          `(SELECT ${amp([...sets, ...indBits])} AS b) c WHERE k.kind = 'country') WHERE n > 0 ORDER BY n DESC, key`
        );
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
