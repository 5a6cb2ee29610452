import type { ReadCounts } from '../../../../shared/cancer/somaticCalls';
import type { SplitVariant } from '../../../../shared/vcf';

/**
 * A cancer case's reading of each allele (cancer/somaticRows.ts): per-member read counts from the
 * caller's own fields (Strelka2 writes no GT), which also decide whether the tumour carries it,
 * and a row of its own after the variant row.
 */
export interface SomaticHook {
  counts(v: SplitVariant, column: number): ReadCounts;
  row(
    vid: number,
    v: SplitVariant,
    counts: readonly ReadCounts[],
    variant: { gene: string | null; hgvsp: string | null; popAf: number | null },
  ): void;
}
