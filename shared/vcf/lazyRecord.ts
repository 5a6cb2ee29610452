// A checked data line that decodes its columns only when asked (the import reads a few of them;
// a check reads none), keeping the line and its column boundaries.
import { decodeInfo, infoValue } from './info';
import { decodeSample, parseGt, parseGtAnyAllele } from './samples';
import type { ParsedFormat } from './samples';
import type { Schema } from './schema';
import type { Genotype, VcfHeader, VcfRecord, VcfValue } from './types';
import { toFloat } from './values';

const EMPTY: readonly string[] = [];

export class LazyRecord implements VcfRecord {
  private infoCache: Map<string, VcfValue> | undefined;
  private altsCache: readonly string[] | undefined;

  constructor(
    /** The whole line. */
    private readonly s: string,
    readonly line: number,
    /** End (exclusive) of each fixed column. */
    private readonly end: readonly number[],
    readonly chrom: string,
    readonly pos: number,
    private readonly nAlt: number,
    private readonly fmt: ParsedFormat | undefined,
    private readonly schema: Schema,
  ) {}

  private col(i: number): string {
    return this.s.slice(i === 0 ? 0 : (this.end[i - 1] as number) + 1, this.end[i]);
  }

  get header(): VcfHeader {
    return this.schema.header;
  }

  get ids(): readonly string[] {
    const t = this.col(2);
    return t === '.' ? EMPTY : t.split(';');
  }

  get ref(): string {
    return this.col(3);
  }

  get alts(): readonly string[] {
    this.altsCache ??= this.nAlt === 0 ? EMPTY : this.col(4).split(',');
    return this.altsCache;
  }

  get qual(): number | null {
    const t = this.col(5);
    return t === '.' ? null : toFloat(t);
  }

  get filters(): readonly string[] | null {
    const t = this.col(6);
    return t === '.' ? null : t.split(';');
  }

  get infoText(): string {
    return this.col(7);
  }

  get format(): readonly string[] {
    return this.fmt?.keys ?? EMPTY;
  }

  info(): ReadonlyMap<string, VcfValue> {
    this.infoCache ??= decodeInfo(this.infoText, this.schema);
    return this.infoCache;
  }

  infoValue(key: string): VcfValue | undefined {
    return this.infoCache === undefined
      ? infoValue(this.infoText, key, this.schema)
      : this.infoCache.get(key);
  }

  /** The text of sample column `index`. */
  private sampleText(index: number): string {
    const s = this.s;
    let start = (this.end[8] ?? s.length) + 1;
    for (let i = 0; i < index; i++) {
      start = s.indexOf('\t', start) + 1;
      if (start === 0) return '';
    }
    const e = s.indexOf('\t', start);
    return s.slice(start, e < 0 ? s.length : e);
  }

  /**
   * Samples decoded so far, on a record of several ALTs only: split into n alleles, a member's
   * sample is asked once per allele, and decoding it reads its n+1 AD values each time (a somatic
   * record of 10,000 ALTs took 55 s of CPU; decision 0095).
   */
  private samples: Map<number, ReadonlyMap<string, VcfValue>> | undefined;

  sample(index: number): ReadonlyMap<string, VcfValue> {
    if (this.fmt === undefined) return new Map();
    const known = this.samples?.get(index);
    if (known !== undefined) return known;
    const values = decodeSample(this.sampleText(index), this.fmt, this.schema);
    if (this.nAlt > 1) (this.samples ??= new Map()).set(index, values);
    return values;
  }

  /**
   * Genotypes read so far, by sample: a record split into many ALTs asks each member's genotype
   * once per ALT, and finding a sample's text is a scan of the line (decision 0089).
   */
  private genotypes: (Genotype | null)[] | undefined;

  genotype(index: number): Genotype | null {
    const known = this.genotypes?.[index];
    if (known !== undefined) return known;
    const gt = this.readGenotype(index);
    if (this.nAlt > 1) (this.genotypes ??= [])[index] = gt;
    return gt;
  }

  private readGenotype(index: number): Genotype | null {
    if (this.fmt?.hasGt !== true) return null;
    const text = this.sampleText(index);
    const colon = text.indexOf(':');
    const v = colon < 0 ? text : text.slice(0, colon);
    const lp = this.schema.rules.leadingPhase;
    const gt = this.nAlt === 0 ? parseGtAnyAllele(v, lp) : parseGt(v, this.nAlt, lp);
    return 'alleles' in gt ? gt : null;
  }
}
