import { describe, expect, it } from 'vitest';
import { refuseConsoleSql } from './consoleSql';

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
