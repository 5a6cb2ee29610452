/**
 * The case filters as SQL (issue 16): ONE text for duckdb-wasm in the renderer and native DuckDB in
 * main and the command line. Values are inlined as literals (validated by CaseFilterSchema), so no
 * driver-specific parameters are needed. Steps apply in FILTER_STEPS order; `caseCountsSql` says
 * what each active step removes from what the steps before it kept, and `caseRowsSql` returns a
 * page of the kept alleles with the inheritance modes they fit (compound hets are paired over the
 * alleles every other step keeps).
 */
import { consequenceMask } from './consequences';
import type { CaseFilter, FilterStep, PanelId } from './filters';
import { inheritanceBits, modesSql } from './inheritanceSql';
import type { Pairing } from './comphetSql';
import { comphetCte, pagePairingCte, pairedOver } from './comphetSql';
import { upperGenesList } from './geneListSql';
import { cohortCte } from './cohortCte';
import { FILTER_TABLE, PAGE_COLUMNS, PAGE_TABLE } from './queryLayout';

export { cohortCte };

/** Where the SQL reads from. */
export interface CaseSqlContext {
  /** The attached case database's alias (dbSchema.ts caseDatabaseName). */
  readonly db: string;
  /** A shipped panel's gene symbols (resources/genome/panel-*.bed). */
  readonly panelGenes: (id: PanelId) => readonly string[];
  /** The cohort cache's views (shared/cohorts/schema.ts); without them the cohort step is a no-op. */
  readonly cohort?: { readonly individuals: string; readonly genotypes: string };
  /**
   * The case has the page table (queryLayout.ts, case schema 3): a page's columns are read from it
   * by `sort_key` range. Without it (schema 2) they are read from `variants`, slower at genome scale.
   */
  readonly pageTable?: boolean;
  /**
   * The case has the filter table (queryLayout.ts, case schema 4): the steps read the narrow
   * `variant_filter` in `sort_key` order, and compound hets paired over every allele are read from
   * its `ch_all`. Without it (schema 2 or 3) the steps read `variants` and pair at every change.
   */
  readonly filterTable?: boolean;
  /** The filter table has the sort orders (`o_<column>`, schema 6, decision 0082; keptSet.ts). */
  readonly sortOrders?: boolean;
  /** `comphet_sides` has the filter table's columns (schema 7, decision 0093; pairedOver). */
  readonly laidSides?: boolean;
  /** Each shipped panel's valid bit in `variant_filter.panel_mask` (panelBitsOf, decision 0062). */
  readonly panelBits?: ReadonlyMap<string, number>;
}

const lit = (s: string): string => `'${s.replaceAll("'", "''")}'`;
const num = (n: number): string => (Number.isFinite(n) ? String(n) : 'NULL');
const chromOf = (c: string): string => {
  const s = c.replace(/^chr/i, '').toUpperCase();
  return s === 'M' ? 'MT' : s;
};

/** The genes step: panel bits `panel_mask` (`laid`), other genes in any case (geneListSql.ts). */
function genesCondition(f: CaseFilter, ctx: CaseSqlContext, laid: boolean): string {
  const genes = new Set<string>(f.genes ?? []);
  let mask = 0;
  for (const p of f.panels ?? []) {
    const bit = laid ? ctx.panelBits?.get(p) : undefined;
    if (bit !== undefined) mask |= bit;
    else for (const g of ctx.panelGenes(p)) genes.add(g);
  }
  const parts: string[] = [];
  if (mask !== 0) parts.push(`(v.panel_mask & ${String(mask)}) <> 0`);
  if (genes.size > 0)
    parts.push(
      `v.vid IN (SELECT vid FROM ${ctx.db}.main.variant_genes WHERE upper(gene) IN (SELECT unnest(${upperGenesList(genes)})))`,
    );
  return parts.length === 0 ? 'false' : parts.join(' OR ');
}

/** The SQL condition of each active step (undefined: the step is not in the filter). */
function conditions(
  f: CaseFilter,
  ctx: CaseSqlContext,
  laid: boolean,
): Partial<Record<FilterStep, string>> {
  const c: Partial<Record<FilterStep, string>> = {};
  if (f.panels !== undefined || f.genes !== undefined) c.genes = genesCondition(f, ctx, laid);
  if (f.regions !== undefined)
    c.regions =
      f.regions.length === 0
        ? 'false'
        : `EXISTS (SELECT 1 FROM (VALUES ${f.regions
            .map((r) => `(${lit(chromOf(r.chrom))}, ${num(r.start)}, ${num(r.end)})`)
            .join(
              ', ',
            )}) AS r(chrom, s, e) WHERE r.chrom = v.chrom AND v.pos <= r.e AND v.end_pos > r.s)`;
  const csq: string[] = [];
  if (f.consequences !== undefined)
    csq.push(`(v.csq_mask & ${consequenceMask(f.consequences).toString()}::BIGINT) <> 0`);
  // A literal list (validated; decision 0097): `IN (SELECT unnest(…))` was a mark join per row.
  const impacts = f.impacts?.map(lit).join(', ');
  if (impacts !== undefined) csq.push(impacts === '' ? 'false' : `v.impact IN (${impacts})`);
  if (csq.length > 0) c.consequence = csq.join(' AND ');
  if (f.passOnly === true) c.pass = 'coalesce(v.pass, true)';
  const q: string[] = [];
  if (f.minGq !== undefined) q.push(`coalesce(v.p_gq >= ${num(f.minGq)}, true)`);
  if (f.minDp !== undefined) q.push(`coalesce(v.p_dp >= ${num(f.minDp)}, true)`);
  if (f.minAb !== undefined) q.push(`coalesce(v.p_ab >= ${num(f.minAb)}, true)`);
  if (f.maxAb !== undefined) q.push(`coalesce(v.p_ab <= ${num(f.maxAb)}, true)`);
  if (q.length > 0) c.quality = q.join(' AND ');
  if (f.maxPopAf !== undefined)
    c.populationFrequency = `coalesce(v.pop_af <= ${num(f.maxPopAf)}, true)`;
  if (f.maxCohortFrequency !== undefined)
    c.cohortFrequency = `coalesce(cf.max_freq <= ${num(f.maxCohortFrequency.max)}, true)`;
  return c;
}

/**
 * The inheritance step: a test of `inh_mask` for the modes fixed at import, compound hets paired
 * (`chAll`: every allele is kept by the other steps, so the pairing is the import's `ch_all`).
 */
function inheritanceCondition(f: CaseFilter, chAll: boolean, a = 'pre'): string | undefined {
  const modes = f.inheritance;
  if (modes === undefined) return undefined;
  const possible = f.includePossible !== false;
  let mask = 0;
  for (const m of modes) {
    if (m === 'compound_het') continue;
    const b = inheritanceBits(m);
    mask |= possible ? b.fits : b.confirmed;
  }
  const parts = mask === 0 ? [] : [`(${a}.inh_mask & ${String(mask)}) <> 0`];
  if (modes.includes('compound_het'))
    parts.push(
      chAll
        ? `${a}.ch_all >= ${possible ? '1' : '2'}`
        : `${a}.vid IN (SELECT vid FROM ch${possible ? '' : " WHERE status = 'confirmed'"})`,
    );
  return parts.length === 0 ? 'false' : parts.join(' OR ');
}

/** The steps of `f` read the filter table as `v`; the cohort step needs `variants` (variant_key). */
export const readsFilterTable = (f: CaseFilter, ctx: CaseSqlContext): boolean =>
  ctx.filterTable === true && f.maxCohortFrequency === undefined;

/**
 * The WITH clause every query shares, over alleles' ids only (the wide columns are read for a page
 * alone): base (flags per step), pre (all steps but inheritance), kept. `keptFlag`: the kept test
 * over `base` when inheritance needs no pairing over `pre` (the counts' one scan counts them).
 * `lean` (decision 0086): `pre`, `kept` not materialised, so a page is a top-N straight over the
 * filter table, stored in `sort_key` order: DuckDB's dynamic top-N filter skips later row groups.
 */
function withClause(
  f: CaseFilter,
  ctx: CaseSqlContext,
  extra: readonly string[] = [],
  lean = false,
): {
  sql: string;
  keptFlag: string | undefined;
  steps: FilterStep[];
  pairedAll: boolean;
  cohortAll: boolean;
  laid: boolean;
  chAll: boolean;
  pagePairing: Pairing;
} {
  const laid = readsFilterTable(f, ctx);
  const c = conditions(f, ctx, laid);
  const steps = (Object.keys(c) as FilterStep[]).sort(
    (a, b) => STEP_ORDER.indexOf(a) - STEP_ORDER.indexOf(b),
  );
  const flags = steps.map((s) => `(${c[s] ?? 'true'}) AS f_${s}`);
  const pre = steps.length === 0 ? 'true' : steps.map((s) => `f_${s}`).join(' AND ');
  const chAll = laid && steps.length === 0;
  const inh = inheritanceCondition(f, chAll);
  const cohortAll = c.cohortFrequency !== undefined;
  const pairedAll = f.inheritance?.includes('compound_het') === true && !chAll;
  const onSides = laid && ctx.laidSides === true && steps.length > 0;
  const pagePairing = pairedOver(laid, onSides ? steps.map((s) => c[s] ?? 'true') : undefined); // pairedAll's too (0097)
  const inhBase = inheritanceCondition(f, chAll, 'base');
  const keptFlag = pairedAll ? undefined : inhBase === undefined ? pre : `${pre} AND (${inhBase})`;
  const keys = extra.map((_, i) => `k${String(i)}`);
  const cols = `vid, sort_key, inh_mask${laid ? ', ch_all' : ''}${keys.map((k) => `, ${k}`).join('')}`;
  const keyed = extra.map((e, i) => `, ${e} AS k${String(i)}`).join('');
  const from = laid
    ? `${ctx.db}.main.${FILTER_TABLE} v`
    : `${ctx.db}.main.variants v${cohortAll ? ' LEFT JOIN cf ON cf.variant_key = v.variant_key' : ''}`;
  const sql = `WITH ${cohortAll ? `${cohortCte(f, ctx, `SELECT variant_key FROM ${ctx.db}.main.variants`)},\n` : ''}base AS NOT MATERIALIZED (SELECT v.vid, v.sort_key, v.inh_mask${laid ? ', v.ch_all' : ''}${keyed}${flags.length > 0 ? `, ${flags.join(', ')}` : ''}
  FROM ${from}),
pre AS ${lean && !pairedAll ? 'NOT MATERIALIZED ' : ''}(SELECT ${cols} FROM base WHERE ${pre}),
${pairedAll ? `${comphetCte(ctx.db, pagePairing)},\n` : ''}kept AS ${lean && !pairedAll ? 'NOT MATERIALIZED ' : ''}(SELECT ${cols} FROM pre${inh === undefined ? '' : ` WHERE ${inh}`})`;
  return {
    sql,
    keptFlag,
    steps: f.inheritance === undefined ? steps : [...steps, 'inheritance'],
    pairedAll,
    cohortAll,
    laid,
    chAll,
    pagePairing,
  };
}

const STEP_ORDER: readonly FilterStep[] = [
  'genes',
  'regions',
  'consequence',
  'pass',
  'quality',
  'populationFrequency',
  'cohortFrequency',
  'inheritance',
];

/**
 * The counts' SELECT over the WITH clause `w` (caseCountsSql's one row): one aggregate over `base`,
 * the kept alleles counted in it too unless compound hets are paired over `pre` (decision 0086;
 * before, `kept` was counted twice more, each a scan of its own).
 */
function countsSelect(w: ReturnType<typeof withClause>): string {
  const pre = w.steps.filter((s) => s !== 'inheritance');
  const after = pre.map(
    (s, i) =>
      `count(*) FILTER (WHERE ${pre
        .slice(0, i + 1)
        .map((x) => `f_${x}`)
        .join(' AND ')})::INTEGER AS after_${s}`,
  );
  const keptCount =
    w.keptFlag === undefined
      ? '(SELECT count(*) FROM kept)'
      : `count(*) FILTER (WHERE ${w.keptFlag})`;
  const inh = w.steps.includes('inheritance') ? `, ${keptCount}::INTEGER AS after_inheritance` : '';
  return `SELECT count(*)::INTEGER AS total${after.length > 0 ? `, ${after.join(', ')}` : ''}${inh},
  ${keptCount}::INTEGER AS kept FROM base`;
}

/**
 * One row: `total`, then `after_<step>` for each active step (what remains after it), and `kept`.
 * Returns the SQL and the active steps in order.
 */
export function caseCountsSql(
  f: CaseFilter,
  ctx: CaseSqlContext,
): { sql: string; steps: FilterStep[] } {
  const w = withClause(f, ctx);
  return { sql: `${w.sql}\n${countsSelect(w)}`, steps: w.steps };
}

/** A page of kept alleles with their modes (`mode` confirmed, `mode?` possible), in DEFAULT_ORDER. */
export function caseRowsSql(
  f: CaseFilter,
  ctx: CaseSqlContext,
  page: { limit: number; offset: number },
): string {
  const r = rowsParts(f, ctx, page);
  return `${r.ctes}\n${r.select} ORDER BY p.sort_key`;
}

/**
 * Counts and one page in one statement (decision 0062), so the steps run once for both: the page's
 * rows (caseRowsSql's columns) each with the counts (caseCountsSql's columns); when nothing is
 * kept, one row with the counts and NULL row columns (`vid` NULL).
 */
export function caseCountsAndRowsSql(
  f: CaseFilter,
  ctx: CaseSqlContext,
  page: { limit: number; offset: number },
): { sql: string; steps: FilterStep[] } {
  const r = rowsParts(f, ctx, page, [], true);
  return {
    sql: `${r.ctes},
counts AS (${countsSelect(r.w)}),
win AS (${r.select.replace('SELECT ', 'SELECT p.sort_key AS row_sort_key, ')})
SELECT counts.*, win.* EXCLUDE (row_sort_key) FROM counts LEFT JOIN win ON true ORDER BY win.row_sort_key`,
    steps: r.w.steps,
  };
}

/**
 * caseRowsSql's WITH and SELECT (no ORDER BY; CTE `paged`), `kept` carrying `extra` as k0, …;
 * `lean` as withClause's.
 */
export function rowsParts(
  f: CaseFilter,
  ctx: CaseSqlContext,
  page: { limit: number; offset: number },
  extra: readonly string[] = [],
  lean = false,
): { w: ReturnType<typeof withClause>; ctes: string; select: string } {
  const db = ctx.db;
  const w = withClause(f, ctx, extra, lean);
  // Every allele kept by the other steps: the page's compound hets are the import's `ch_all`.
  const paged = w.chAll
    ? "SELECT rows.*, CASE rows.ch_all WHEN 2 THEN 'confirmed' WHEN 1 THEN 'possible' END AS ch_status FROM rows"
    : 'SELECT rows.*, ch.status AS ch_status FROM rows LEFT JOIN ch ON ch.vid = rows.vid';
  const ctes = `${w.sql},
page AS (SELECT ${w.laid ? 'vid, sort_key, inh_mask, ch_all' : 'vid, sort_key, inh_mask'} FROM kept ORDER BY sort_key LIMIT ${num(page.limit)} OFFSET ${num(page.offset)}),
rows AS (SELECT page.sort_key, page.inh_mask${w.laid ? ', page.ch_all' : ''}, ${PAGE_COLUMNS.map((c) => `p.${c}`).join(', ')}
  FROM page JOIN ${db}.main.${ctx.pageTable === true ? PAGE_TABLE : 'variants'} p ON p.sort_key = page.sort_key),
${w.pairedAll || w.chAll ? '' : `${pagePairingCte(db, w)},\n`}${w.cohortAll ? '' : `${cohortCte(f, ctx, 'SELECT variant_key FROM rows')},\n`}paged AS (${paged})`;
  const select = `SELECT ${PAGE_COLUMNS.map((c) => `p.${c}`).join(', ')},
  CAST(cf.carriers AS DOUBLE) AS cohort_carriers, cf.max_freq AS cohort_max_freq,
  ${modesSql('p')} AS modes
FROM paged p LEFT JOIN cf ON cf.variant_key = p.variant_key`;
  return { w, ctes, select };
}
