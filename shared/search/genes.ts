import { GENE_TABLE } from './genes.data';

export interface GeneSpan {
  symbol: string;
  chrom: string;
  start: number;
  end: number;
}

let genes: readonly GeneSpan[] | undefined;

/** The committed gene table, parsed once. */
export function geneTable(): readonly GeneSpan[] {
  genes ??= GENE_TABLE.split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      const [symbol = '', chrom = '', start = '0', end = '0'] = l.split(' ');
      return { symbol, chrom, start: Number(start), end: Number(end) };
    });
  return genes;
}

/** Gene symbols starting with the prefix first, then containing it; case-insensitive. */
export function suggestGenes(prefix: string, limit = 10): GeneSpan[] {
  const p = prefix.trim().toUpperCase();
  if (p === '') return [];
  const all = geneTable();
  const starts = all.filter((g) => g.symbol.startsWith(p));
  const contains = all.filter((g) => !g.symbol.startsWith(p) && g.symbol.includes(p));
  return [...starts, ...contains].slice(0, limit);
}
