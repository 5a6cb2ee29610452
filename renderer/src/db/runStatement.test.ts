import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CohortFiltersSchema } from '../../../shared/cohorts/definition';
import { cohortPageStatements } from '../../../shared/cohorts/pageStatements';
import {
  pendingMigrations,
  SCHEMA_TABLE_SQL,
  viewStatements,
} from '../../../shared/cohorts/schema';
import { SUITE_FILTERS } from '../../../shared/cohorts/testing/querySuite';
import { evaluateCohort } from './cohortQuery';
import type { Delivery } from './runStatement';
import { DEFAULT_ROW_LIMIT, runStatement } from './runStatement';
import type { InProcessEngine } from './testing/inProcessEngine';
import { openInProcessEngine } from './testing/inProcessEngine';

// The app's statement runner over duckdb-wasm's own async API and worker dispatcher (issue 20,
// decision 0094): what each delivery posts to the worker, and that both answer alike.
let e: InProcessEngine;

beforeAll(async () => {
  e = await openInProcessEngine();
  for (const s of [
    // 5,000 rows: more than one Arrow batch (2,048 rows) when streamed.
    `CREATE TABLE t AS SELECT i::INTEGER AS id, CASE WHEN i % 7 = 0 THEN NULL ELSE 'r' || i END AS name,
       CASE WHEN i % 5 = 0 THEN NULL ELSE ['HP:' || i, 'HP:' || (i + 1)] END AS terms,
       (i * 1000000)::BIGINT AS big, i / 3 AS af FROM range(5000) r(i)`,
    SCHEMA_TABLE_SQL,
    ...pendingMigrations(0),
    ...viewStatements([]),
  ])
    await e.conn.query(s);
}, 60_000);

afterAll(async () => {
  await e.close();
});

/** Runs one statement with a delivery; the rows and the worker messages it posted. */
async function run(
  sql: string,
  params: (string | number)[],
  limit: number,
  delivery: Delivery,
): Promise<{ got: Awaited<ReturnType<typeof runStatement>>; sent: string[] }> {
  const from = e.sent.length;
  const got = await runStatement(e.conn, sql, params, limit, delivery);
  return { got, sent: e.sent.slice(from) };
}

describe('runStatement', () => {
  const statements: { sql: string; params: (string | number)[]; limit: number }[] = [
    { sql: 'SELECT count(*)::INTEGER AS n FROM t WHERE id > ?', params: [10], limit: 100 },
    { sql: 'SELECT * FROM t WHERE id >= ? ORDER BY id', params: [0], limit: DEFAULT_ROW_LIMIT },
    { sql: 'SELECT * FROM t WHERE id >= ? ORDER BY id', params: [0], limit: 3000 },
    { sql: 'SELECT name, terms FROM t WHERE name = ?', params: ['r12'], limit: 10 },
    { sql: 'SELECT * FROM t WHERE id < ?', params: [-1], limit: 10 },
  ];

  it('issue 20: a whole statement is prepared, run and closed (three worker messages, no fetches) and answers as the streamed one', async () => {
    for (const s of statements) {
      const whole = await run(s.sql, s.params, s.limit, 'whole');
      const stream = await run(s.sql, s.params, s.limit, 'stream');
      expect(whole.sent, s.sql).toEqual(['CREATE_PREPARED', 'RUN_PREPARED', 'CLOSE_PREPARED']);
      expect(stream.sent, s.sql).toContain('SEND_PREPARED');
      expect(stream.sent, s.sql).toContain('FETCH_QUERY_RESULTS');
      expect(whole.got.rows, s.sql).toEqual(stream.got.rows);
      expect(whole.got.truncated, s.sql).toBe(stream.got.truncated);
      if (stream.got.rows.length > 0) expect(whole.got.columns).toEqual(stream.got.columns);
    }
    const all = await run(statements[2]!.sql, [0], 3000, 'whole');
    expect(all.got.rows).toHaveLength(3000);
    expect(all.got.truncated).toBe(true);
    expect(all.got.rows[12]).toEqual({
      id: 12,
      name: 'r12',
      terms: ['HP:12', 'HP:13'],
      big: 12e6,
      af: 4,
    });
    expect(all.got.rows[14]).toMatchObject({ name: null, terms: ['HP:14', 'HP:15'] });
    expect(all.got.rows[15]).toMatchObject({ terms: null });
    const none = await run('SELECT * FROM t WHERE id < ?', [-1], 10, 'whole');
    expect(none.got).toEqual({
      columns: ['id', 'name', 'terms', 'big', 'af'],
      rows: [],
      truncated: false,
    });
  });

  it('issue 20: an error of a whole statement rejects and still closes the statement', async () => {
    const from = e.sent.length;
    await expect(
      runStatement(e.conn, 'SELECT CAST(? AS INTEGER) AS n', ['not a number'], 10, 'whole'),
    ).rejects.toThrow(/Could not convert|Conversion Error/);
    expect(e.sent.slice(from)).toEqual(['CREATE_PREPARED', 'RUN_PREPARED', 'CLOSE_PREPARED']);
  });
});

describe('evaluateCohort', () => {
  it("issue 20: the Cohorts page's evaluation sends every statement whole: prepare, run, close, nothing streamed", async () => {
    for (const [name, input] of Object.entries(SUITE_FILTERS)) {
      const f = CohortFiltersSchema.parse(input);
      const ran: string[] = [];
      const from = e.sent.length;
      const result = await evaluateCohort(
        f,
        (sql, params, limit, delivery) => {
          ran.push(sql);
          return runStatement(e.conn, sql, params, limit, delivery);
        },
        [],
      );
      const expected = cohortPageStatements(f, []);
      expect(ran, name).toEqual(expected.map((s) => s.bound.sql));
      expect(e.sent.slice(from), name).toEqual(
        expected.flatMap(() => ['CREATE_PREPARED', 'RUN_PREPARED', 'CLOSE_PREPARED']),
      );
      expect(result, name).toMatchObject({ count: 0, rows: [], byCountry: [], byPhenotype: [] });
    }
  });
});
