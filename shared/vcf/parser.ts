// The VCF parser: decompressed bytes in, a checked header and checked records out, every problem
// located. Streaming: it holds one chunk and one unfinished line, whatever the file size.
import { HeaderBuilder } from './header';
import { LineSplitter } from './lines';
import { OrderTracker } from './order';
import { ProblemList, cut, said } from './problems';
import type { Said } from './problems';
import { RecordParser } from './record';
import { schemaOf } from './schema';
import type { VcfHeader, VcfProblem, VcfRecord } from './types';
import { SUPPORTED_VERSIONS, parseFileformat, rulesFor } from './version';

export interface VcfParserOptions {
  /** The name used in problems (a file name, not a path the user did not give). */
  readonly file: string;
  /** Problems kept in full (default 100); later ones are only counted. */
  readonly maxProblems?: number;
  /** Stop reading after this many problems (default: never; the import stops at the first). */
  readonly stopAfter?: number;
  /** Called once, when the #CHROM line has been read and checked. */
  readonly onHeader?: (header: VcfHeader) => void;
  /** Called for every record that has no problem. */
  readonly onRecord?: (record: VcfRecord) => void;
  /** Called for every line after #CHROM, valid or not (a reader that only asks whether any follows). */
  readonly onDataLine?: (line: number) => void;
}

/** What a parse found. */
export interface VcfSummary {
  readonly header: VcfHeader | undefined;
  /** Data lines read (with or without problems). */
  readonly records: number;
  /** Errors (up to maxProblems): the file breaks its VCF version. */
  readonly problems: readonly VcfProblem[];
  /** All errors found, including those past maxProblems. */
  readonly problemCount: number;
  /** Warnings: rules readers tolerate; the file is still valid. */
  readonly warnings: readonly VcfProblem[];
  readonly warningCount: number;
  /** True when reading stopped early (stopAfter reached). */
  readonly stopped: boolean;
  readonly bytes: number;
}

/** Push decompressed bytes with push(), then call end() for the summary. */
export class VcfParser {
  private readonly problems: ProblemList;
  private readonly splitter: LineSplitter;
  private builder: HeaderBuilder | undefined;
  private recordParser: RecordParser | undefined;
  private header: VcfHeader | undefined;
  private records = 0;
  private stopped = false;
  private bom = false;
  /** Set by fail(): the bytes stopped making sense, so end-of-text checks would only add noise. */
  private broken = false;

  constructor(private readonly opts: VcfParserOptions) {
    this.problems = new ProblemList(opts.file, opts.maxProblems ?? 100);
    this.splitter = new LineSplitter({
      line: (text, lineNo) => this.line(text, lineNo),
      badLine: (lineNo, what) => this.problems.add({ line: lineNo }, what),
    });
  }

  /** True once stopAfter problems were found: the caller may stop reading. */
  get done(): boolean {
    return this.stopped || this.broken || this.splitter.failed;
  }

  /** Feeds the next decompressed bytes. */
  push(chunk: Uint8Array): void {
    if (this.done) return;
    if (this.splitter.bytes === 0 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
      this.bom = true;
      this.problems.add(
        { line: 1 },
        said('bom', 'starts with a UTF-8 byte order mark, which VCF files must not contain'),
      );
      chunk = chunk.subarray(3);
    }
    this.splitter.push(chunk);
  }

  /** Reports a problem found outside the text (e.g. by the decompressor). */
  fail(what: Said): void {
    this.broken = true;
    const after = this.splitter.lines;
    this.problems.add(
      { line: Math.max(1, after) },
      after > 0 ? { ...what, message: `after line ${String(after)}: ${what.message}` } : what,
    );
  }

  /**
   * Finishes: flushes the last line and checks what only the end can tell. `stopped`: the caller
   * stopped reading before the end (a header-only read, a cancel), so the unfinished line is the
   * rest of the file not read, not a cut-off last line, and end-of-file checks do not apply.
   */
  end(opts: { stopped?: boolean } = {}): VcfSummary {
    if (!this.done && !this.broken && opts.stopped !== true) {
      this.splitter.end();
      const last = this.splitter.lines;
      if (this.splitter.bytes === 0 || (this.bom && this.splitter.bytes === 3)) {
        this.problems.add(
          { line: 1 },
          said('empty', 'the file is empty; a VCF starts with ##fileformat=VCFv4.x'),
        );
      } else if (this.header === undefined) {
        if (this.builder !== undefined) {
          this.problems.add(
            { line: last, column: 'header' },
            said(
              'no-chrom-line',
              'the #CHROM header line is missing (expected after the ## lines)',
            ),
          );
        }
      } else if (!this.splitter.endedWithNewline && rulesFor(this.header.version).finalNewline) {
        this.problems.add(
          { line: last },
          said('cut-off', 'the last line does not end with a line break (is the file cut off?)'),
        );
      }
    }
    return {
      header: this.header,
      records: this.records,
      problems: this.problems.items,
      problemCount: this.problems.count,
      warnings: this.problems.warnings,
      warningCount: this.problems.warningCount,
      stopped: this.stopped,
      bytes: this.splitter.bytes,
    };
  }

  private line(text: string, lineNo: number): void {
    if (this.stopped) return;
    if (this.recordParser !== undefined) {
      this.records++;
      this.opts.onDataLine?.(lineNo);
      if (text.charCodeAt(0) === 35) {
        this.problems.add(
          { line: lineNo },
          said(
            'hash-after-header',
            'a "#" line after the #CHROM header line; only data lines may follow it',
          ),
        );
      } else if (text === '') {
        this.problems.add(
          { line: lineNo },
          said('empty-line', 'is empty; every line after #CHROM must be a record'),
        );
      } else {
        const record = this.recordParser.parse(text, lineNo);
        if (record !== undefined) this.opts.onRecord?.(record);
      }
    } else if (this.builder === undefined) {
      this.first(text, lineNo);
    } else if (text.startsWith('##')) {
      this.builder.addMeta(lineNo, text);
    } else if (text.startsWith('#CHROM')) {
      this.closeHeader(lineNo, text);
    } else {
      const [code, what] = text.startsWith('#')
        ? ([
            'before-header-hash',
            'a "#" line that is neither ## meta-information nor #CHROM',
          ] as const)
        : text.includes('\t')
          ? ([
              'before-header-data',
              'a data line before the #CHROM header line (is the #CHROM line missing?)',
            ] as const)
          : (['before-header', 'a line before the #CHROM header line'] as const);
      this.problems.add(
        { line: lineNo, column: 'header' },
        said(code, `${what}; expected ##key=value or #CHROM…`),
      );
    }
    const stopAfter = this.opts.stopAfter;
    if (stopAfter !== undefined && this.problems.count >= stopAfter) this.stopped = true;
  }

  private first(text: string, lineNo: number): void {
    const m = /^##fileformat=(.*)$/.exec(text);
    const version = m === null ? undefined : parseFileformat(m[1] ?? '');
    if (version === undefined) {
      const found =
        m === null
          ? `found "${text.slice(0, 40)}"`
          : `"${m[1] ?? ''}" is not one of VCFv${SUPPORTED_VERSIONS.join(', VCFv')}`;
      this.problems.add(
        { line: lineNo, column: 'header', field: 'fileformat' },
        said('fileformat', `the first line must be ##fileformat=VCFv4.x (4.1 to 4.5); ${found}`, {
          found: cut(m === null ? text.slice(0, 40) : (m[1] ?? '')),
        }),
      );
      this.stopped = true;
      return;
    }
    this.builder = new HeaderBuilder(version, rulesFor(version), this.problems);
  }

  private closeHeader(lineNo: number, text: string): void {
    const builder = this.builder as HeaderBuilder;
    const header = builder.finish(lineNo, text);
    if (header === undefined) {
      this.stopped = true;
      return;
    }
    this.header = header;
    const lengths = new Map<string, number>();
    for (const c of header.contigs) if (c.length !== undefined) lengths.set(c.id, c.length);
    this.recordParser = new RecordParser({
      schema: schemaOf(header),
      problems: this.problems,
      order: new OrderTracker(),
      contigLengths: lengths,
    });
    this.opts.onHeader?.(header);
  }
}
