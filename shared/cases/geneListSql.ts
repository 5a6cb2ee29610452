/**
 * The custom gene list against the case (issue 16): HGNC symbols are unique without regard to case
 * ("scn1a" is SCN1A; "C1orf9" as an annotation may write it), so the genes step compares them in
 * upper case, and the symbols no variant of the case is in are named instead of silently keeping
 * nothing.
 */

const lit = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/** The symbols in upper case as a VARCHAR[] literal: what the genes step compares with. */
export const upperGenesList = (genes: Iterable<string>): string =>
  `[${[...new Set([...genes].map((g) => g.toUpperCase()))].map(lit).join(', ')}]::VARCHAR[]`;

/** The listed symbols (as written, in the list's order) that no variant of the case `db` is in. */
export function genesAbsentSql(db: string, genes: readonly string[]): string {
  if (genes.length === 0) return 'SELECT NULL::VARCHAR AS gene WHERE false';
  const given = genes.map((g, i) => `(${String(i)}, ${lit(g)})`).join(', ');
  return `SELECT g.gene FROM (VALUES ${given}) AS g(i, gene)
WHERE upper(g.gene) NOT IN (SELECT DISTINCT upper(gene) FROM ${db}.main.variant_genes WHERE gene IS NOT NULL)
ORDER BY g.i`;
}
