// Record order (VCF §1.6.1: one contiguous block per CHROM, POS ascending within it) and duplicate
// variants, compared by their minimal representation (the same key the cohorts use).
import { trimAlleles } from './normalize';
import { cut, said } from './problems';
import type { Said } from './problems';

const baseCode = (c: number): number => {
  switch (c | 32) {
    case 97:
      return 0;
    case 99:
      return 1;
    case 103:
      return 2;
    case 116:
      return 3;
    default:
      return 4;
  }
};

/** Window size from which duplicate variants are found through a Map. */
const MANY_KEYS = 32;

/** Tracks what the records seen so far imply for the next one. */
export class OrderTracker {
  private chrom: string | undefined;
  private pos = -1;
  private readonly done = new Map<string, number>();
  /**
   * Variants whose trimmed position is ≥ the current POS (a handful): SNVs keyed by a number
   * (pos·64 + bases), other variants by "pos ref alt"; parallel arrays, no object per variant.
   */
  private readonly keys: (number | string)[] = [];
  private readonly at: number[] = [];
  private readonly lines: number[] = [];
  /**
   * Position of each key, built once the window holds many variants (one record with thousands of
   * ALTs, or thousands of records at one POS): indexOf over them was quadratic (decision 0089).
   */
  private index: Map<number | string, number> | undefined;

  private indexOf(key: number | string): number {
    if (this.index === undefined) {
      if (this.keys.length < MANY_KEYS) return this.keys.indexOf(key);
      this.index = new Map();
      for (let r = 0; r < this.keys.length; r++)
        if (!this.index.has(this.keys[r] as number | string))
          this.index.set(this.keys[r] as number | string, r);
    }
    return this.index.get(key) ?? -1;
  }

  /** Checks CHROM/POS order; returns what is wrong, or undefined. */
  place(chrom: string, pos: number): Said | undefined {
    if (chrom !== this.chrom) {
      if (this.chrom !== undefined) this.done.set(this.chrom, this.pos);
      const before = this.done.get(chrom);
      this.chrom = chrom;
      this.pos = pos;
      this.keys.length = 0;
      this.at.length = 0;
      this.lines.length = 0;
      this.index = undefined;
      if (before !== undefined) {
        return said(
          'order-block',
          `records of contig ${chrom} do not form one block: ${chrom} came before another contig; sort the file (bcftools sort)`,
          { chrom: cut(chrom) },
        );
      }
      return undefined;
    }
    if (pos < this.pos) {
      return said(
        'order-position',
        `POS ${String(pos)} comes after POS ${String(this.pos)} on ${chrom}; records must be sorted by position (bcftools sort)`,
        { pos: String(pos), before: String(this.pos), chrom: cut(chrom) },
      );
    }
    if (pos > this.pos) {
      this.pos = pos;
      let w = 0;
      for (let r = 0; r < this.keys.length; r++) {
        if ((this.at[r] as number) < pos) continue;
        this.keys[w] = this.keys[r] as number | string;
        this.at[w] = this.at[r] as number;
        this.lines[w] = this.lines[r] as number;
        w++;
      }
      this.keys.length = w;
      this.at.length = w;
      this.lines.length = w;
      this.index = undefined;
    }
    return undefined;
  }

  /**
   * Remembers the sequence allele s[altStart,altEnd) (REF s[refStart,refEnd)) of the record at
   * `pos`; returns the line of an earlier record with the same trimmed variant, if any.
   */
  duplicateAt(
    s: string,
    pos: number,
    refStart: number,
    refEnd: number,
    altStart: number,
    altEnd: number,
    line: number,
  ): number | undefined {
    let key: number | string;
    let at = pos;
    if (refEnd - refStart === 1 && altEnd - altStart === 1) {
      key = pos * 64 + baseCode(s.charCodeAt(refStart)) * 8 + baseCode(s.charCodeAt(altStart));
    } else {
      const t = trimAlleles(pos, s.slice(refStart, refEnd), s.slice(altStart, altEnd));
      at = t.pos;
      key =
        t.ref.length === 1 && t.alt.length === 1
          ? t.pos * 64 + baseCode(t.ref.charCodeAt(0)) * 8 + baseCode(t.alt.charCodeAt(0))
          : `${String(t.pos)} ${t.ref} ${t.alt}`;
    }
    const i = this.indexOf(key);
    if (i >= 0) return this.lines[i] !== line ? this.lines[i] : undefined;
    this.index?.set(key, this.keys.length);
    this.keys.push(key);
    this.at.push(at);
    this.lines.push(line);
    return undefined;
  }
}
