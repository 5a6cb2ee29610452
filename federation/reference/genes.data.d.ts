import type { GeneRow } from './types';
/** [symbol, chrom, start (1-based), end, strand, panel] */
export declare const GENE_ROWS: readonly GeneRow[];
