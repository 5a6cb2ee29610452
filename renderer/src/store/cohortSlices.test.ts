import { afterEach, describe, expect, it } from 'vitest';
import type { VaultList } from '../../../shared/vault/vault';
import { setApiClient } from '../api/client';
import { resetStore, useStore } from './index';
import { installFakeMain } from './testing/fakeMain';

const empty: VaultList = { datasets: [], removed: [], locked: false };
const refused = (message: string) => ({ ok: false, error: { code: 'NOT_ALLOWED', message } });
const target = { nodeId: 'FI', datasetId: 'FI-RD-01', purpose: 'clinical-care' } as const;
const saved = {
  id: 'c-1',
  name: 'Cardiomyopathy',
  filters: {
    ...useStore.getState().cohortFilters,
    phenotypes: [{ id: 'HP:0001638', includeDescendants: true }],
  },
  savedAt: '2026-01-01T00:00:00.000Z',
};

afterEach(() => {
  setApiClient(undefined);
  resetStore();
});

describe('issue 14: the cache slice', () => {
  it('lists the vault; an empty cache starts no engine and runs no query', async () => {
    const main = installFakeMain({ 'vault:list': { ok: true, value: empty } });
    await useStore.getState().refreshCohortCache();
    expect(useStore.getState().cohortCache).toEqual(empty);
    expect(useStore.getState().cohortLoads).toEqual({});
    expect(useStore.getState().cohortBusy).toBe(false);
    expect(main.calls.map((c) => c.channel)).toEqual(['vault:list']);
  });

  it('says why the vault could not be listed, and why it would not unlock', async () => {
    installFakeMain({
      'vault:list': refused('The vault is locked.'),
      'vault:unlock': refused('Wrong passphrase.'),
    });
    await useStore.getState().refreshCohortCache();
    expect(useStore.getState().cohortError).toBe('The vault is locked.');
    expect(await useStore.getState().unlockVault('guess')).toBe('Wrong passphrase.');
    expect(useStore.getState().cohortCache).toBeUndefined();
  });

  it('an unlock adopts the list main answers with', async () => {
    const main = installFakeMain({ 'vault:unlock': { ok: true, value: empty } });
    expect(await useStore.getState().unlockVault('correct horse')).toBeUndefined();
    expect(main.calls[0]).toEqual({
      channel: 'vault:unlock',
      payload: { passphrase: 'correct horse' },
    });
    expect(useStore.getState().cohortCache).toEqual(empty);
  });
});

describe('issue 14: the cohort builder and saved cohorts slices', () => {
  it('patches and replaces filters; no query runs over an empty cache', async () => {
    installFakeMain({ 'vault:list': { ok: true, value: empty } });
    await useStore.getState().refreshCohortCache();
    useStore.getState().setCohortFilters({ sexes: ['female'] });
    expect(useStore.getState().cohortFilters.sexes).toEqual(['female']);
    await useStore.getState().runCohortQuery();
    expect(useStore.getState().cohortResult).toBeUndefined();
    expect(useStore.getState().cohortBusy).toBe(false);
    useStore.getState().replaceCohortFilters(saved.filters);
    expect(useStore.getState().cohortFilters).toEqual(saved.filters);
  });

  it('saves the builder’s filters under a name and lists them again; a refusal is shown', async () => {
    const main = installFakeMain({
      'cohorts:save': { ok: true, value: saved },
      'cohorts:list': { ok: true, value: { items: [saved] } },
      'cohorts:delete': { ok: true, value: { deleted: true } },
    });
    useStore.getState().replaceCohortFilters(saved.filters);
    expect(await useStore.getState().saveCohort('Cardiomyopathy')).toEqual(saved);
    expect(main.calls[0]).toEqual({
      channel: 'cohorts:save',
      payload: { name: 'Cardiomyopathy', filters: saved.filters },
    });
    expect(useStore.getState().cohortSaved).toEqual([saved]);
    main.answer('cohorts:list', { ok: true, value: { items: [] } });
    await useStore.getState().deleteCohort('c-1');
    expect(main.calls.at(-2)).toEqual({ channel: 'cohorts:delete', payload: { id: 'c-1' } });
    expect(useStore.getState().cohortSaved).toEqual([]);
    main.answer('cohorts:save', refused('A cohort needs a name.'));
    expect(await useStore.getState().saveCohort(' ')).toBeUndefined();
    expect(useStore.getState().cohortError).toBe('A cohort needs a name.');
  });

  it('opening a saved cohort puts its filters into the builder', async () => {
    installFakeMain({ 'vault:list': { ok: true, value: empty } });
    await useStore.getState().refreshCohortCache();
    await useStore.getState().openCohort(saved);
    expect(useStore.getState().cohortFilters).toEqual(saved.filters);
  });
});

describe('issue 14: the pull slice', () => {
  it('checks, then starts only an allowed pull; a refusal keeps the reasons', async () => {
    const main = installFakeMain({
      'pull:check': { ok: true, value: { allowed: false, reasons: ['DUO forbids copies.'] } },
      'pull:start': { ok: true, value: { jobId: 'job-1' } },
    });
    await useStore.getState().checkPull(target);
    expect(useStore.getState().pullCheck?.check.reasons).toEqual(['DUO forbids copies.']);
    await useStore.getState().startPull();
    expect(main.calls.map((c) => c.channel)).toEqual(['pull:check']);
    main.answer('pull:check', { ok: true, value: { allowed: true, reasons: [] } });
    await useStore.getState().checkPull(target);
    await useStore.getState().startPull();
    expect(main.calls.at(-1)).toEqual({ channel: 'pull:start', payload: target });
    expect(useStore.getState().pullCheck).toBeUndefined();
  });

  it('controls a job by id; main’s refusal is shown; progress replaces the job’s row', async () => {
    const main = installFakeMain({ 'pull:pause': refused('Job job-1 has ended.') });
    await useStore.getState().controlPull('job-1', 'pause');
    expect(main.calls[0]).toEqual({ channel: 'pull:pause', payload: { jobId: 'job-1' } });
    expect(useStore.getState().cohortError).toBe('Job job-1 has ended.');
    const job = {
      jobId: 'job-1',
      nodeId: 'FI',
      datasetId: 'FI-RD-01',
      state: 'running',
      records: 1,
      bytes: 10,
    } as const;
    useStore.getState().receivePullProgress(job);
    useStore.getState().receivePullProgress({ ...job, state: 'done', records: 5 });
    expect(useStore.getState().pullJobs).toEqual([{ ...job, state: 'done', records: 5 }]);
  });
});
