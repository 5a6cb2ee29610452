import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NodeUpdate } from '../../../shared/search/results';
import { createApiClient, setApiClient } from '../api/client';
import { regionForSearch } from './browserFederationSlice';
import { resetStore, useStore } from './index';

const calls: { channel: string; payload: unknown }[] = [];
let reply: (value: unknown) => void = () => undefined;

beforeEach(() => {
  calls.length = 0;
  // The transport is the process boundary: main's reply is released by the test.
  setApiClient(
    createApiClient({
      kind: 'browser',
      invoke: (channel, payload) => {
        calls.push({ channel, payload });
        return new Promise((resolve) => {
          reply = resolve;
        });
      },
      on: () => () => undefined,
    }),
  );
});
afterEach(() => {
  setApiClient(undefined);
  resetStore();
});

/** The id the slice sent with its last search:run (issue 14: the renderer names its query). */
const sentId = (): string =>
  (calls.filter((c) => c.channel === 'search:run').at(-1)?.payload as { queryId: string }).queryId;

const update = (nodeId: string, status: NodeUpdate['status']): NodeUpdate => ({
  queryId: sentId(),
  nodeId,
  nodeName: `Node ${nodeId}`,
  country: nodeId,
  attempt: 1,
  status,
});

describe('browser federation slice (issue 8)', () => {
  it('issue 14: asks for variant records of the region under its own id; answers before the reply are kept', async () => {
    const s = useStore.getState();
    const running = s.runBrowserFederation('17:43044295-43125364');
    expect(calls[0]).toEqual({
      channel: 'search:run',
      payload: {
        queryId: sentId(),
        query: {
          target: 'g_variants',
          genomic: '17:43044295-43125364',
          filters: [],
          granularity: 'record',
        },
      },
    });
    expect(useStore.getState().browserFederation).toMatchObject({ queryId: sentId(), expected: 0 });
    s.browserFederationUpdate(update('IT', 'ok'));
    s.browserFederationUpdate({ ...update('SE', 'ok'), queryId: 'other-query' });
    reply({ ok: true, value: { queryId: sentId(), nodes: 2 } });
    await running;
    const before = useStore.getState().browserFederation;
    expect(before?.nodes.map((n) => n.nodeId)).toEqual(['IT']);
    s.browserFederationUpdate(update('PT', 'error'));
    s.browserFederationDone({ queryId: sentId(), cancelled: false, totalMs: 12 });
    const after = useStore.getState().browserFederation;
    expect(after?.nodes.map((n) => `${n.nodeId}:${n.status}`)).toEqual(['IT:ok', 'PT:error']);
    expect(after?.done).toBe(true);
    expect(after?.revision).toBeGreaterThan(before?.revision ?? 0);
    expect(after?.locus).toBe(useStore.getState().browserLocus);
  });

  it('says why when main refuses the query', async () => {
    const running = useStore.getState().runBrowserFederation('17:1-2');
    reply({ ok: false, error: { code: 'OFFLINE', message: 'No federation is configured.' } });
    await running;
    expect(useStore.getState().browserFederation).toMatchObject({
      done: true,
      error: 'No federation is configured.',
    });
  });

  it('turns igv loci into the search box region syntax', () => {
    expect(regionForSearch('chr17:43,044,295-43,125,364')).toBe('17:43044295-43125364');
    expect(regionForSearch('chrM:1-100')).toBe('MT:1-100');
    expect(regionForSearch('all')).toBeUndefined();
  });
});
