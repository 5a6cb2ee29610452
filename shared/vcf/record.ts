// One data line (VCF §1.6): every column checked in one pass over the line, without copying what
// a check does not need (this runs for every line of a genome). Values are decoded on demand.
import { classifyAlt, isBases, listedBefore, sameBases } from './alleles';
import { checkFilters, checkIds, checkQual } from './fixedColumns';
import { checkInfo } from './info';
import { contigNameProblem } from './names';
import type { OrderTracker } from './order';
import { EMPTY_VALUE } from './fieldValues';
import type { ProblemList, Said } from './problems';
import { said } from './problems';
import {
  altIsRef,
  altProblem,
  altTooMany,
  altTwice,
  chromProblem,
  notBases,
  notPosition,
  pastContigEnd,
  sameVariant,
  sampleColumnCount,
  tooFewColumns,
} from './recordSaid';
import { LazyRecord } from './lazyRecord';
import { checkSample, parseFormat } from './samples';
import type { ParsedFormat } from './samples';
import type { Schema } from './schema';
import type { VcfRecord } from './types';

/** What parsing a line needs beyond the line itself. */
export interface RecordContext {
  readonly schema: Schema;
  readonly problems: ProblemList;
  readonly order: OrderTracker;
  readonly contigLengths: ReadonlyMap<string, number>;
}

/** Receives the problems of one line (the parser itself; no closure is made per line). */
export interface Reporter {
  report(column: string, what: Said, field?: string): void;
  /** A warning, once per file for the same `once` key. */
  warn(column: string, what: Said, field: string, once: string): void;
}

/**
 * The most ALT alleles a record may list: htslib keeps REF and ALT in 16 bits (65,535 alleles),
 * so bcftools cannot read more either (decision 0089).
 */
export const MAX_ALT_ALLELES = 65_534;
/** From this allele on, the alleles listed before are looked up in a Set. */
const FEW_ALTS = 9;

/** True when `alt` is in `listed`; adds it when not. */
function twiceIn(listed: Set<string>, alt: string): boolean {
  if (listed.has(alt)) return true;
  listed.add(alt);
  return false;
}

const COLUMNS = ['CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT'];

/** Parses and checks data lines of one file. */
export class RecordParser implements Reporter {
  /** End (exclusive) of columns 0…8 of the current line. */
  private readonly end = new Int32Array(9);
  private lineNo = 0;
  private chrom: string | undefined;
  private chromOk = false;
  /** The ##contig length of `chrom`, looked up once per contig. */
  private chromLength: number | undefined;
  private formatText: string | undefined;
  private format: ParsedFormat | undefined;
  private sampleName = '';

  constructor(private readonly ctx: RecordContext) {}

  report(column: string, what: Said, field?: string): void {
    const at =
      field === undefined ? { line: this.lineNo, column } : { line: this.lineNo, column, field };
    this.ctx.problems.add(at, what);
  }

  warn(column: string, what: Said, field: string, once: string): void {
    this.ctx.problems.warn({ line: this.lineNo, column, field }, what, once);
  }

  /** Checks one data line; returns the record when the line has no error. */
  parse(s: string, lineNo: number): VcfRecord | undefined {
    this.lineNo = lineNo;
    const { problems, schema } = this.ctx;
    const header = schema.header;
    const before = problems.count;
    const fixed = header.hasFormat ? 9 : 8;
    const end = this.end;
    let found = 0;
    let at = 0;
    while (found < fixed) {
      const t = s.indexOf('\t', at);
      end[found++] = t < 0 ? s.length : t;
      if (t < 0) break;
      at = t + 1;
    }
    const expected = fixed + header.samples.length;
    if (found < fixed) {
      const spaces = found === 1 && s.includes(' ');
      this.report('', tooFewColumns(expected, header.samples.length, found, spaces));
      return undefined;
    }
    for (let i = 0; i < fixed; i++)
      if (this.start(i) === end[i]) this.report(COLUMNS[i] ?? '', EMPTY_VALUE);
    const chrom = this.checkChrom(s, end[0] as number);
    const pos = this.checkPos(s, this.start(1), end[1] as number, chrom);
    checkIds(this, s, this.start(2), end[2] as number);
    const refStart = this.start(3);
    const refEnd = end[3] as number;
    const refOk = isBases(s, refStart, refEnd);
    if (!refOk) this.report('REF', notBases(s.slice(refStart, refEnd)));
    const nAlt = this.checkAlts(
      s,
      this.start(4),
      end[4] as number,
      refStart,
      refEnd,
      refOk ? pos : Number.NaN,
    );
    checkQual(this, s, this.start(5), end[5] as number);
    checkFilters(this, s, this.start(6), end[6] as number);
    checkInfo(s, this.start(7), end[7] as number, nAlt, schema, this);
    let fmt: ParsedFormat | undefined;
    if (!header.hasFormat) {
      if (end[7] !== s.length)
        this.report(
          '',
          said(
            'columns-no-format',
            `expected 8 tab-separated columns (the #CHROM line has no FORMAT column), found ${String(s.split('\t').length)}`,
            { found: s.split('\t').length },
          ),
        );
    } else {
      fmt = this.formatOf(s, this.start(8), end[8] as number);
      if (fmt.problem !== undefined) this.report('FORMAT', fmt.problem.what, fmt.problem.key);
      else this.checkSamples(s, (end[8] as number) + 1, fmt, nAlt, expected);
    }
    if (problems.count !== before) return undefined;
    const ends = [
      end[0],
      end[1],
      end[2],
      end[3],
      end[4],
      end[5],
      end[6],
      end[7],
      end[8],
    ] as number[];
    return new LazyRecord(s, lineNo, ends, chrom, pos, nAlt, fmt, schema);
  }

  /** Start of column i of the current line. */
  private start(i: number): number {
    return i === 0 ? 0 : (this.end[i - 1] as number) + 1;
  }

  private checkChrom(s: string, e: number): string {
    const last = this.chrom;
    if (last !== undefined && last.length === e && s.startsWith(last)) {
      if (!this.chromOk) {
        const p = contigNameProblem(last, this.ctx.schema.rules);
        if (p !== undefined) this.report('CHROM', chromProblem(last, p));
      }
      return last;
    }
    const chrom = s.slice(0, e);
    this.chromLength = this.ctx.contigLengths.get(chrom);
    const p = contigNameProblem(chrom, this.ctx.schema.rules);
    this.chromOk = p === undefined;
    if (p !== undefined) this.report('CHROM', chromProblem(chrom, p));
    this.chrom = chrom;
    return chrom;
  }

  private checkPos(s: string, a: number, b: number, chrom: string): number {
    let pos = 0;
    for (let i = a; i < b; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57 || b - a > 15) {
        this.report('POS', notPosition(s.slice(a, b)));
        return Number.NaN;
      }
      pos = pos * 10 + (c - 48);
    }
    if (a === b) return Number.NaN;
    const len = this.chromLength;
    if (len !== undefined && pos > len + 1) this.report('POS', pastContigEnd(pos, chrom, len));
    // <ID> names a contig of the ##assembly file: the same contig as ID for ordering.
    const orderChrom =
      chrom.charCodeAt(0) === 60 && chrom.endsWith('>') ? chrom.slice(1, -1) : chrom;
    const problem = this.ctx.order.place(orderChrom, pos);
    if (problem !== undefined) this.report('POS', problem);
    return pos;
  }

  /** Checks ALT; returns the number of ALT alleles. */
  private checkAlts(
    s: string,
    a: number,
    b: number,
    refStart: number,
    refEnd: number,
    pos: number,
  ): number {
    if (b - a === 1 && s.charCodeAt(a) === 46) return 0;
    let n = 0;
    let i = a;
    const order = this.ctx.order;
    // Past a few alleles, the ones listed before are kept in a Set: rescanning the list for each
    // allele made a record with 100,000 ALTs take minutes (decision 0089).
    let listed: Set<string> | undefined;
    while (i <= b) {
      let j = s.indexOf(',', i);
      if (j < 0 || j > b) j = b;
      n++;
      if (n > MAX_ALT_ALLELES) {
        this.report('ALT', altTooMany(MAX_ALT_ALLELES));
        return n;
      }
      if (n === FEW_ALTS) listed = new Set(s.slice(a, i - 1).split(','));
      if (isBases(s, i, j)) {
        if (sameBases(s, i, j, refStart, refEnd)) this.report('ALT', altIsRef(s.slice(i, j)));
        else if (listed === undefined ? listedBefore(s, a, i, j) : twiceIn(listed, s.slice(i, j)))
          this.report('ALT', altTwice(s.slice(i, j)));
        else if (!Number.isNaN(pos)) {
          const dup = order.duplicateAt(s, pos, refStart, refEnd, i, j, this.lineNo);
          if (dup !== undefined)
            this.report('ALT', sameVariant(s.slice(refStart, refEnd), s.slice(i, j), dup));
        }
      } else {
        const alt = s.slice(i, j);
        listed?.add(alt);
        const c = classifyAlt(alt);
        if ('problem' in c) this.report('ALT', altProblem(n, alt, c.problem));
      }
      i = j + 1;
    }
    return n;
  }

  private formatOf(s: string, a: number, b: number): ParsedFormat {
    const last = this.formatText;
    if (
      last !== undefined &&
      this.format !== undefined &&
      last.length === b - a &&
      s.startsWith(last, a)
    )
      return this.format;
    const text = s.slice(a, b);
    this.formatText = text;
    this.format = parseFormat(text, this.ctx.schema);
    return this.format;
  }

  private checkSamples(
    s: string,
    from: number,
    fmt: ParsedFormat,
    nAlt: number,
    expected: number,
  ): void {
    const samples = this.ctx.schema.header.samples;
    let i = from;
    let n = 0;
    while (i <= s.length && n < samples.length) {
      let j = s.indexOf('\t', i);
      if (j < 0) j = s.length;
      this.sampleName = samples[n] ?? '';
      checkSample(s, i, j, fmt, nAlt, this.ctx.schema, this);
      n++;
      i = j + 1;
    }
    const found = 9 + n + (i <= s.length ? s.slice(i).split('\t').length : 0);
    if (found !== expected) {
      const tab = found > expected && s.endsWith('\t');
      this.report('', sampleColumnCount(expected, samples.length, found, tab));
    }
  }

  /** A problem in the current sample (samples.ts calls this). */
  sampleProblem(what: Said, key: string | undefined, warning: boolean): void {
    const column = `sample ${this.sampleName}`;
    if (warning) this.warn(column, what, key ?? '', `${key ?? ''}:${what.message}`);
    else this.report(column, what, key);
  }
}
