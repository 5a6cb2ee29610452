/**
 * Compound-het pairing as SQL (issue 16): which candidate sides (`comphet_sides`, inheritanceSql.ts)
 * pair with another candidate of the same gene among the alleles a CTE `pre` keeps. Used by the
 * filters (filterSql.ts) over the kept alleles and by the query layout (queryLayout.ts) once over
 * every allele at import.
 */

/**
 * Compound-het status per allele, pairing over the alleles in `pre` (see inheritanceSql.ts). With
 * `genes`, only the candidates of those genes are paired (a page's genes: pairs never cross genes,
 * so their status is the same as over every gene). `pre` selects the alleles paired (default: every
 * allele of the CTE `pre`; null: every candidate); with the filter table it may leave out alleles that pair with nothing
 * over the whole case (`ch_all = 0`): pairing is symmetric (whenever a counts b, b counts a) and
 * a subset only removes partners, so those alleles change no other allele's status.
 */
export function comphetCte(db: string, opts: { genes?: string; pre?: string | null } = {}): string {
  const { genes, pre = 'SELECT vid FROM pre' } = opts;
  const n = (side: string): string => `coalesce(sum(n) FILTER (WHERE side = '${side}'), 0)`;
  return `cand AS (
  SELECT c.vid, c.gene, c.side, coalesce(c.ps, -1) AS ps FROM ${db}.main.comphet_sides c
  WHERE ${genes === undefined ? '' : `c.gene IN (${genes}) AND `}${pre === null ? 'true' : `c.vid IN (${pre})`}),
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
