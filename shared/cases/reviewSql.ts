/**
 * The case review page's own queries over a case database (issues 16 and 17), beside the filter
 * SQL they build on (filterSql.ts): the kept alleles in any column order, the ranking's variant
 * records, and every member's call in a region for the Browser's family track. Pure SQL text for
 * duckdb-wasm in the renderer and native DuckDB in the tests; values are inlined as validated
 * literals, as in filterSql.ts.
 */
import type { VariantRecord } from '../ranking/input';
import { variantRecordSchema } from '../ranking/input';
import type { CaseFilter } from './filters';
import type { CaseSqlContext } from './filterSql';
import type { FilterStep } from './filters';
import { caseCountsAndRowsSql, caseRowsSql } from './filterSql';

/** Columns of a kept row the table can sort by (CaseVariantRow keys), plus the gene's rank. */
export const SORT_KEYS = [
  'default',
  'rank',
  'gene',
  'chrom',
  'consequence',
  'impact',
  'hgvs_p',
  'pop_af',
  'cohort_max_freq',
  'p_gt',
  'p_gq',
  'p_dp',
  'p_ab',
  'clinvar_sig',
  'modes',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface RowSort {
  readonly key: SortKey;
  readonly dir: 'asc' | 'desc';
}

const lit = (s: string): string => `'${s.replaceAll("'", "''")}'`;
const int = (n: number): string => String(Math.max(0, Math.floor(Number.isFinite(n) ? n : 0)));
/** The chromosome's place in the table's order, over the alias `a` (keptSet.ts uses `v`). */
export const chromOrder = (a: string): string =>
  `CASE ${a}.chrom WHEN 'X' THEN 23 WHEN 'Y' THEN 24 WHEN 'MT' THEN 25 ELSE TRY_CAST(${a}.chrom AS INTEGER) END`;
/** The impact's place in the table's order, over the alias `a`. */
export const impactOrder = (a: string): string =>
  `CASE ${a}.impact WHEN 'HIGH' THEN 4 WHEN 'MODERATE' THEN 3 WHEN 'LOW' THEN 2 WHEN 'MODIFIER' THEN 1 ELSE 0 END`;
const CHROM_ORDER = chromOrder('q');
const IMPACT_ORDER = impactOrder('q');

/** The ORDER BY expression of a sort key over the wrapped rows `q` (ranks joined as `r`). */
function orderExpr(key: Exclude<SortKey, 'default'>): string {
  switch (key) {
    case 'rank':
      return 'r.rank';
    case 'chrom':
      return `${CHROM_ORDER}, q.pos`;
    case 'impact':
      return IMPACT_ORDER;
    case 'modes':
      return 'len(q.modes)';
    default:
      return `q.${key}`;
  }
}

/**
 * filterSql's clinical default order (most severe, rarest, by position) over the wrapped rows, ties
 * by `vid` as `sort_key` breaks them (inheritanceSql.ts derivedColumnsSql).
 */
const DEFAULT_ORDER = `${IMPACT_ORDER} DESC, coalesce(q.pop_af, 0), ${CHROM_ORDER}, q.pos, q.alt, q.vid`;

/** The ORDER BY of the kept rows `q` (ranks joined as `r`) in the order a person asked for. */
export function sortedBy(sort: RowSort): string {
  if (sort.key === 'default') return DEFAULT_ORDER;
  const dir = sort.dir === 'desc' ? 'DESC' : 'ASC';
  return `${orderExpr(sort.key)
    .split(', ')
    .map((e) => `${e} ${dir} NULLS LAST`)
    .join(', ')}, ${DEFAULT_ORDER}`;
}

/**
 * Kept rows in the order a person asked for, at most `limit` from `offset` (a window of the
 * virtualised table): every kept allele (`kept` of them, from the filter's own rows query)
 * re-ordered, missing values last, ties in the clinical default order; the default order is the
 * filter's own page, read from the page table. `ranks` gives each ranked gene its rank.
 */
export function caseSortedRowsSql(
  f: CaseFilter,
  ctx: CaseSqlContext,
  opts: {
    sort: RowSort;
    kept: number;
    limit: number;
    offset?: number;
    ranks?: ReadonlyMap<string, number>;
  },
): string {
  const { sort } = opts;
  const all = sort.key !== 'default';
  const offset = opts.offset ?? 0;
  const inner = caseRowsSql(
    f,
    ctx,
    all ? { limit: opts.kept, offset: 0 } : { limit: opts.limit, offset },
  );
  const rankTable = rankTableOf(opts.ranks);
  return `SELECT q.*, r.rank AS gene_rank
FROM (${inner}) q LEFT JOIN ${rankTable} AS r(gene, rank) ON r.gene = q.gene
ORDER BY ${sortedBy(sort)} LIMIT ${int(opts.limit)}${all && offset > 0 ? ` OFFSET ${int(offset)}` : ''}`;
}

/** Each ranked gene's rank as a table (gene, rank), for a join. */
export function rankTableOf(ranks: ReadonlyMap<string, number> | undefined): string {
  const rs = [...(ranks ?? new Map<string, number>())];
  return rs.length === 0
    ? '(SELECT CAST(NULL AS VARCHAR) AS gene, CAST(NULL AS INTEGER) AS rank WHERE false)'
    : `(VALUES ${rs.map(([g, r]) => `(${lit(g)}, ${int(r)})`).join(', ')})`;
}

/**
 * A filter change in the default order in one statement (decision 0062): the counts and the first
 * `limit` kept rows as caseSortedRowsSql gives them (with `gene_rank`), read by filterChangeOf.
 */
export function caseChangeSql(
  f: CaseFilter,
  ctx: CaseSqlContext,
  opts: { limit: number; ranks?: ReadonlyMap<string, number> },
): { sql: string; steps: FilterStep[] } {
  const inner = caseCountsAndRowsSql(f, ctx, { limit: opts.limit, offset: 0 });
  return {
    sql: `SELECT q.*, r.rank AS gene_rank
FROM (${inner.sql}) q LEFT JOIN ${rankTableOf(opts.ranks)} AS r(gene, rank) ON r.gene = q.gene
ORDER BY ${DEFAULT_ORDER}`,
    steps: inner.steps,
  };
}

/**
 * The counts per step and the kept rows of caseCountsAndRowsSql's or caseChangeSql's result (each
 * row carries the counts; a single row without `vid` when nothing is kept).
 */
export function filterChangeOf(
  result: readonly Record<string, unknown>[],
  stepsIn: readonly FilterStep[],
): {
  total: number;
  kept: number;
  steps: { step: FilterStep; removes: number; remaining: number }[];
  rows: Record<string, unknown>[];
} {
  const c = result[0] ?? {};
  const total = Number(c.total ?? 0);
  let before = total;
  const steps = stepsIn.map((step) => {
    const remaining = Number(c[`after_${step}`] ?? 0);
    const removes = before - remaining;
    before = remaining;
    return { step, removes, remaining };
  });
  const rows = result.filter((r) => r.vid !== null && r.vid !== undefined);
  return { total, kept: Number(c.kept ?? 0), steps, rows };
}

/** Variants this common score 0 in the ranking (its frequency score reaches 0 at 2%). */
export const RANK_MAX_AF = 0.02;

/**
 * The ranking's input (shared/ranking/input.ts VariantRecord, one row per allele and gene): the
 * kept alleles the proband carries, below RANK_MAX_AF, each gene with its most severe annotation
 * of that gene (else the allele's own), zygosity from the proband's call (haploid: `hemi`). The
 * most severe first, at most `cap` rows. Columns: gene, chrom, pos, ref, alt, consequence, impact,
 * populationAf, zygosity, hgvsc, hgvsp.
 */
export function rankInputSql(
  f: CaseFilter,
  ctx: CaseSqlContext,
  opts: { kept: number; cap: number },
): string {
  const db = ctx.db;
  const rank = (col: string): string =>
    `CASE ${col} WHEN 'HIGH' THEN 4 WHEN 'MODERATE' THEN 3 WHEN 'LOW' THEN 2 WHEN 'MODIFIER' THEN 1 ELSE 0 END`;
  return `WITH q AS (${caseRowsSql(f, ctx, { limit: opts.kept, offset: 0 })}),
best AS (
  SELECT a.vid, a.gene,
    arg_max(a.consequence, ${rank('a.impact')} * 4 + CASE WHEN a.mane_select IS NOT NULL THEN 2 ELSE 0 END + CASE WHEN a.canonical THEN 1 ELSE 0 END) AS consequence,
    max(${rank('a.impact')}) AS impact_rank,
    arg_max(a.hgvs_c, ${rank('a.impact')} * 4 + CASE WHEN a.mane_select IS NOT NULL THEN 2 ELSE 0 END + CASE WHEN a.canonical THEN 1 ELSE 0 END) AS hgvs_c,
    arg_max(a.hgvs_p, ${rank('a.impact')} * 4 + CASE WHEN a.mane_select IS NOT NULL THEN 2 ELSE 0 END + CASE WHEN a.canonical THEN 1 ELSE 0 END) AS hgvs_p
  FROM ${db}.main.annotations a WHERE a.vid IN (SELECT vid FROM q) AND a.gene IS NOT NULL
  GROUP BY a.vid, a.gene)
SELECT vg.gene, q.chrom, q.pos, q.ref, q.alt,
  coalesce(b.consequence, CASE WHEN q.gene = vg.gene THEN q.consequence END, 'sequence_variant') AS consequence,
  CASE coalesce(b.impact_rank, CASE WHEN q.gene = vg.gene THEN ${rank('q.impact')} END, 1)
    WHEN 4 THEN 'HIGH' WHEN 3 THEN 'MODERATE' WHEN 2 THEN 'LOW' ELSE 'MODIFIER' END AS impact,
  q.pop_af AS populationAf,
  CASE WHEN g.ploidy = 1 THEN 'hemi' WHEN g.alt_count >= 2 THEN 'hom' ELSE 'het' END AS zygosity,
  coalesce(b.hgvs_c, CASE WHEN q.gene = vg.gene THEN q.hgvs_c END) AS hgvsc,
  coalesce(b.hgvs_p, CASE WHEN q.gene = vg.gene THEN q.hgvs_p END) AS hgvsp
FROM q JOIN ${db}.main.variant_genes vg ON vg.vid = q.vid
JOIN ${db}.main.genotypes g ON g.vid = q.vid AND g.sample_idx = 0
LEFT JOIN best b ON b.vid = q.vid AND b.gene = vg.gene
WHERE g.alt_count >= 1 AND coalesce(q.pop_af, 0) < ${String(RANK_MAX_AF)} AND coalesce(q.consequence, '') <> 'intergenic_variant'
ORDER BY coalesce(b.impact_rank, ${rank('q.impact')}) DESC, coalesce(q.pop_af, 0), vg.gene, q.chrom, q.pos, q.alt
LIMIT ${int(opts.cap)}`;
}

/** One rankInputSql row as the ranking's record (SQL NULL HGVS is an absent field there). */
export const rankRecordOf = (r: Record<string, unknown>): VariantRecord =>
  variantRecordSchema.parse({ ...r, hgvsc: r.hgvsc ?? undefined, hgvsp: r.hgvsp ?? undefined });

/**
 * Every member's call for the alleles overlapping a region (1-based, inclusive; chromosome in the
 * case's naming, 1..22/X/Y/MT), at most `limit` alleles: one row per allele and member, members
 * in sample_idx order (0 = the proband). For the Browser's case track.
 */
export function familyCallsSql(
  db: string,
  region: { chrom: string; start: number; end: number },
  limit: number,
): string {
  return `WITH v AS (
  SELECT vid, chrom, pos, end_pos, ref, alt, variant_key, gene, consequence, impact, hgvs_c, hgvs_p,
    pop_af, filters, clinvar_sig, qual
  FROM ${db}.main.variants
  WHERE chrom = ${lit(region.chrom)} AND pos <= ${int(region.end)} AND end_pos >= ${int(region.start)}
  ORDER BY pos, alt LIMIT ${int(limit)})
SELECT v.*, s.sample_idx, s.sample_id, s.member_id, s.role, s.sex, s.affected,
  g.gt, g.alt_count, g.ploidy, g.phased, g.gq, g.dp, g.ab
FROM v CROSS JOIN ${db}.main.samples s
LEFT JOIN ${db}.main.genotypes g ON g.vid = v.vid AND g.sample_idx = s.sample_idx
ORDER BY v.pos, v.alt, s.sample_idx`;
}
