import { LIFT_BLOCKS } from './liftover.data';

/** A VCF-style variant (1-based position, forward-strand alleles). */
export interface LiftVariant {
  readonly chrom: string;
  readonly pos: number;
  readonly ref: string;
  readonly alt: string;
}

const COMPLEMENT: Readonly<Record<string, string>> = { A: 'T', C: 'G', G: 'C', T: 'A', N: 'N' };
const revcomp = (s: string): string => {
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) out += COMPLEMENT[s.charAt(i)] ?? s.charAt(i);
  return out;
};

/**
 * GRCh38 → GRCh37 for the generator's variants (the foreign node's data): the REF span must lie in
 * one aligned block of the UCSC hg38ToHg19 chain (first block in chain-score order wins). On a
 * reverse-strand block SNVs and MNVs are reverse-complemented; indels there, and anything outside
 * the blocks, return undefined (the caller counts them in the data card).
 */
export function liftToGrch37(v: LiftVariant): LiftVariant | undefined {
  const s = v.pos - 1;
  const e = s + Math.max(1, v.ref.length);
  for (const [chrom, start, size, qChrom, qStart, strand, qSize] of LIFT_BLOCKS) {
    if (chrom !== v.chrom || s < start || e > start + size) continue;
    const offset = s - start;
    if (strand === '+') return { chrom: qChrom, pos: qStart + offset + 1, ref: v.ref, alt: v.alt };
    if (v.ref.length !== v.alt.length) return undefined;
    const fwdStart = qSize - (qStart + offset + (e - s));
    return { chrom: qChrom, pos: fwdStart + 1, ref: revcomp(v.ref), alt: revcomp(v.alt) };
  }
  return undefined;
}
