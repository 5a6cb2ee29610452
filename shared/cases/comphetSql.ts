/**
 * Compound-het pairing as SQL (issue 16): which candidate sides (`comphet_sides`, inheritanceSql.ts)
 * pair with another candidate of the same gene among the alleles a CTE `pre` keeps. Used by the
 * filters (filterSql.ts) over the kept alleles and by the query layout (queryLayout.ts) once over
 * every allele at import.
 */

/** The side's own columns and those `keep` reads (`v.<column>`): what the scan must read. */
function usedBy(keep: string): string {
  const cols = new Set(['vid', 'gene_id', 'side', 'ps']);
  for (const m of keep.matchAll(/\bv\.(\w+)/gu)) cols.add(m[1] ?? 'vid');
  return [...cols].map((c) => `v.${c}`).join(', ');
}

/**
 * Compound-het status per allele, pairing over the alleles in `pre` (see inheritanceSql.ts). With
 * `genes`, only the candidates of those genes are paired (a page's genes: pairs never cross genes,
 * so their status is the same as over every gene). `pre` selects the alleles paired (default: every
 * allele of the CTE `pre`; null: every candidate); with the filter table it may leave out alleles
 * that pair with nothing over the whole case (`ch_all = 0`): pairing is symmetric (whenever a
 * counts b, b counts a) and a subset only removes partners, so those alleles change no other
 * allele's status.
 * `keep` instead of `pre` (case schema 7, decision 0093): a condition over the side's own row
 * (alias `v`, the filter table's columns copied into `comphet_sides`) that holds for the alleles
 * `pre` keeps; then `genes` selects `gene_id`s and the pairing's `gene` is that integer.
 */
export function comphetCte(
  db: string,
  opts: { genes?: string; pre?: string | null; keep?: string } = {},
): string {
  const { genes, keep } = opts;
  const n = (side: string): string => `coalesce(sum(n) FILTER (WHERE side = '${side}'), 0)`;
  let cand: string;
  if (keep === undefined) {
    const pre = opts.pre === undefined ? 'SELECT vid FROM pre' : opts.pre;
    const where = [
      ...(genes === undefined ? [] : [`v.gene IN (${genes})`]),
      ...(pre === null ? [] : [`v.vid IN (${pre})`]),
    ];
    cand = `SELECT v.vid, v.gene, v.side, coalesce(v.ps, -1) AS ps FROM ${db}.main.comphet_sides v
  WHERE ${where.length === 0 ? 'true' : where.join(' AND ')}`;
  } else {
    // The genes' sides first (OFFSET 0: DuckDB does not push the steps' test below it), so the
    // steps are tested on those sides only, not on every side of the case.
    const sides =
      genes === undefined
        ? `${db}.main.comphet_sides v`
        : `(SELECT ${usedBy(keep)} FROM ${db}.main.comphet_sides v WHERE v.gene_id IN (${genes}) OFFSET 0) v`;
    cand = `SELECT v.vid, v.gene_id AS gene, v.side, coalesce(v.ps, -1) AS ps FROM ${sides}
  WHERE ${keep}`;
  }
  return `cand AS (
  ${cand}),
cg AS (SELECT gene, side, ps, count(*) AS n FROM cand GROUP BY ALL),
gs AS (SELECT gene, ${n('mother')} AS nm, ${n('father')} AS nf, ${n('not_mother')} AS nnm,
  ${n('not_father')} AS nnf, ${n('de_novo')} AS ndn, ${n('unknown')} AS nun,
  coalesce(sum(n) FILTER (WHERE side LIKE 'hap%'), 0) AS nhap, sum(n) AS total FROM cg GROUP BY gene),
gp AS (SELECT gene, ps, ${n('hap1')} AS h1, ${n('hap2')} AS h2 FROM cg WHERE side LIKE 'hap%' GROUP BY ALL),
chs AS (
  SELECT cand.vid, CASE
    WHEN cand.side = 'mother' THEN CASE WHEN nf > 0 THEN 2 WHEN nnm + ndn + nun > 0 THEN 1 END
    WHEN cand.side = 'father' THEN CASE WHEN nm > 0 THEN 2 WHEN nnf + ndn + nun > 0 THEN 1 END
    WHEN cand.side = 'not_mother' THEN CASE WHEN nm + ndn + nun > 0 THEN 1 END
    WHEN cand.side = 'not_father' THEN CASE WHEN nf + ndn + nun > 0 THEN 1 END
    WHEN cand.side = 'de_novo' THEN CASE WHEN total > 1 THEN 1 END
    WHEN cand.side = 'unknown' THEN CASE WHEN total > 1 THEN 1 END
    WHEN cand.side = 'hap1' THEN CASE WHEN coalesce(gp.h2, 0) > 0 THEN 2
      WHEN nhap - coalesce(gp.h1, 0) - coalesce(gp.h2, 0) + ndn + nun > 0 THEN 1 END
    WHEN cand.side = 'hap2' THEN CASE WHEN coalesce(gp.h1, 0) > 0 THEN 2
      WHEN nhap - coalesce(gp.h1, 0) - coalesce(gp.h2, 0) + ndn + nun > 0 THEN 1 END
  END AS rank
  FROM cand JOIN gs ON gs.gene = cand.gene LEFT JOIN gp ON gp.gene = cand.gene AND gp.ps = cand.ps),
ch AS (SELECT vid, CASE max(rank) WHEN 2 THEN 'confirmed' ELSE 'possible' END AS status
  FROM chs WHERE rank IS NOT NULL GROUP BY vid)`;
}

/**
 * The compound-het pairing of the alleles of a CTE `page` (vid, sort_key, ch_all), over the
 * candidates of their genes that the steps keep (filterSql.ts rowsParts, keptSet.ts). With the filter table, a
 * page allele that pairs with nothing over every allele (`ch_all` 0) pairs with nothing over the
 * kept ones either: its genes need no pairing. With the sides' copy of the filter table (schema
 * 7, decision 0093) the page's sides are found by `sort_key` (the sides are stored in its order)
 * and their genes by `gene_id`.
 */
export function pagePairingCte(
  db: string,
  w: { readonly laid: boolean; readonly pagePairing: Pairing },
): string {
  const sides = `${db}.main.comphet_sides`;
  const genes =
    'keep' in w.pagePairing
      ? `SELECT gene_id FROM ${sides} WHERE sort_key IN (SELECT sort_key FROM page WHERE ch_all > 0)`
      : `SELECT gene FROM ${sides} WHERE vid IN (SELECT vid FROM page${w.laid ? ' WHERE ch_all > 0' : ''})`;
  return comphetCte(db, { genes, ...w.pagePairing });
}

/** comphetCte's choice of the alleles compound hets are paired over (pairedOver). */
export type Pairing = { pre?: string } | { keep: string };

/**
 * The alleles compound hets are paired over: with the filter table, only those that pair at all,
 * the ids `pre` keeps (a second scan of the filter table); with the sides' own copy of its
 * columns (`steps`: the steps' conditions over `v`, schema 7, decision 0093), the same alleles
 * told by the steps' test of the sides' rows, which reads `comphet_sides` alone. The page's
 * pairing and, since decision 0097, the pairing over every kept allele (filterSql.ts
 * `pairedAll`) take the latter when they can (filterSql.ts withClause): with an impact step as a
 * literal list (no mark join per side) the steps' test of every side costs less than a semi join
 * of every side with `pre`'s ids (0093 had measured the opposite with the mark join).
 */
export const pairedOver = (laid: boolean, steps: readonly string[] | undefined): Pairing =>
  steps !== undefined
    ? { keep: ['v.ch_all > 0', ...steps.map((s) => `(${s})`)].join(' AND ') }
    : laid
      ? { pre: 'SELECT vid FROM pre WHERE ch_all > 0' }
      : {};
