import { said } from './problems';
import type { Said } from './problems';

/** WHATWG TextDecoder, present in Node, browsers and workers (shared/ has no DOM or Node types). */
interface Utf8Decoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
declare const TextDecoder: new (
  label: 'utf-8',
  options: { fatal: boolean; ignoreBOM: boolean },
) => Utf8Decoder;

/** Receives lines (without the line break; CR of CR+LF removed) with their 1-based numbers. */
export interface LineSink {
  line(text: string, lineNo: number): void;
  /** A line that is not UTF-8 text or holds control characters (§1.2: binary data, corruption). */
  badLine(lineNo: number, what: Said): void;
}

// eslint-disable-next-line no-control-regex -- VCF §1.2 disallows these control characters
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;
/** The same characters one by one: 29 indexOf calls (memchr) are ~5× faster than the regex. */
const CONTROL_CHARS: readonly string[] = Array.from({ length: 32 }, (_, c) =>
  String.fromCharCode(c),
)
  .filter((c) => c !== '\t' && c !== '\n' && c !== '\r')
  .concat('\x7f');

function hasControl(text: string): boolean {
  for (const c of CONTROL_CHARS) if (text.includes(c)) return true;
  return false;
}

/** The longest line accepted (a VCF line with 100,000 samples is a few MB). */
const MAX_LINE = 256 << 20;

/** Splits decompressed bytes into lines; chunks may end anywhere, even inside a UTF-8 character. */
export class LineSplitter {
  /** Streaming and fatal: a character split across chunks is joined, an invalid byte throws. */
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  /** The unfinished last line. */
  private carry = '';
  private lineNo = 0;
  /** Bytes consumed so far. */
  bytes = 0;
  /** Set when the input cannot be VCF text at all; later bytes are ignored. */
  failed = false;
  /** True when the last line ended with a line break (set by end()). */
  endedWithNewline = true;

  constructor(private readonly sink: LineSink) {}

  get lines(): number {
    return this.lineNo;
  }

  push(chunk: Uint8Array): void {
    if (this.failed) return;
    this.bytes += chunk.length;
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      this.notUtf8(chunk);
      return;
    }
    this.take(text);
  }

  /** Flushes the final line (one without a line break). */
  end(): void {
    if (this.failed) return;
    let rest: string;
    try {
      rest = this.decoder.decode();
    } catch {
      this.fail(this.lineNo + 1, NOT_UTF8);
      return;
    }
    if (rest !== '') this.take(rest);
    if (this.carry !== '') {
      this.endedWithNewline = false;
      this.take('\n');
    }
  }

  /** Adds decoded text: emits every complete line, keeps the rest. */
  private take(text: string): void {
    if (hasControl(text)) {
      this.takeChecked(text);
      return;
    }
    let nl = text.indexOf('\n');
    if (this.lineNo === 0 && this.loneCr(nl < 0 ? text : text.slice(0, nl))) return;
    if (nl < 0) {
      this.carry += text;
      if (this.carry.length > MAX_LINE)
        this.fail(
          this.lineNo + 1,
          said(
            'no-line-break',
            `runs over ${String(MAX_LINE >> 20)} MB without a line break: this is not VCF text`,
            { mb: MAX_LINE >> 20 },
          ),
        );
      return;
    }
    this.emit(this.carry === '' ? text.slice(0, nl) : this.carry + text.slice(0, nl));
    let i = nl + 1;
    for (;;) {
      nl = text.indexOf('\n', i);
      if (nl < 0) break;
      this.emit(text.slice(i, nl));
      i = nl + 1;
    }
    this.carry = text.slice(i);
  }

  /**
   * True (and failed) when the first line holds a carriage return before its end: the file ends
   * its lines with CR alone (classic Mac OS), so it would read as one line (decision 0089).
   */
  private loneCr(first: string): boolean {
    const cr = first.indexOf('\r');
    if (cr < 0 || cr === first.length - 1) return false;
    this.fail(
      1,
      said(
        'cr-line-ends',
        'ends its lines with a carriage return (CR) alone: convert the line ends to LF (dos2unix -c mac, or tr "\\r" "\\n")',
      ),
    );
    return true;
  }

  private emit(line: string): void {
    const cr = line.length > 0 && line.charCodeAt(line.length - 1) === 13;
    this.sink.line(cr ? line.slice(0, -1) : line, ++this.lineNo);
  }

  /** Slow path for text with control characters: name the lines that have them. */
  private takeChecked(text: string): void {
    const lines = (this.carry + text).split('\n');
    this.carry = lines.pop() ?? '';
    for (const raw of lines) {
      const m = CONTROL.exec(raw);
      if (m === null) {
        this.emit(raw);
        continue;
      }
      const code = m[0].charCodeAt(0).toString(16).padStart(2, '0');
      this.sink.badLine(
        ++this.lineNo,
        said(
          'binary',
          `contains the control character 0x${code} at character ${String(m.index + 1)}: this is binary data, not VCF text (a corrupted, truncated or wrongly decompressed file?)`,
          { char: `0x${code}`, position: m.index + 1 },
        ),
      );
    }
  }

  /** Names the first line of `chunk` that is not UTF-8, and stops: the rest is not text either. */
  private notUtf8(chunk: Uint8Array): void {
    const check = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    let i = 0;
    // Continuation bytes of a character begun in the previous chunk belong to it.
    while (i < chunk.length && ((chunk[i] ?? 0) & 0xc0) === 0x80) i++;
    let line = this.lineNo + 1;
    while (i < chunk.length) {
      let nl = chunk.indexOf(10, i);
      if (nl < 0) nl = chunk.length;
      try {
        check.decode(chunk.subarray(i, nl));
      } catch {
        break;
      }
      line++;
      i = nl + 1;
    }
    this.fail(line, NOT_UTF8);
  }

  private fail(line: number, what: Said): void {
    this.failed = true;
    this.sink.badLine(line, what);
  }
}

const NOT_UTF8 = said(
  'not-utf8',
  'is not UTF-8 text: this is binary data, not VCF (a corrupted file, or compressed with something other than gzip/BGZF?)',
);
