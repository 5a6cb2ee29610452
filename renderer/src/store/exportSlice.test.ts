import { afterEach, describe, expect, it } from 'vitest';
import type { VaultList } from '../../../shared/vault/vault';
import { setApiClient } from '../api/client';
import type { ParquetProgress } from './exportSlice';
import { fromBase64 } from './exportSlice';
import { resetStore, useStore } from './index';
import { installFakeMain } from './testing/fakeMain';

// An unlocked cache without datasets: every format runs end to end with zero rows, no engine.
const empty: VaultList = { datasets: [], removed: [], locked: false };

afterEach(() => {
  setApiClient(undefined);
  resetStore();
});

describe('issue 14: the export slice (components call main only through slices)', () => {
  it('a CSV export is audited with what left the app, and handed back as a file', async () => {
    const main = installFakeMain({ 'cohorts:exported': { ok: true, value: { recorded: true } } });
    useStore.setState({ cohortCache: empty });
    const files = await useStore.getState().runExport('csv');
    expect(files).toHaveLength(1);
    expect(files[0]?.fileName).toMatch(/^cohort-.*\.csv$/);
    expect(files[0]?.type).toBe('text/csv');
    expect(main.calls).toEqual([
      {
        channel: 'cohorts:exported',
        payload: {
          format: 'csv',
          rows: 0,
          datasets: [],
          leftOut: [],
          filters: useStore.getState().cohortFilters,
        },
      },
    ]);
    expect(useStore.getState().exportOutcome).toMatchObject({ rows: 0, individuals: 0 });
    expect(useStore.getState().exportProblem).toBeUndefined();
  });

  it('an audit main refuses means no file', async () => {
    installFakeMain({
      'cohorts:exported': {
        ok: false,
        error: { code: 'INTERNAL', message: 'Audit log is not writable.' },
      },
    });
    useStore.setState({ cohortCache: empty });
    expect(await useStore.getState().runExport('csv')).toEqual([]);
    expect(useStore.getState().exportProblem).toEqual({
      kind: 'failed',
      message: 'Audit log is not writable.',
    });
  });

  it('a Phenopacket cohort without members is refused with its reason, nothing audited', async () => {
    const main = installFakeMain();
    useStore.setState({ cohortCache: empty });
    expect(await useStore.getState().runExport('phenopacket')).toEqual([]);
    expect(useStore.getState().exportProblem?.kind).toBe('nothing');
    expect(main.calls).toEqual([]);
  });

  it('Parquet: main writes and audits the file; progress goes sending → writing → gone', async () => {
    const main = installFakeMain({
      'cohorts:parquetBegin': { ok: true, value: { exportId: 'export-0001' } },
      'cohorts:parquetFinish': { ok: true, value: { rows: 0, bytes: 4, base64: 'UEFSMQ==' } },
    });
    useStore.setState({ cohortCache: empty });
    const seen: (ParquetProgress | undefined)[] = [];
    const stop = useStore.subscribe((s, prev) => {
      if (s.exportProgress !== prev.exportProgress) seen.push(s.exportProgress);
    });
    const files = await useStore.getState().runExport('parquet');
    stop();
    expect(main.calls.map((c) => c.channel)).toEqual([
      'cohorts:parquetBegin',
      'cohorts:parquetFinish',
    ]);
    expect(seen).toEqual([
      { stage: 'sending', sent: 0, total: 0 },
      { stage: 'writing' },
      undefined,
    ]);
    expect(files[0]?.fileName).toMatch(/\.parquet$/);
    expect(new TextDecoder().decode(files[0]?.content as Uint8Array)).toBe('PAR1');
    expect(fromBase64('UEFSMQ==')).toEqual(new Uint8Array([80, 65, 82, 49]));
  });
});
