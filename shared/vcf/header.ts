// Builds the VcfHeader from the meta-information lines and the #CHROM line (VCF §1.4, §1.5).
import { checkAlt, checkContig, checkFieldDef, checkFilter } from './headerRules';
import { checkMeta, checkPedigree, checkSample, checkUrlLine } from './metaRules';
import type { Report } from './headerRules';
import { parseMetaLine } from './metaLine';
import { cut, said } from './problems';
import type { ProblemList } from './problems';
import type { ContigDef, FieldDef, MetaLine, VcfHeader, VcfVersion } from './types';
import type { VersionRules } from './version';

const FIXED = ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO'];
/** Keys whose lines the spec defines as structured, in every version. */
const RESERVED_STRUCTURED = [
  'INFO',
  'FORMAT',
  'FILTER',
  'ALT',
  'contig',
  'META',
  'SAMPLE',
  'PEDIGREE',
  'pedigreeDB',
  'assembly',
];
/** Structured keys whose IDs must be unique (§1.4: "unique within their type"). */
const UNIQUE_IDS = ['INFO', 'FORMAT', 'FILTER', 'ALT', 'contig', 'META', 'SAMPLE'];

/** Collects meta lines, then closes the header at the #CHROM line. */
export class HeaderBuilder {
  readonly meta: MetaLine[] = [];
  readonly info = new Map<string, FieldDef>();
  readonly format = new Map<string, FieldDef>();
  readonly filters = new Map<string, MetaLine>();
  readonly alts = new Map<string, MetaLine>();
  readonly contigs: ContigDef[] = [];
  private readonly seen = new Map<string, number>();

  constructor(
    readonly version: VcfVersion,
    readonly rules: VersionRules,
    private readonly problems: ProblemList,
  ) {}

  /** One `##…` line after ##fileformat. */
  addMeta(lineNo: number, text: string): void {
    const report: Report = (what, field, warning) => {
      const at = { line: lineNo, column: 'header', ...(field ? { field } : {}) };
      if (warning === true) this.problems.warn(at, what);
      else this.problems.add(at, what);
    };
    const parsed = parseMetaLine(text);
    if (!parsed.ok) {
      // Before 4.3 a line of another key is free text even when it starts with "<".
      const eq = text.indexOf('=');
      const key = text.slice(2, eq);
      const freeText = eq > 0 && text[eq + 1] === '<' && !RESERVED_STRUCTURED.includes(key);
      if (this.rules.structuredNeedId || !freeText) {
        report(parsed.what);
      } else {
        this.meta.push({ key, line: lineNo, value: text.slice(key.length + 3), fields: undefined });
      }
      return;
    }
    const { key, value, fields } = parsed;
    if (key === 'fileformat') {
      report(said('fileformat-twice', '##fileformat may appear only once, as the first line'));
      return;
    }
    const entry: MetaLine = {
      key,
      line: lineNo,
      value,
      fields: fields === undefined ? undefined : new Map(fields.map((f) => [f.key, f.value])),
    };
    this.meta.push(entry);
    if (fields === undefined) {
      if (['INFO', 'FORMAT', 'FILTER', 'ALT', 'contig'].includes(key)) {
        report(
          said('meta-not-structured', `##${key} must be a structured line: ##${key}=<ID=…,…>`, {
            key: cut(key),
          }),
        );
      } else if (key === 'assembly' || key === 'pedigreeDB') {
        checkUrlLine(key, value, report);
      }
      return;
    }
    const id = fields.find((f) => f.key === 'ID')?.value;
    if (id !== undefined && UNIQUE_IDS.includes(key)) {
      const before = this.seen.get(`${key}\t${id}`);
      if (before !== undefined) {
        // 4.3+: "an ID which must be unique within their type"; earlier files keep the first.
        if (this.rules.structuredNeedId)
          report(
            said(
              'meta-id-twice',
              `##${key} ID=${id} is declared twice (first on line ${String(before)})`,
              { key: cut(key), id: cut(id), first: String(before) },
            ),
            'ID',
          );
        return;
      }
      this.seen.set(`${key}\t${id}`, lineNo);
    } else if (
      id === undefined &&
      this.rules.structuredNeedId &&
      !['PEDIGREE', 'INFO', 'FORMAT', 'FILTER', 'ALT', 'contig'].includes(key)
    ) {
      report(
        said(
          'meta-no-id',
          `##${key}=<…> is a structured line without an ID; VCFv${this.version} requires one`,
          { key: cut(key), version: this.version },
        ),
      );
    }
    switch (key) {
      case 'INFO':
      case 'FORMAT': {
        const def = checkFieldDef(key, fields, lineNo, this.version, this.rules, report);
        if (def !== undefined) (key === 'INFO' ? this.info : this.format).set(def.id, def);
        return;
      }
      case 'FILTER':
        checkFilter(fields, this.rules, report);
        if (id !== undefined) this.filters.set(id, entry);
        return;
      case 'ALT':
        checkAlt(fields, this.rules, report);
        if (id !== undefined) this.alts.set(id, entry);
        return;
      case 'contig': {
        const length = checkContig(fields, this.rules, report);
        if (id !== undefined && entry.fields !== undefined) {
          this.contigs.push({ id, length, line: lineNo, fields: entry.fields });
        }
        return;
      }
      case 'META':
        checkMeta(fields, report);
        return;
      case 'SAMPLE':
        checkSample(fields, this.rules, report);
        return;
      case 'PEDIGREE':
        checkPedigree(fields, this.rules, report);
        return;
      default:
    }
  }

  /** Closes the header at the #CHROM line; undefined when the line cannot name the columns. */
  finish(lineNo: number, text: string): VcfHeader | undefined {
    const at = { line: lineNo, column: 'header' };
    const cols = text.split('\t');
    if (cols.length === 1 && / {1,}/.test(text)) {
      this.problems.add(
        at,
        said('chrom-line-spaces', 'the #CHROM line must be tab-separated; it uses spaces'),
      );
      return undefined;
    }
    for (let i = 0; i < FIXED.length; i++) {
      if (cols[i] !== FIXED[i]) {
        this.problems.add(
          at,
          said(
            'chrom-line-column',
            `column ${String(i + 1)} of the #CHROM line must be ${FIXED[i] ?? ''} (found "${cols[i] ?? ''}"); expected ${FIXED.join(' ')} [FORMAT samples…]`,
            { n: i + 1, expected: FIXED[i], found: cut(cols[i] ?? '') },
          ),
        );
        return undefined;
      }
    }
    let samples: string[] = [];
    if (cols.length > FIXED.length) {
      if (cols[8] !== 'FORMAT') {
        this.problems.add(
          at,
          said(
            'chrom-line-format',
            `column 9 of the #CHROM line must be FORMAT (found "${cols[8] ?? ''}")`,
            { found: cut(cols[8] ?? '') },
          ),
        );
        return undefined;
      }
      samples = cols.slice(9);
      if (samples.length === 0) {
        this.problems.add(
          at,
          said(
            'chrom-line-no-sample',
            'a FORMAT column must be followed by at least one sample column',
          ),
        );
      }
      const seen = new Map<string, number>();
      samples.forEach((s, i) => {
        if (s === '')
          this.problems.add(
            at,
            said(
              'sample-name-empty',
              `sample column ${String(i + 1)} has an empty name (a tab at the end of the line?)`,
              { n: i + 1 },
            ),
          );
        const first = seen.get(s);
        if (first !== undefined && s !== '') {
          this.problems.add(
            at,
            said(
              'sample-name-twice',
              `sample "${s}" appears twice (columns ${String(first + 10)} and ${String(i + 10)}); sample ids must be unique`,
              { sample: cut(s), first: first + 10, second: i + 10 },
            ),
          );
        }
        seen.set(s, i);
      });
    }
    return {
      version: this.version,
      meta: this.meta,
      info: this.info,
      format: this.format,
      filters: this.filters,
      alts: this.alts,
      contigs: this.contigs,
      hasFormat: cols.length > FIXED.length,
      samples,
      headerLine: lineNo,
    };
  }
}
