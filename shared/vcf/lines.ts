// Bytes → lines, streaming: never holds more than one chunk and one unfinished line.

/** WHATWG TextDecoder, present in Node, browsers and workers (shared/ has no DOM or Node types). */
interface Utf8Decoder {
  decode(input: Uint8Array): string;
}
declare const TextDecoder: new (
  label: 'utf-8',
  options: { fatal: boolean; ignoreBOM: boolean },
) => Utf8Decoder;

/** Receives lines (without the line break; CR of CR+LF removed) with their 1-based numbers. */
export interface LineSink {
  line(text: string, lineNo: number): void;
  /** A line that is not UTF-8 text or holds control characters (§1.2: binary data, corruption). */
  badLine(lineNo: number, message: string): void;
}

// eslint-disable-next-line no-control-regex -- VCF §1.2 disallows these control characters
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;

/** The longest line accepted (a VCF line with 100,000 samples is a few MB). */
const MAX_LINE = 256 << 20;

/** Splits decompressed bytes into lines; chunks may end anywhere, even inside a UTF-8 character. */
export class LineSplitter {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private carry: Uint8Array = new Uint8Array(0);
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
    const last = chunk.lastIndexOf(10);
    if (last < 0) {
      this.carry = concat(this.carry, chunk);
      if (this.carry.length > MAX_LINE) {
        this.failed = true;
        this.sink.badLine(
          this.lineNo + 1,
          `runs over ${String(MAX_LINE >> 20)} MB without a line break: this is not VCF text`,
        );
      }
      return;
    }
    const head =
      this.carry.length === 0
        ? chunk.subarray(0, last + 1)
        : concat(this.carry, chunk.subarray(0, last + 1));
    this.carry = chunk.slice(last + 1);
    this.emit(head);
  }

  /** Flushes the final line (one without a line break). */
  end(): void {
    if (this.carry.length > 0 && !this.failed) {
      this.endedWithNewline = false;
      const rest = this.carry;
      this.carry = new Uint8Array(0);
      this.emit(concat(rest, new Uint8Array([10])));
    }
  }

  /** Emits `bytes`, which end with a line break. */
  private emit(bytes: Uint8Array): void {
    let text: string;
    try {
      text = this.decoder.decode(bytes);
    } catch {
      this.emitPerLine(bytes);
      return;
    }
    if (CONTROL.test(text)) {
      this.emitChecked(text);
      return;
    }
    let i = 0;
    for (;;) {
      const nl = text.indexOf('\n', i);
      if (nl < 0) break;
      const end = nl > i && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      this.sink.line(text.slice(i, end), ++this.lineNo);
      i = nl + 1;
    }
  }

  /** Slow path for chunks with control characters: find and name the lines. */
  private emitChecked(text: string): void {
    const lines = text.split('\n');
    lines.pop();
    for (const raw of lines) {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      const lineNo = ++this.lineNo;
      const m = CONTROL.exec(line);
      if (m === null) this.sink.line(line, lineNo);
      else {
        const code = m[0].charCodeAt(0).toString(16).padStart(2, '0');
        this.sink.badLine(
          lineNo,
          `contains the control character 0x${code} at character ${String(m.index + 1)}: this is binary data, not VCF text (a corrupted, truncated or wrongly decompressed file?)`,
        );
      }
    }
  }

  /** Slow path for bytes that are not UTF-8: decode line by line to name the bad ones. */
  private emitPerLine(bytes: Uint8Array): void {
    let i = 0;
    while (i < bytes.length) {
      const nl = bytes.indexOf(10, i);
      const lineBytes = bytes.subarray(i, nl);
      i = nl + 1;
      let text: string;
      try {
        text = this.decoder.decode(lineBytes);
      } catch {
        this.sink.badLine(
          ++this.lineNo,
          'is not UTF-8 text: this is binary data, not VCF (a corrupted file, or compressed with something other than gzip/BGZF?)',
        );
        continue;
      }
      this.emitChecked(`${text}\n`);
    }
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b.slice();
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
