/** GRCh38 chromosome lengths, for VCF contig lines. */
export declare const CHROM_LENGTHS: Readonly<Record<string, number>>;
