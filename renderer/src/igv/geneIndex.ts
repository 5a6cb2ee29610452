import type { ExonTranscript } from '../../../shared/genome/gtfExons';

/** A gene span from resources/genome/genes.tsv: 0-based start, end exclusive, igv chromosome names. */
export interface Gene {
  readonly chrom: string;
  readonly start0: number;
  readonly end: number;
  readonly symbol: string;
  readonly strand: '+' | '-';
}

/** Gene lookup by symbol and by prefix (the locus box's autocomplete). */
export interface GeneIndex {
  readonly genes: readonly Gene[];
  /** The gene's transcript from resources/genome/exons.tsv, when the assets were built with a GTF. */
  exonsOf(symbol: string): ExonTranscript | undefined;
  find(symbol: string): Gene | undefined;
  suggest(prefix: string, limit?: number): Gene[];
}

/** Parses the genes table written by scripts/buildGenomeAssets.mjs. */
export function parseGenes(text: string): Gene[] {
  const genes: Gene[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const [chrom, start0, end, symbol, strand] = line.split('\t');
    if (chrom === undefined || symbol === undefined) continue;
    genes.push({
      chrom,
      start0: Number(start0),
      end: Number(end),
      symbol,
      strand: strand === '-' ? '-' : '+',
    });
  }
  return genes;
}

/** Builds the symbol index; symbols match case-insensitively, shorter symbols suggest first. */
export function createGeneIndex(
  genes: readonly Gene[],
  transcripts: readonly ExonTranscript[] = [],
): GeneIndex {
  const bySymbol = new Map(genes.map((g) => [g.symbol.toUpperCase(), g]));
  const exons = new Map(transcripts.map((t) => [t.symbol, t]));
  const sorted = [...genes].sort(
    (a, b) => a.symbol.length - b.symbol.length || a.symbol.localeCompare(b.symbol),
  );
  return {
    genes,
    exonsOf: (symbol) => exons.get(symbol),
    find: (symbol) => bySymbol.get(symbol.trim().toUpperCase()),
    suggest(prefix, limit = 10) {
      const p = prefix.trim().toUpperCase();
      if (p === '') return [];
      const out: Gene[] = [];
      for (const g of sorted) {
        if (g.symbol.toUpperCase().startsWith(p)) out.push(g);
        if (out.length >= limit) break;
      }
      return out;
    },
  };
}
