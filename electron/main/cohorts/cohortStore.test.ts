import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyFilters } from '../../../shared/cohorts/definition';
import { openAuditLog } from '../audit/auditLog';
import { createMemoryLogger } from '../logging/logger';
import { scopeOf } from '../vault/datasetFolder';
import { deriveKey } from '../vault/keyHierarchy';
import type { StateOwner } from '../vault/userState';
import { cohortHandlers } from './cohorts.handlers';
import { cohortStoreFor } from './cohortStore';

const dirs: string[] = [];
const dir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'cohorts-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const master = randomBytes(32);
/** A signed-in user with the vault open, as vault.stateOwner() returns it. */
const ownerIn = (data: string, sub: string): StateOwner => {
  const user = { sub, iss: 'http://127.0.0.1:4000' };
  return {
    user,
    dir: join(data, 'vault', scopeOf(user), '.user'),
    key: deriveKey(master, 'user-state', scopeOf(user)),
  };
};
const logger = createMemoryLogger();

describe('saved cohort definitions (issue 6)', () => {
  it('saves, replaces by id, survives a restart, deletes', () => {
    const d = dir();
    const me = () => ownerIn(d, 'clinician');
    const store = cohortStoreFor({ owner: me, logger });
    const a = store.save({
      name: 'BRCA1 women',
      filters: { ...emptyFilters(), sexes: ['female'] },
    });
    store.save({ id: a.id, name: 'BRCA1 women (v2)', filters: emptyFilters() });
    const again = cohortStoreFor({ owner: me, logger });
    expect(again.list().map((x) => x.name)).toEqual(['BRCA1 women (v2)']);
    expect(again.remove(a.id)).toBe(true);
    expect(cohortStoreFor({ owner: me, logger }).list()).toEqual([]);
  });

  it('an export is audited with counts and datasets, never rows', async () => {
    const d = dir();
    const audit = openAuditLog({ dir: d });
    const h = cohortHandlers(cohortStoreFor({ owner: () => undefined, logger }), audit);
    await h['cohorts:exported'](
      {
        format: 'csv',
        rows: 12,
        datasets: ['FI-RD-01'],
        leftOut: ['IT-RD-01'],
        filters: emptyFilters(),
      },
      { url: undefined },
    );
    const log = readFileSync(join(d, 'audit.jsonl'), 'utf8');
    expect(log).toContain('"cohort.export"');
    expect(log).toContain('IT-RD-01');
  });
});

describe('issue 13: saved cohorts belong to the user who saved them', () => {
  it('sealed on disk, invisible to another user and when signed out; the shared plaintext cohorts.json of older versions is adopted once and deleted', () => {
    const d = dir();
    writeFileSync(
      join(d, 'cohorts.json'),
      JSON.stringify({
        version: 1,
        items: [
          {
            id: 'old',
            name: 'Old MYH7 family',
            filters: emptyFilters(),
            savedAt: '2026-01-01T00:00:00.000Z',
          },
        ],
      }),
    );
    let who: StateOwner | undefined = ownerIn(d, 'clinician');
    const store = cohortStoreFor({ owner: () => who, logger, legacyFile: join(d, 'cohorts.json') });
    store.save({ name: 'SCN1A seizures', filters: emptyFilters() });
    expect(store.list().map((c) => c.name)).toEqual(['SCN1A seizures', 'Old MYH7 family']);
    expect(existsSync(join(d, 'cohorts.json'))).toBe(false);
    const sealed = join(ownerIn(d, 'clinician').dir, 'saved-cohorts.sealed');
    expect(readFileSync(sealed).toString('latin1')).not.toMatch(/SCN1A|MYH7|seizures/);

    who = ownerIn(d, 'researcher');
    expect(store.list()).toEqual([]);
    // Signed out: kept in memory only, and forgotten when someone signs in.
    who = undefined;
    expect(store.list()).toEqual([]);
    store.save({ name: 'anonymous draft', filters: emptyFilters() });
    expect(store.list().map((c) => c.name)).toEqual(['anonymous draft']);
    who = ownerIn(d, 'clinician');
    expect(store.list().map((c) => c.name)).toEqual(['SCN1A seizures', 'Old MYH7 family']);
    // The clinician's file copied into the researcher's folder does not open with their key.
    const researcher = ownerIn(d, 'researcher');
    copyFileSync(sealed, join(researcher.dir, 'saved-cohorts.sealed'));
    expect(cohortStoreFor({ owner: () => researcher, logger }).list()).toEqual([]);
  });
});
