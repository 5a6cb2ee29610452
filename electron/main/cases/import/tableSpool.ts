import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseTable } from '../../../../shared/cases/dbSchema';

/**
 * One table's rows as tab-separated text, written to a 0600 spool file every 2 MB for DuckDB's CSV
 * reader to load (decisions 0028, 0044). The import's writer and the second parse worker
 * (decision 0061) spool alike; `load` gets each file as it is written, with its row count.
 */

/** Bytes of text per spool file and table. */
export const SPOOL_BYTES = 2 << 20;

/** A value as a field of the spool text: NULL is an empty field, a string is quoted when it must be. */
export function field(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') {
    // An empty string must differ from NULL; a tab, quote or line break must not end the field.
    return v === '' || NEEDS_QUOTES.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
  }
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  throw new Error(`a case row holds a value of type ${typeof v}`);
}
const NEEDS_QUOTES = /["\t\n\r]/u;
const TAB = 9;
const LF = 10;
const CR = 13;
const QUOTE = 34;
const ZERO = 48;
const MINUS = 45;

/** A 32-bit integer's decimal digits at `at` (as String(v) writes them; -0 is "0"); returns the end. */
function writeInt(b: Buffer, at: number, v: number): number {
  let n = v;
  if (n < 0) {
    b[at++] = MINUS;
    n = -n; // -2^31 stays exact as a double
  }
  let digits = 1;
  for (let t = n; t >= 10; t = Math.floor(t / 10)) digits++;
  for (let k = at + digits - 1; k >= at; k--) {
    b[k] = ZERO + (n % 10);
    n = Math.floor(n / 10);
  }
  return at + digits;
}

/** An ASCII word's bytes at `at`; returns the end. */
function writeAscii(b: Buffer, at: number, s: string): number {
  for (let j = 0; j < s.length; j++) b[at + j] = s.charCodeAt(j);
  return at + s.length;
}

export class TableSpool {
  /** The text of the rows not yet spooled, written line by line (no string is kept per row). */
  private readonly buf = Buffer.allocUnsafe(SPOOL_BYTES);
  private used = 0;
  private pending = 0;
  private files = 0;
  private flushed = 0;

  /** `prefix` keeps the files of two writers in one scratch folder apart. */
  constructor(
    private readonly table: CaseTable,
    private readonly dir: string,
    private readonly load: (file: string, table: CaseTable, rows: number) => void,
    private readonly prefix = '',
  ) {}

  /** Rows pushed so far (loaded or not). */
  get rows(): number {
    return this.flushed + this.pending;
  }

  push(row: readonly unknown[]): void {
    const start = this.used;
    const end = this.put(row, start);
    if (end >= 0) {
      this.used = end;
      this.pending++;
      return;
    }
    // The row did not fit after the rows already here: they go to a file and it starts a new one.
    if (start === 0) throw new Error(`a ${this.table} row is too long to import`);
    this.used = start;
    this.flush();
    this.push(row);
  }

  /**
   * Writes `row` as one line of spool text at `at` (the bytes `field` would give, tab-separated,
   * ending in a line feed) straight into the buffer, with no string built per line (issue 16's
   * exome goal, decision 0073): a string of plain ASCII (no quote, tab or line break) is copied
   * code by code as it is checked, a 32-bit integer written digit by digit and a boolean as its
   * word (decision 0078: `field`'s string per number and its pattern test were a quarter of the
   * parse workers' time); anything else goes through `field` and the UTF-8 encoder.
   * Returns the end, or -1 when the buffer may not hold it (UTF-8 takes at most 3 bytes per unit).
   */
  private put(row: readonly unknown[], at: number): number {
    const b = this.buf;
    for (let i = 0; i < row.length; i++) {
      if (i > 0) b[at++] = TAB;
      const v = row[i];
      if (v === null || v === undefined) continue;
      if (typeof v === 'number' && (v | 0) === v) {
        if (at + 12 >= SPOOL_BYTES) return -1;
        at = writeInt(b, at, v);
        continue;
      }
      if (typeof v === 'boolean') {
        if (at + 6 >= SPOOL_BYTES) return -1;
        at = writeAscii(b, at, v ? 'true' : 'false');
        continue;
      }
      if (typeof v === 'string' && v !== '') {
        const n = v.length;
        if (at + n * 3 + 3 >= SPOOL_BYTES) return -1;
        let j = 0;
        for (; j < n; j++) {
          const c = v.charCodeAt(j);
          if (c > 127 || c === QUOTE || c === TAB || c === LF || c === CR) break;
          b[at + j] = c;
        }
        if (j === n) {
          at += n;
          continue;
        }
      }
      const s = field(v);
      const n = s.length;
      if (at + n * 3 + 1 >= SPOOL_BYTES) return -1;
      let j = 0;
      for (; j < n; j++) {
        const c = s.charCodeAt(j);
        if (c > 127) break;
        b[at + j] = c;
      }
      at += j === n ? n : b.write(s, at, 'utf8');
    }
    if (at >= SPOOL_BYTES) return -1;
    b[at++] = LF;
    return at;
  }

  flush(): void {
    if (this.pending === 0) return;
    const file = join(this.dir, `${this.prefix}${this.table}-${String(this.files++)}.tsv`);
    writeFileSync(file, this.buf.subarray(0, this.used), { mode: 0o600 });
    const rows = this.pending;
    this.flushed += rows;
    this.pending = 0;
    this.used = 0;
    this.load(file, this.table, rows);
  }
}
