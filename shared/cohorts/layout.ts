/**
 * The query layout of one cached dataset (docs/decisions/0027-cohort-query-layout.md): built by
 * native DuckDB when a pull writes the dataset's file, and by duckdb-wasm when an older cache is
 * loaded, from the same statements, so both always agree. Pure SQL over source relations with the
 * public columns of CACHE_COLUMNS.
 *
 * - `cd_individuals`: the rows sorted by individual_id, each with `ix` = its rank (0..n-1), the
 *   position of its bit in a cohort bitmap (sql.ts).
 * - `cd_phenotypes`, `cd_diseases`: one row per individual and term (long, sorted by term), for
 *   counts per term over a cohort and the Browser's carrier phenotypes.
 * - `cd_phenotype_index`, `cd_disease_index`: one row per term with the sorted ix of every
 *   individual carrying it (an inverted index, as `cd_variants.carriers`): a term criterion reads
 *   the rows of its terms only, a few hundred at most, instead of testing a row group of the long
 *   table for every term (layout 3, decision 0040: that scan was most of a term criterion's cost
 *   in single-threaded duckdb-wasm).
 * - `cd_variants`: sorted by gene (upper case, `gene_key`), chromosome and position; `carriers` is
 *   the sorted ix of every individual carrying it (an inverted index: a genotype criterion reads
 *   the matching variants' lists, never all genotypes), `zygosity_codes` the zygosity of each
 *   carrier as a code of `cd_zygosities` (layout 4, decision 0053: a list of strings per variant
 *   cost ten times the carriers' list to read), `n_carriers` = len(carriers), carriers per variant.
 * - `cd_zygosities`: the dataset's distinct zygosity strings, `code` = rank - 1 by the string.
 * - Summaries built from those tables in the same build (consistent by construction):
 *   `cd_gene_counts` (distinct carriers per gene), `cd_term_counts` (rows per phenotype term),
 *   `cd_individual_groups` (individuals per dataset, sex and country: a cohort constrained only by
 *   those is counted from a few rows, issue 20), `cd_term_groups` (rows of `cd_phenotypes` per
 *   term, dataset, sex and country: the phenotypes of such a cohort are counted from a few thousand
 *   rows instead of a scan of every phenotype row; layout 5, decision 0087), `cd_disease_groups`
 *   (individuals per dataset, sex, country and list of diseases: a cohort by diseases, sex and
 *   country is counted from one row per distinct list, not a scan of every individual; layout 5),
 *   `cd_term_disease_groups` (rows of `cd_phenotypes` per term and group of `cd_disease_groups`:
 *   the phenotypes of a cohort by diseases, sex and country from those rows instead of its bitmap
 *   tested against every phenotype row; layout 6, decision 0094), `cd_carrier_groups` (distinct
 *   carriers per consequence and AF bucket of AF_EDGES, as a bitmap of the cohort bitmaps' width
 *   when dense, else as the sorted ix list: a genotype criterion without a gene ORs its whole
 *   buckets instead of reading every matching variant's list; layout 7, decision 0098),
 *   `cd_individual_bits` (the individuals of each sex and of each country, NULL included, as a
 *   bitmap when dense, else as the sorted ix list: a cohort's sex and country condition is ORed
 *   from a few rows instead of a scan of every individual, and its size per sex or country is a
 *   bit_count per row; layout 8, decision 0103), `cd_gene_carrier_groups` (distinct carriers per
 *   gene and AF bucket, only where they fill a bitmap: a genotype criterion with a gene ORs them
 *   and reads only the variants of its other buckets; layout 8, decision 0103) and
 *   `cd_variants.n_carriers`.
 * - `cd_genotypes_unlinked`: genotype rows whose individual or variant the dataset lacks (no query
 *   can match them, but the `genotypes` view still lists every pulled row).
 * - Views `individuals`, `variants`, `genotypes` with exactly the public columns, so the console,
 *   the genome browser and tests read a dataset as before. View bodies name tables unqualified:
 *   DuckDB binds them in the view's own catalog and schema, whatever alias the file is attached as.
 */
import type { CacheTable } from './schema';
import { CACHE_COLUMNS } from './schema';

/** Layout tables of a dataset (besides the three public views). */
export const LAYOUT_TABLES = [
  'cd_individuals',
  'cd_phenotypes',
  'cd_diseases',
  'cd_phenotype_index',
  'cd_disease_index',
  'cd_variants',
  'cd_zygosities',
  'cd_genotypes_unlinked',
  'cd_gene_counts',
  'cd_term_counts',
  'cd_individual_groups',
  'cd_term_groups',
  'cd_disease_groups',
  'cd_term_disease_groups',
  'cd_carrier_groups',
  'cd_individual_bits',
  'cd_gene_carrier_groups',
] as const;

const names = (t: CacheTable): string[] => CACHE_COLUMNS[t].map(([c]) => c);
const typed = (t: CacheTable, alias: string): string =>
  CACHE_COLUMNS[t].map(([c, ty]) => `CAST(${alias}.${c} AS ${ty}) AS ${c}`).join(', ');
const VARIANT_ORDER = 'upper(v.gene), v.chrom, v.pos, v.variant_key';

/**
 * Upper edges of the allele-frequency buckets of `cd_carrier_groups` (layout 7, decision 0098):
 * the bounds a rare-variant criterion conventionally uses. A variant's bucket is the smallest edge
 * at or above its AF (+inf above the last edge or for NaN, NULL for a NULL AF), so a bound at or
 * above an edge holds for every variant of the buckets up to that edge.
 */
export const AF_EDGES: readonly number[] = [0, 0.0001, 0.001, 0.005, 0.01, 0.02, 0.05, 0.1];

/** The AF bucket (its upper edge) of `af`, in SQL: each edge read as the same double JS reads. */
export const afBucket = (af: string): string =>
  `CASE WHEN ${af} IS NULL THEN NULL ${AF_EDGES.map(
    (e) => `WHEN ${af} <= '${String(e)}'::DOUBLE THEN '${String(e)}'::DOUBLE`,
  ).join(' ')} ELSE 'inf'::DOUBLE END`;

/**
 * A carrier group is stored as a bitmap when that is no larger than its list of ix (4 bytes per
 * carrier against n / 8 bytes), else as the sorted list.
 */
const DENSE = 32;

/**
 * Genotypes as a pull's build holds them (issue 20, decision 0067): each text column an INTEGER
 * code of a dictionary, so the layout joins and groups integers and decodes only the few rows it
 * keeps as text (before, every genotype was decoded and joined by string three times).
 */
export interface CodedGenotypes {
  /** A relation (individual_id, variant_key, zygosity): codes of `dictionaries`, NULL for null. */
  codes: string;
  /** Per column, a relation (k INTEGER, s VARCHAR): one row per code, s distinct, never NULL. */
  dictionaries: Record<'individual_id' | 'variant_key' | 'zygosity', string>;
  /** SQL expressions of the columns every row shares. */
  constants: { dataset_id: string; node_id: string };
}

/** Relations with the public columns of each table; the genotypes possibly as codes. */
export type LayoutSource = Record<'individuals' | 'variants', string> & {
  genotypes: string | CodedGenotypes;
};

/**
 * A carrier and its zygosity code as one BIGINT (ix in the high 32 bits, the code or 2^32 - 1 for
 * NULL in the low ones): sorting these sorts by ix, then code with NULL last, exactly as the
 * {ix, z} structs sorted before 0067, at the cost of an integer sort.
 */
const PAIR = '(ix::BIGINT << 32) | coalesce(zygosity, 4294967295)';
const LOW = '4294967295';

/** The genotype parts of the layout for either kind of source. */
function genotypeSql(g: string | CodedGenotypes, dst: string) {
  const individuals = `${dst}.cd_individuals`;
  if (typeof g === 'string')
    return {
      zygosities: `SELECT DISTINCT CAST(zygosity AS VARCHAR) AS zygosity FROM ${g} WHERE zygosity IS NOT NULL`,
      carriers:
        `SELECT variant_key, list_sort(list(${PAIR})) AS pairs FROM (SELECT g.variant_key, i.ix, ` +
        `z.code AS zygosity FROM ${g} g JOIN ${individuals} i ON i.individual_id = g.individual_id ` +
        `LEFT JOIN ${dst}.cd_zygosities z ON z.zygosity = CAST(g.zygosity AS VARCHAR)) GROUP BY variant_key`,
      unlinked:
        `SELECT ${typed('genotypes', 'g')} FROM ${g} g WHERE NOT EXISTS (SELECT 1 FROM ${individuals} i ` +
        `WHERE i.individual_id = g.individual_id) OR NOT EXISTS (SELECT 1 FROM ${dst}.cd_variants v ` +
        'WHERE v.variant_key = g.variant_key)',
    };
  const d = g.dictionaries;
  // Codes of ids the dataset lists (an id listed twice joins twice, as the text join did).
  const ixOf = `(SELECT d.k, i.ix FROM ${d.individual_id} d JOIN ${individuals} i ON i.individual_id = d.s)`;
  const zOf = `(SELECT d.k, z.code FROM ${d.zygosity} d JOIN ${dst}.cd_zygosities z ON z.zygosity = d.s)`;
  const missing = (dict: string, table: string, column: string): string =>
    `(SELECT k FROM ${dict} d WHERE NOT EXISTS (SELECT 1 FROM ${dst}.${table} t WHERE t.${column} = d.s))`;
  const decoded =
    `(SELECT ${g.constants.dataset_id} AS dataset_id, ${g.constants.node_id} AS node_id, ` +
    'di.s AS individual_id, dv.s AS variant_key, dz.s AS zygosity FROM (SELECT * FROM ' +
    `${g.codes} WHERE individual_id IS NULL OR variant_key IS NULL ` +
    `OR individual_id IN ${missing(d.individual_id, 'cd_individuals', 'individual_id')} ` +
    `OR variant_key IN ${missing(d.variant_key, 'cd_variants', 'variant_key')}) c ` +
    `LEFT JOIN ${d.individual_id} di ON di.k = c.individual_id ` +
    `LEFT JOIN ${d.variant_key} dv ON dv.k = c.variant_key LEFT JOIN ${d.zygosity} dz ON dz.k = c.zygosity)`;
  return {
    zygosities: `SELECT DISTINCT s AS zygosity FROM ${d.zygosity} WHERE k IN (SELECT zygosity FROM ${g.codes})`,
    carriers:
      `SELECT dv.s AS variant_key, p.pairs FROM (SELECT variant_key, list_sort(list(${PAIR})) AS pairs ` +
      `FROM (SELECT c.variant_key, i.ix, z.code AS zygosity FROM ${g.codes} c JOIN ${ixOf} i ` +
      `ON i.k = c.individual_id LEFT JOIN ${zOf} z ON z.k = c.zygosity) GROUP BY variant_key) p ` +
      `JOIN ${d.variant_key} dv ON dv.k = p.variant_key`,
    unlinked: `SELECT ${typed('genotypes', 'g')} FROM ${decoded} g`,
  };
}

/**
 * Statements that build the layout in `dst` (a schema or catalog.schema prefix, e.g. `out.main`)
 * from `src`, relations with the public columns of each table (table names or parenthesised
 * selects), the genotypes possibly as dictionary codes. Run in order, in one connection; the source
 * may be dropped afterwards.
 */
export function layoutStatements(src: LayoutSource, dst: string): string[] {
  const terms = (list: 'phenotypes' | 'diseases'): string =>
    `CREATE TABLE ${dst}.cd_${list} AS SELECT term, ix FROM (SELECT ix, unnest(${list}) AS term ` +
    `FROM ${dst}.cd_individuals) ORDER BY term, ix`;
  const index = (list: 'phenotype' | 'disease'): string =>
    `CREATE TABLE ${dst}.cd_${list}_index AS SELECT term, list_sort(list(ix)) AS ixs ` +
    `FROM ${dst}.cd_${list}s GROUP BY term ORDER BY term`;
  const g = genotypeSql(src.genotypes, dst);
  return [
    `CREATE TABLE ${dst}.cd_individuals AS SELECT ` +
      `(row_number() OVER (ORDER BY s.individual_id) - 1)::INTEGER AS ix, ${typed('individuals', 's')} ` +
      `FROM ${src.individuals} s ORDER BY s.individual_id`,
    terms('phenotypes'),
    terms('diseases'),
    index('phenotype'),
    index('disease'),
    `CREATE TABLE ${dst}.cd_zygosities AS SELECT (row_number() OVER (ORDER BY zygosity) - 1)::INTEGER ` +
      `AS code, zygosity FROM (${g.zygosities}) ORDER BY code`,
    // One sorted list of (ix, zygosity) pairs per variant, then split: the two lists stay paired
    // by construction (an ORDER BY inside list() cost 20 s of CPU at 5M genotypes).
    `CREATE TABLE ${dst}.cd_variants AS WITH c AS (${g.carriers}) ` +
      `SELECT (row_number() OVER (ORDER BY ${VARIANT_ORDER}) - 1)::INTEGER AS vx, ` +
      `upper(CAST(v.gene AS VARCHAR)) AS gene_key, ${typed('variants', 'v')}, ` +
      'coalesce([(p >> 32)::INTEGER FOR p IN c.pairs], []::INTEGER[]) AS carriers, ' +
      `coalesce([nullif(p & ${LOW}, ${LOW})::INTEGER FOR p IN c.pairs], []::INTEGER[]) AS zygosity_codes, ` +
      'coalesce(len(c.pairs), 0)::INTEGER AS n_carriers ' +
      `FROM ${src.variants} v LEFT JOIN c ON c.variant_key = v.variant_key ORDER BY ${VARIANT_ORDER}`,
    `CREATE TABLE ${dst}.cd_genotypes_unlinked AS ${g.unlinked}`,
    // Distinct carriers per gene from each gene's lists (a hash of ix per gene, not of pairs).
    `CREATE TABLE ${dst}.cd_gene_counts AS SELECT gene_key, ` +
      'len(list_distinct(flatten(list(carriers))))::INTEGER AS carriers ' +
      `FROM ${dst}.cd_variants WHERE gene_key IS NOT NULL AND n_carriers > 0 ` +
      'GROUP BY gene_key ORDER BY gene_key',
    `CREATE TABLE ${dst}.cd_term_counts AS SELECT term, count(*)::INTEGER AS n ` +
      `FROM ${dst}.cd_phenotypes GROUP BY term ORDER BY term`,
    `CREATE TABLE ${dst}.cd_individual_groups AS SELECT dataset_id, sex, country, ` +
      `count(*)::INTEGER AS n FROM ${dst}.cd_individuals GROUP BY ALL ORDER BY ALL`,
    // Rows of cd_phenotypes per term and group of cd_individual_groups (layout 5, decision 0087).
    `CREATE TABLE ${dst}.cd_term_groups AS SELECT ph.term, i.dataset_id, i.sex, i.country, ` +
      `count(*)::INTEGER AS n FROM ${dst}.cd_phenotypes ph JOIN ${dst}.cd_individuals i ` +
      'ON i.ix = ph.ix GROUP BY ALL ORDER BY ALL',
    // Individuals per dataset, sex, country and list of diseases (layout 5, decision 0087).
    `CREATE TABLE ${dst}.cd_disease_groups AS SELECT dataset_id, sex, country, diseases, ` +
      `count(*)::INTEGER AS n FROM ${dst}.cd_individuals GROUP BY ALL ORDER BY ALL`,
    // Rows of cd_phenotypes per term and group of cd_disease_groups (layout 6, decision 0094).
    `CREATE TABLE ${dst}.cd_term_disease_groups AS SELECT ph.term, i.dataset_id, i.sex, i.country, ` +
      `i.diseases, count(*)::INTEGER AS n FROM ${dst}.cd_phenotypes ph JOIN ${dst}.cd_individuals i ` +
      'ON i.ix = ph.ix GROUP BY ALL ORDER BY ALL',
    // Distinct carriers per consequence and AF bucket (layout 7, decision 0098): a genotype
    // criterion without a gene reads the bitmaps (or lists) of its whole buckets instead of every
    // matching variant's list. bitstring_agg needs constant bounds: the width is a variable.
    `SET VARIABLE cd_carrier_bits = (SELECT greatest(count(*), 1) - 1 FROM ${dst}.cd_individuals)`,
    `CREATE TABLE ${dst}.cd_carrier_groups AS WITH u AS (SELECT consequence, ` +
      `${afBucket('af')} AS af_hi, unnest(carriers) AS ix FROM ${dst}.cd_variants ` +
      'WHERE n_carriers > 0), g AS (SELECT consequence, af_hi, ' +
      "bitstring_agg(ix, 0, getvariable('cd_carrier_bits')) AS b FROM u GROUP BY ALL), " +
      `s AS (SELECT u.consequence, u.af_hi, list_sort(list_distinct(list(u.ix))) AS ixs FROM u ` +
      `SEMI JOIN (SELECT * FROM g WHERE bit_count(b) * ${String(DENSE)} < bit_length(b)) d ` +
      'ON d.consequence IS NOT DISTINCT FROM u.consequence AND d.af_hi IS NOT DISTINCT FROM u.af_hi ' +
      'GROUP BY ALL) SELECT g.consequence, g.af_hi, bit_count(g.b)::INTEGER AS carriers, s.ixs, ' +
      'CASE WHEN s.ixs IS NULL THEN g.b END AS bits FROM g LEFT JOIN s ' +
      'ON s.consequence IS NOT DISTINCT FROM g.consequence AND s.af_hi IS NOT DISTINCT FROM g.af_hi ' +
      'ORDER BY g.consequence, g.af_hi',
    // The individuals of each sex and of each country (layout 8, decision 0103), NULL a value
    // like any other: a bitmap when dense, else the sorted ix list, as cd_carrier_groups.
    `CREATE TABLE ${dst}.cd_individual_bits AS WITH u AS (SELECT 'sex' AS kind, sex AS value, ix ` +
      `FROM ${dst}.cd_individuals UNION ALL SELECT 'country' AS kind, country AS value, ix ` +
      `FROM ${dst}.cd_individuals), g AS (SELECT kind, value, count(*)::INTEGER AS members, ` +
      "bitstring_agg(ix, 0, getvariable('cd_carrier_bits')) AS b, list_sort(list(ix)) AS l " +
      `FROM u GROUP BY ALL) SELECT kind, value, members, CASE WHEN members * ${String(DENSE)} ` +
      `< bit_length(b) THEN l END AS ixs, CASE WHEN members * ${String(DENSE)} >= bit_length(b) ` +
      'THEN b END AS bits FROM g ORDER BY kind, value',
    // Distinct carriers per gene and AF bucket where they fill a bitmap (layout 8, decision 0103):
    // only dense groups are stored (the table is never larger than the lists it summarises); a
    // gene criterion reads the variants of its other buckets, kept together by the sort by gene.
    `CREATE TABLE ${dst}.cd_gene_carrier_groups AS SELECT gene_key, af_hi, ` +
      'bit_count(bits)::INTEGER AS carriers, bits FROM (SELECT gene_key, af_hi, ' +
      "bitstring_agg(ix, 0, getvariable('cd_carrier_bits')) AS bits FROM (SELECT gene_key, " +
      `${afBucket('af')} AS af_hi, unnest(carriers) AS ix FROM ${dst}.cd_variants ` +
      'WHERE gene_key IS NOT NULL AND n_carriers > 0) GROUP BY ALL) ' +
      `WHERE bit_count(bits) * ${String(DENSE)} >= bit_length(bits) ORDER BY gene_key, af_hi`,
    'RESET VARIABLE cd_carrier_bits',
    ...publicViewStatements(dst),
  ];
}

/** The three public views over a layout in `dst`: the columns of CACHE_COLUMNS, nothing more. */
export function publicViewStatements(dst: string): string[] {
  const g = names('genotypes');
  return [
    `CREATE VIEW ${dst}.individuals AS SELECT ${names('individuals').join(', ')} FROM cd_individuals`,
    `CREATE VIEW ${dst}.variants AS SELECT ${names('variants').join(', ')} FROM cd_variants`,
    `CREATE VIEW ${dst}.genotypes AS SELECT i.dataset_id, i.node_id, i.individual_id, ` +
      'g.variant_key, z.zygosity FROM (SELECT variant_key, unnest(carriers) AS ix, ' +
      'unnest(zygosity_codes) AS code FROM cd_variants) g JOIN cd_individuals i ON i.ix = g.ix ' +
      'LEFT JOIN cd_zygosities z ON z.code = g.code ' +
      `UNION ALL SELECT ${g.join(', ')} FROM cd_genotypes_unlinked`,
  ];
}
