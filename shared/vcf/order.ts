// Record order (VCF §1.6.1: one contiguous block per CHROM, POS ascending within it) and duplicate
// variants, compared by their minimal representation (the same key the cohorts use).
import { trimAlleles } from './normalize';

/** Tracks what the records seen so far imply for the next one. */
export class OrderTracker {
  private chrom: string | undefined;
  private pos = -1;
  private readonly done = new Map<string, number>();
  /** Minimal-representation keys seen at positions ≥ the current POS → line. */
  private readonly recent = new Map<string, { pos: number; line: number }>();

  /** Checks CHROM/POS order; returns what is wrong, or undefined. */
  place(chrom: string, pos: number): string | undefined {
    if (chrom !== this.chrom) {
      if (this.chrom !== undefined) this.done.set(this.chrom, this.pos);
      const before = this.done.get(chrom);
      this.chrom = chrom;
      this.pos = pos;
      this.recent.clear();
      if (before !== undefined) {
        return `records of contig ${chrom} do not form one block: ${chrom} came before another contig; sort the file (bcftools sort)`;
      }
      return undefined;
    }
    if (pos < this.pos) {
      const was = this.pos;
      return `POS ${String(pos)} comes after POS ${String(was)} on ${chrom}; records must be sorted by position (bcftools sort)`;
    }
    if (pos > this.pos) {
      this.pos = pos;
      for (const [k, v] of this.recent) if (v.pos < pos) this.recent.delete(k);
    }
    return undefined;
  }

  /**
   * Remembers one sequence allele of a record by its minimal representation; returns the line of
   * an earlier record with the same variant, if any (VCF 4.3 vcf-validator's duplicate rule).
   */
  duplicateOf(pos: number, ref: string, alt: string, line: number): number | undefined {
    const t = trimAlleles(pos, ref, alt);
    const key = `${String(t.pos)}\t${t.ref}\t${t.alt}`;
    const before = this.recent.get(key);
    if (before !== undefined && before.line !== line) return before.line;
    this.recent.set(key, { pos: t.pos, line });
    return undefined;
  }
}
