// @vitest-environment node
// The case track reads the case database it is handed (issue 14: no module registry), over a real
// DuckDB (native, same dialect as db/'s duckdb-wasm) holding the shared trio fixture case.
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  pendingMigrations,
  SCHEMA_TABLE_SQL,
  viewStatements,
} from '../../../shared/cohorts/schema';
import { trioCaseStatements } from '../../../shared/cases/testing/trioCase';
import { caseTrackConfig } from './caseTrack';
import type { QueryFn } from './cohortReader';
import type { CaseSource } from './dataSources';
import type { TrackSpec } from './session';

const ALIAS = 'case_trio';
let instance: DuckDBInstance;
let query: QueryFn;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  await conn.run(`ATTACH ':memory:' AS ${ALIAS}`);
  for (const s of [SCHEMA_TABLE_SQL, ...pendingMigrations(0), ...viewStatements([])])
    await conn.run(s);
  for (const s of trioCaseStatements(ALIAS)) await conn.run(s);
  query = async (sql, params) => (await conn.runAndReadAll(sql, params as never)).getRowObjectsJS();
});
afterAll(() => {
  instance.closeSync();
});

const spec: TrackSpec = { id: 'case-c1', kind: 'case', name: 'Case c1', source: 'c1' };

describe('issue 14: the case track reads the open case it is handed', () => {
  it('draws every family member for the variants in view, from the given source', async () => {
    const source: CaseSource = { caseId: 'c1', alias: ALIAS, query };
    const config = caseTrackConfig(spec, source);
    if ('missing' in config) throw new Error(config.missing);
    await config.reader?.readHeader?.();
    const features = (await config.reader?.readFeatures('chr2', 1998, 2600)) ?? [];
    const calls = features.map((f) => {
      const { pos, calls: members } = f as unknown as {
        pos: number;
        calls: { sample: string; zygosity: string }[];
      };
      return [pos, members.map((m) => `${m.sample}:${m.zygosity}`)];
    });
    expect(calls).toEqual([
      [
        2000,
        [
          'P (proband, affected):hetvar',
          'M (mother, unaffected):hetvar',
          'F (father, unaffected):homref',
        ],
      ],
      [
        2500,
        [
          'P (proband, affected):hetvar',
          'M (mother, unaffected):homref',
          'F (father, unaffected):hetvar',
        ],
      ],
    ]);
  });

  it('says why it cannot be shown when no case or another case is open', () => {
    const other: CaseSource = { caseId: 'c2', alias: ALIAS, query };
    expect(caseTrackConfig(spec, undefined)).toEqual({ missing: 'open case c1 on Case review' });
    expect(caseTrackConfig(spec, other)).toEqual({ missing: 'open case c1 on Case review' });
  });
});
