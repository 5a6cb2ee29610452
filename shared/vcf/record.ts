// One data line (VCF §1.6): checks every column and returns a record that decodes INFO and samples
// on demand (the import reads a few INFO keys and GT/GQ/DP/AD; a check reads none).
import { classifyAlt, isBases } from './alleles';
import { checkInfo, decodeInfo, infoValue } from './info';
import { contigNameProblem } from './names';
import type { OrderTracker } from './order';
import type { ProblemList } from './problems';
import { show } from './problems';
import { checkSample, decodeSample, parseFormat, parseGt, parseGtAnyAllele } from './samples';
import type { ParsedFormat } from './samples';
import type { Schema } from './schema';
import type { Genotype, VcfHeader, VcfRecord, VcfValue } from './types';
import { isFloat, toFloat } from './values';

/** What parsing a line needs beyond the line itself. */
export interface RecordContext {
  readonly schema: Schema;
  readonly problems: ProblemList;
  readonly order: OrderTracker;
  readonly formats: Map<string, ParsedFormat>;
  readonly contigLengths: ReadonlyMap<string, number>;
  readonly checkedChroms: Set<string>;
}

const EMPTY: readonly string[] = [];

class Record implements VcfRecord {
  private infoCache: Map<string, VcfValue> | undefined;

  constructor(
    readonly line: number,
    readonly chrom: string,
    readonly pos: number,
    readonly ids: readonly string[],
    readonly ref: string,
    readonly alts: readonly string[],
    readonly qual: number | null,
    readonly filters: readonly string[] | null,
    readonly infoText: string,
    private readonly fmt: ParsedFormat | undefined,
    private readonly sampleText: string,
    private readonly schema: Schema,
  ) {}

  get header(): VcfHeader {
    return this.schema.header;
  }

  get format(): readonly string[] {
    return this.fmt?.keys ?? EMPTY;
  }

  info(): ReadonlyMap<string, VcfValue> {
    this.infoCache ??= decodeInfo(this.infoText, this.schema);
    return this.infoCache;
  }

  infoValue(key: string): VcfValue | undefined {
    return this.infoCache?.get(key) ?? infoValue(this.infoText, key, this.schema);
  }

  private column(index: number): string {
    let start = 0;
    for (let i = 0; i < index; i++) {
      start = this.sampleText.indexOf('\t', start) + 1;
      if (start === 0) return '';
    }
    const end = this.sampleText.indexOf('\t', start);
    return this.sampleText.slice(start, end < 0 ? undefined : end);
  }

  sample(index: number): ReadonlyMap<string, VcfValue> {
    if (this.fmt === undefined) return new Map();
    return decodeSample(this.column(index), this.fmt, this.schema);
  }

  genotype(index: number): Genotype | null {
    if (this.fmt?.hasGt !== true) return null;
    const text = this.column(index);
    const colon = text.indexOf(':');
    const v = colon < 0 ? text : text.slice(0, colon);
    const lp = this.schema.rules.leadingPhase;
    const gt = this.alts.length === 0 ? parseGtAnyAllele(v, lp) : parseGt(v, this.alts.length, lp);
    return typeof gt === 'string' ? null : gt;
  }
}

const COLUMNS = ['CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT'];

/** Checks one data line; returns the record when the line has no problem. */
export function parseRecord(s: string, lineNo: number, ctx: RecordContext): VcfRecord | undefined {
  const { problems, schema } = ctx;
  const header = schema.header;
  const before = problems.count;
  const report = (column: string, message: string, field?: string): void => {
    problems.add({ line: lineNo, column, ...(field === undefined ? {} : { field }) }, message);
  };
  // Fixed columns: find the first 8 (9) tabs; the rest are the samples.
  const fixed = header.hasFormat ? 9 : 8;
  const starts: number[] = [0];
  let at = 0;
  while (starts.length < fixed) {
    const t = s.indexOf('\t', at);
    if (t < 0) break;
    starts.push(t + 1);
    at = t + 1;
  }
  const expected = fixed + header.samples.length;
  if (starts.length < fixed) {
    const what =
      starts.length === 1 && s.includes(' ')
        ? ' (columns must be separated by tabs, not spaces)'
        : '';
    report(
      '',
      `expected ${String(expected)} tab-separated columns (${describeColumns(expected, header.samples.length)}), found ${String(starts.length)}${what}; the line is cut off or malformed`,
    );
    return undefined;
  }
  const colEnd = (i: number): number =>
    i + 1 < starts.length
      ? (starts[i + 1] as number) - 1
      : s.indexOf('\t', starts[i]) < 0
        ? s.length
        : s.indexOf('\t', starts[i]);
  const col = (i: number): string => s.slice(starts[i], colEnd(i));
  for (let i = 0; i < fixed; i++)
    if (colEnd(i) === starts[i])
      report(COLUMNS[i] ?? '', 'is empty; write "." for a missing value');

  const chrom = col(0);
  if (!ctx.checkedChroms.has(chrom)) {
    const p = contigNameProblem(chrom, schema.rules);
    if (p !== undefined) report('CHROM', `${show(chrom)} ${p}`);
    else ctx.checkedChroms.add(chrom);
  }
  const posText = col(1);
  const pos = /^\d+$/.test(posText) ? Number(posText) : Number.NaN;
  if (Number.isNaN(pos)) report('POS', `${show(posText)} is not a position (a whole number ≥ 0)`);
  else {
    const len = ctx.contigLengths.get(chrom);
    if (len !== undefined && pos > len + 1)
      report(
        'POS',
        `${posText} is past the end of ${chrom} (length ${String(len)} in its ##contig line)`,
      );
    // <ID> names a contig of the ##assembly file: the same contig as ID for ordering.
    const orderChrom = chrom.startsWith('<') && chrom.endsWith('>') ? chrom.slice(1, -1) : chrom;
    const orderProblem = ctx.order.place(orderChrom, pos);
    if (orderProblem !== undefined) report('POS', orderProblem);
  }
  const ids = checkIds(col(2), (m) => report('ID', m));
  const ref = col(3);
  if (!isBases(ref)) report('REF', `${show(ref)} is not a sequence of bases A, C, G, T, N`);
  const altText = col(4);
  const alts = altText === '.' ? [] : altText.split(',');
  alts.forEach((a, k) => {
    const c = classifyAlt(a);
    if ('problem' in c) report('ALT', `allele ${String(k + 1)} ${show(a)} ${c.problem}`);
    else if (c.kind === 'bases') {
      if (a.toUpperCase() === ref.toUpperCase())
        report('ALT', `allele ${show(a)} is the same as REF; ALT lists non-reference alleles`);
      else if (alts.indexOf(a) !== k) report('ALT', `allele ${show(a)} is listed twice`);
      else if (!Number.isNaN(pos) && isBases(ref)) {
        const dup = ctx.order.duplicateOf(pos, ref, a, lineNo);
        if (dup !== undefined)
          report(
            'ALT',
            `${ref}>${a} is the same variant as line ${String(dup)} (after trimming shared bases)`,
          );
      }
    }
  });
  const qualText = col(5);
  let qual: number | null = null;
  if (qualText !== '.') {
    if (!isFloat(qualText, 0, qualText.length))
      report('QUAL', `${show(qualText)} is not a number or "."`);
    else {
      qual = toFloat(qualText);
      if (qual < 0) report('QUAL', `${qualText} is negative; QUAL is a phred score ≥ 0`);
    }
  }
  const filters = checkFilters(col(6), (m) => report('FILTER', m));
  const infoStart = starts[7] as number;
  checkInfo(
    s,
    infoStart,
    colEnd(7),
    alts.length,
    schema,
    (m, key) => report('INFO', m, key),
    (m, key) => problems.warn({ line: lineNo, column: 'INFO', field: key }, m, `INFO=${key}`),
  );

  let fmt: ParsedFormat | undefined;
  let sampleText = '';
  if (!header.hasFormat && colEnd(7) !== s.length) {
    report(
      '',
      `expected 8 tab-separated columns (the #CHROM line has no FORMAT column), found ${String(s.split('\t').length)}`,
    );
  }
  if (header.hasFormat) {
    const formatText = col(8);
    fmt = ctx.formats.get(formatText);
    if (fmt === undefined) {
      fmt = parseFormat(formatText, schema);
      if (ctx.formats.size < 1000) ctx.formats.set(formatText, fmt);
    }
    if (fmt.problem !== undefined) report('FORMAT', fmt.problem.message, fmt.problem.key);
    sampleText = checkSamples(s, colEnd(8) + 1, fmt, alts.length, ctx, lineNo, expected);
  }
  if (problems.count !== before) return undefined;
  return new Record(
    lineNo,
    chrom,
    pos,
    ids,
    ref,
    alts,
    qual,
    filters,
    s.slice(infoStart, colEnd(7)),
    fmt,
    sampleText,
    schema,
  );
}

function checkSamples(
  s: string,
  from: number,
  fmt: ParsedFormat,
  nAlt: number,
  ctx: RecordContext,
  lineNo: number,
  expected: number,
): string {
  const samples = ctx.schema.header.samples;
  let i = from;
  let n = 0;
  while (i <= s.length && n < samples.length) {
    let j = s.indexOf('\t', i);
    if (j < 0) j = s.length;
    const name = samples[n] ?? '';
    if (fmt.problem === undefined) {
      checkSample(s, i, j, fmt, nAlt, ctx.schema, (m, key, warning) => {
        const at = {
          line: lineNo,
          column: `sample ${name}`,
          ...(key === undefined ? {} : { field: key }),
        };
        if (warning === true) ctx.problems.warn(at, m, `GT-${m}`);
        else ctx.problems.add(at, m);
      });
    }
    n++;
    i = j + 1;
  }
  const found = 9 + n + (i <= s.length ? s.slice(i).split('\t').length : 0);
  if (found !== expected) {
    ctx.problems.add(
      { line: lineNo, column: '' },
      `expected ${String(expected)} tab-separated columns (${describeColumns(expected, samples.length)}), found ${String(found)}${found > expected && s.endsWith('\t') ? ' (a tab at the end of the line?)' : ''}`,
    );
  }
  return s.slice(from);
}

function describeColumns(expected: number, samples: number): string {
  return samples === 0
    ? `${String(expected === 9 ? 9 : 8)} fixed`
    : `8 fixed, FORMAT and ${String(samples)} sample${samples === 1 ? '' : 's'}`;
}

function checkIds(text: string, report: (m: string) => void): readonly string[] {
  if (text === '.') return EMPTY;
  const ids = text.split(';');
  for (const [k, id] of ids.entries()) {
    if (id === '') report(`${show(text)} has an empty identifier (";" at an end, or ";;")`);
    else if (/\s/.test(id)) report(`${show(id)} contains white space`);
    else if (ids.indexOf(id) !== k) report(`${show(id)} is listed twice`);
  }
  return ids;
}

function checkFilters(text: string, report: (m: string) => void): readonly string[] | null {
  if (text === '.') return null;
  const codes = text.split(';');
  for (const [k, c] of codes.entries()) {
    if (c === '') report(`${show(text)} has an empty filter (";" at an end, or ";;")`);
    else if (c === '.') report(`${show(text)} mixes "." (no filters applied) with filter names`);
    else if (/\s/.test(c)) report(`${show(c)} contains white space`);
    else if (c === '0') report('"0" is reserved and may not be a filter name');
    else if (codes.indexOf(c) !== k) report(`${show(c)} is listed twice`);
  }
  return codes;
}
