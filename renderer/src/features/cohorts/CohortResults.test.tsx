import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VaultManifest } from '../../../../shared/vault/vault';
import { createApiClient, setApiClient } from '../../api/client';
import '../../i18n';
import { resetStore, useStore } from '../../store';
import { CohortBuilder } from './CohortBuilder';
import { CohortResults } from './CohortResults';

const manifest: VaultManifest = {
  schemaVersion: 2,
  format: 'duckdb',
  datasetId: 'FI-RD-01',
  nodeId: 'FI',
  nodeName: 'Finland',
  country: 'FI',
  title: 'Finnish rare disease cohort',
  level: 'controlled',
  duo: [{ id: 'DUO:0000043', label: 'clinical care use' }],
  allowLocalCopies: true,
  purpose: 'clinical-care',
  query: { filters: [] },
  pulledAt: '2026-11-01T00:00:00.000Z',
  visa: {
    jti: 'j',
    iss: 'https://aai.example',
    value: 'FI-RD-01',
    source: 'dac',
    exp: 1,
    asserted: 1,
  },
  expiresAt: '2099-01-01T00:00:00.000Z',
  rows: { individuals: 1, variants: 1, genotypes: 1 },
  sha256: {},
  bytes: 1,
};

const calls: string[] = [];
beforeEach(() => {
  calls.length = 0;
  // Main's answers over the app's own contract: an unlocked vault holding no dataset.
  setApiClient(
    createApiClient({
      kind: 'browser',
      invoke: (channel) => {
        calls.push(channel);
        return Promise.resolve(
          channel === 'vault:list'
            ? { ok: true, value: { datasets: [], removed: [], locked: false } }
            : { ok: true, value: { items: [] } },
        );
      },
      on: () => () => undefined,
    }),
  );
});
afterEach(() => {
  cleanup();
  resetStore();
  setApiClient(undefined);
});

describe('Cohorts page on an empty cache', () => {
  it('issue 13: an empty cache is its own state: a message, no query, no error and no "Counting…"', async () => {
    const busy: boolean[] = [];
    const unsubscribe = useStore.subscribe((s) => busy.push(s.cohortBusy));
    render(
      <>
        <CohortBuilder />
        <CohortResults />
      </>,
    );
    const run = screen.getByTestId('cohort-run');
    expect(run.textContent).toBe('Count cohort');
    await act(async () => {
      await useStore.getState().refreshCohortCache();
    });
    unsubscribe();
    expect(calls).toEqual(['vault:list']);
    expect(screen.getByTestId('cohort-empty').textContent).toContain('Your local cache is empty');
    expect(screen.queryByTestId('cohort-error')).toBeNull();
    expect(screen.queryByTestId('cohort-count')).toBeNull();
    expect(busy).not.toContain(true);
    expect(run.textContent).toBe('Count cohort');
    expect(run).toHaveProperty('disabled', true);
  });

  it('issue 13: while datasets load, the button says so instead of "Counting…"', () => {
    useStore.setState({
      cohortCache: { datasets: [manifest], removed: [], locked: false },
      cohortLoads: { 'FI-RD-01': { state: 'loading' } },
    });
    render(
      <>
        <CohortBuilder />
        <CohortResults />
      </>,
    );
    expect(screen.getByTestId('cohort-run').textContent).toBe('Loading the cache…');
    expect(screen.getByTestId('cohort-loading').textContent).toBe(
      'Loading 1 dataset into the query engine…',
    );
  });
});
