import { afterEach, describe, expect, it } from 'vitest';
import { EVENT_NAMES } from '../../../shared/ipc';
import type { VaultList } from '../../../shared/vault/vault';
import { setApiClient } from '../api/client';
import { followMainEvents } from './events';
import { resetStore, useStore } from './index';
import { installFakeMain } from './testing/fakeMain';

const empty: VaultList = { datasets: [], removed: [], locked: false };

afterEach(() => {
  setApiClient(undefined);
  resetStore();
});

describe('issue 14: pushed events, one protocol', () => {
  it('subscribes to every event main pushes exactly once, and lets go of all of them', () => {
    const main = installFakeMain();
    const off = followMainEvents();
    for (const event of EVENT_NAMES) expect(main.listeners(event), event).toBe(1);
    off();
    for (const event of EVENT_NAMES) expect(main.listeners(event), event).toBe(0);
  });

  it('vault:changed is followed whichever page is open once the window holds the cache', async () => {
    const main = installFakeMain({ 'vault:list': { ok: true, value: empty } });
    // A page opened the cache (the Cohorts page or the Browser), then the person moved on: no
    // page hook is mounted here, only the app's one subscription.
    await useStore.getState().refreshCohortCache();
    const off = followMainEvents();
    main.emit('vault:changed', { ...empty, locked: true });
    expect(useStore.getState().cohortCache).toEqual({ ...empty, locked: true });
    off();
  });

  it('a window that never opened the cache leaves it closed (no engine, no list)', () => {
    const main = installFakeMain();
    const off = followMainEvents();
    main.emit('vault:changed', { ...empty, locked: true });
    expect(useStore.getState().cohortCache).toBeUndefined();
    expect(useStore.getState().cohortLoads).toEqual({});
    off();
  });

  it('settings, session, directory and pull events reach their slices; malformed ones are dropped', () => {
    const main = installFakeMain();
    const off = followMainEvents();
    const directory = { source: 'none', brokers: [], nodes: [], trustedVisaIssuers: [] };
    main.emit('federation:changed', directory);
    expect(useStore.getState().directory).toEqual(directory);
    const job = {
      jobId: 'job-1',
      nodeId: 'FI',
      datasetId: 'FI-RD-01',
      state: 'running',
      records: 10,
      bytes: 2048,
    };
    main.emit('pull:progress', { nope: true });
    expect(useStore.getState().pullJobs).toEqual([]);
    main.emit('pull:progress', job);
    expect(useStore.getState().pullJobs).toEqual([job]);
    off();
  });
});
