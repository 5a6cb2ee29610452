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
    let line = field(row[0]);
    for (let i = 1; i < row.length; i++) line += `\t${field(row[i])}`;
    line += '\n';
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (this.used + line.length * 3 > SPOOL_BYTES) this.flush();
    if (line.length * 3 > SPOOL_BYTES) throw new Error(`a ${this.table} row is too long to import`);
    this.used += this.buf.write(line, this.used, 'utf8');
    this.pending++;
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
