import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyFilters } from '../../../shared/cohorts/definition';
import { openAuditLog } from '../audit/auditLog';
import { cohortHandlers } from './cohorts.handlers';
import { createCohortStore } from './cohortStore';

const dirs: string[] = [];
const dir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'cohorts-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('saved cohort definitions (issue 6)', () => {
  it('saves, replaces by id, survives a restart, deletes', () => {
    const d = dir();
    const store = createCohortStore(d);
    const a = store.save({
      name: 'BRCA1 women',
      filters: { ...emptyFilters(), sexes: ['female'] },
    });
    store.save({ id: a.id, name: 'BRCA1 women (v2)', filters: emptyFilters() });
    const again = createCohortStore(d);
    expect(again.list().map((x) => x.name)).toEqual(['BRCA1 women (v2)']);
    expect(again.remove(a.id)).toBe(true);
    expect(createCohortStore(d).list()).toEqual([]);
  });
  it('stores definitions only, and an unreadable file starts empty', () => {
    const d = dir();
    createCohortStore(d).save({ name: 'x', filters: emptyFilters() });
    expect(
      Object.keys(JSON.parse(readFileSync(join(d, 'cohorts.json'), 'utf8')) as object),
    ).toEqual(['version', 'items']);
    writeFileSync(join(d, 'cohorts.json'), '{not json');
    expect(createCohortStore(d).list()).toEqual([]);
  });
  it('an export is audited with counts and datasets, never rows', async () => {
    const d = dir();
    const audit = openAuditLog({ dir: d });
    const h = cohortHandlers(createCohortStore(d), audit);
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
