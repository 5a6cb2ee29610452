import { describe, expect, it } from 'vitest';
import { refuseConsoleSql, splitConsoleScript } from './consoleSql';

describe('read-only SQL console', () => {
  it('runs SELECT, WITH, SUMMARIZE, DESCRIBE', () => {
    for (const q of [
      'SELECT 1',
      'with x as (select 1) select * from x;',
      'SUMMARIZE individuals',
      'DESCRIBE variants',
    ])
      expect(refuseConsoleSql(q)).toBeUndefined();
  });
  it('keywords inside literals and comments do not count', () => {
    expect(refuseConsoleSql("SELECT 'drop table x' AS s -- delete\n")).toBeUndefined();
  });
  it('refuses writes, loads, several statements and other starts', () => {
    expect(refuseConsoleSql('DELETE FROM individuals')).toMatch(/Only SELECT/);
    expect(refuseConsoleSql('WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x')).toMatch(
      /insert/i,
    );
    expect(refuseConsoleSql('SELECT 1; DROP TABLE individuals')).toMatch(/one statement/);
    expect(refuseConsoleSql('INSTALL httpfs')).toBeDefined();
    expect(refuseConsoleSql("SELECT * FROM read_csv('x') ; ATTACH 'y'")).toBeDefined();
    expect(refuseConsoleSql('  ')).toBe('Type a query first.');
  });
});

describe('issue 23: a script of console statements (cli sql --file)', () => {
  it('splits at semicolons outside literals, quoted names and comments, with first-word lines', () => {
    const script = [
      '-- nightly; counts',
      "SELECT 'a;b' AS x;",
      'SELECT 1 AS "odd;name" /* not; here */',
      ';',
      '',
      "  WITH t AS (SELECT 'it''s; fine' AS s) SELECT * FROM t",
    ].join('\n');
    expect(splitConsoleScript(script)).toEqual([
      { sql: "-- nightly; counts\nSELECT 'a;b' AS x", line: 2 },
      { sql: 'SELECT 1 AS "odd;name" /* not; here */', line: 3 },
      { sql: "WITH t AS (SELECT 'it''s; fine' AS s) SELECT * FROM t", line: 6 },
    ]);
  });
  it('drops empty statements and keeps each one checkable on its own', () => {
    const parts = splitConsoleScript(';;\nSELECT 1;\n\nDROP TABLE individuals;  -- end\n');
    expect(parts.map((p) => p.line)).toEqual([2, 4]);
    expect(parts.map((p) => refuseConsoleSql(p.sql))).toEqual([
      undefined,
      expect.stringMatching(/Only SELECT/),
    ]);
  });
});
