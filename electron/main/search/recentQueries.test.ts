import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SearchQuerySchema } from '../../../shared/search/query';
import { createMemoryLogger } from '../logging/logger';
import { scopeOf } from '../vault/datasetFolder';
import { deriveKey } from '../vault/keyHierarchy';
import type { StateOwner } from '../vault/userState';
import { recentQueriesFor } from './recentQueries';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const dataDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'recent-'));
  dirs.push(d);
  return d;
};

const master = randomBytes(32);
const owner = (data: string, sub: string, open = true): StateOwner => {
  const user = { sub, iss: 'http://127.0.0.1:4000' };
  const dir = join(data, 'vault', scopeOf(user), '.user');
  return open ? { user, dir, key: deriveKey(master, 'user-state', scopeOf(user)) } : { user, dir };
};
const q = (genomic: string, hpo: string) =>
  SearchQuerySchema.parse({ genomic, filters: [{ id: hpo }] });
const every = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));

describe('issue 12 item 11 / issue 13: recent queries are patient data, sealed per user', () => {
  it('no query term reaches the disk in plaintext; the old shared search-recent.json is deleted; each user sees only their own', () => {
    const d = dataDir();
    const legacy = join(d, 'search-recent.json');
    writeFileSync(legacy, JSON.stringify({ version: 1, items: [] }));
    let who: StateOwner | undefined = owner(d, 'clinician');
    const recent = recentQueriesFor({
      owner: () => who,
      logger: createMemoryLogger(),
      legacyFile: legacy,
    });
    expect(existsSync(legacy)).toBe(false);
    recent.add(q('SCN1A', 'HP:0001250'), new Date('2026-12-01T10:00:00Z'));
    recent.add(q('BRCA2', 'HP:0003002'), new Date('2026-12-01T11:00:00Z'));
    expect(recent.list().map((r) => r.description)).toEqual([
      'individuals: BRCA2 · HP:0003002',
      'individuals: SCN1A · HP:0001250',
    ]);
    for (const file of every(d))
      expect(readFileSync(file).toString('latin1'), file).not.toMatch(/SCN1A|BRCA2|HP:000/);

    who = owner(d, 'researcher');
    expect(recent.list()).toEqual([]);
    who = undefined;
    expect(recent.list()).toEqual([]);
    // A restart: the clinician's list comes back from the sealed file.
    const again = recentQueriesFor({
      owner: () => owner(d, 'clinician'),
      logger: createMemoryLogger(),
    });
    expect(again.list()).toHaveLength(2);
  });

  it('signed out: memory only, forgotten at sign-in; vault locked: kept in memory and sealed when it opens', () => {
    const d = dataDir();
    let who: StateOwner | undefined;
    const recent = recentQueriesFor({ owner: () => who, logger: createMemoryLogger() });
    recent.add(q('TTN', 'HP:0001638'));
    expect(recent.list()).toHaveLength(1);
    expect(existsSync(join(d, 'vault'))).toBe(false);
    who = owner(d, 'clinician', false);
    expect(recent.list()).toEqual([]);
    recent.add(q('MYH7', 'HP:0001639'));
    expect(existsSync(owner(d, 'clinician').dir)).toBe(false);
    who = owner(d, 'clinician');
    expect(recent.list().map((r) => r.query.genomic)).toEqual(['MYH7']);
    expect(readdirSync(owner(d, 'clinician').dir)).toEqual(['recent-queries.sealed']);
  });
});
