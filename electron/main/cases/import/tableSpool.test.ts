import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { field, SPOOL_BYTES, TableSpool } from './tableSpool';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A spool into a fresh folder; `files` gets each file's text and row count as it is written. */
function spool(): { s: TableSpool; files: { text: string; rows: number }[] } {
  const dir = mkdtempSync(join(tmpdir(), 'case-spool-'));
  dirs.push(dir);
  const files: { text: string; rows: number }[] = [];
  const s = new TableSpool('annotations', dir, (file, _table, rows) => {
    files.push({ text: readFileSync(file, 'utf8'), rows });
  });
  return { s, files };
}

describe('the import spool text (issue 16, decisions 0028 and 0073)', () => {
  it('issue 16: writes each row as the tab-separated fields, across files, byte for byte', () => {
    const { s, files } = spool();
    const odd = ['a\tb', 'say "x"', 'line\nbreak', 'cr\rhere', '', 'ünï€ode', '𝄞 clef', 'plain'];
    const rows: unknown[][] = [];
    // Long enough rows for several 2 MB files, with multi-byte text near every file's end.
    for (let i = 0; i < 40_000; i++)
      rows.push([
        i,
        odd[i % odd.length],
        null,
        undefined,
        i % 3 === 0,
        0.1 * i,
        BigInt(i) * 1_000_000_007n,
        `${'é'.repeat(i % 50)}${'x'.repeat(60)}`,
        Number.NaN,
      ]);
    for (const r of rows) s.push(r);
    s.flush();
    const expected = rows.map((r) => `${r.map(field).join('\t')}\n`).join('');
    expect(files.length).toBeGreaterThan(1);
    expect(files.map((f) => f.text).join('')).toBe(expected);
    expect(files.reduce((n, f) => n + f.rows, 0)).toBe(rows.length);
    expect(s.rows).toBe(rows.length);
    for (const f of files) expect(Buffer.byteLength(f.text)).toBeLessThanOrEqual(SPOOL_BYTES);
  });

  it('issue 16: integers, booleans and plain strings written directly give the bytes field() gives (decision 0078)', () => {
    const { s, files } = spool();
    const ints = [
      0,
      -0,
      7,
      -7,
      10,
      99,
      100,
      -100,
      2 ** 31 - 1,
      -(2 ** 31),
      2 ** 31,
      -(2 ** 31) - 1,
    ];
    const more = [2 ** 53, 1e21, -1e21, 0.5, -0.25, 1e-7, Number.POSITIVE_INFINITY];
    const words = ['x', 'ACGT', 'tab\there', 'quote"d', 'ü', '', 'end\r'];
    const rows: unknown[][] = [];
    for (let i = 0; i < 5000; i++)
      rows.push([
        ints[i % ints.length],
        i * 7919 - 20_000_000,
        more[i % more.length],
        i % 2 === 0,
        words[i % words.length],
        i % 5 === 0 ? null : String(i),
      ]);
    for (const r of rows) s.push(r);
    s.flush();
    expect(files.map((f) => f.text).join('')).toBe(
      rows.map((r) => `${r.map(field).join('\t')}\n`).join(''),
    );
  });

  it('issue 16: a row longer than a spool file is refused, the rows before it kept', () => {
    const { s, files } = spool();
    s.push([1, 'kept']);
    expect(() => s.push([2, 'x'.repeat(SPOOL_BYTES)])).toThrow(
      'a annotations row is too long to import',
    );
    s.flush();
    expect(files).toEqual([{ text: '1\tkept\n', rows: 1 }]);
  });

  it('refuses a value the case tables cannot hold', () => {
    const { s } = spool();
    expect(() => s.push([1, { not: 'a value' }])).toThrow(
      'a case row holds a value of type object',
    );
  });
});
