import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NodeUpdate } from '../../../shared/search/results';
import { createApiClient, setApiClient } from '../api/client';
import { resetStore, useStore } from './index';

const calls: { channel: string; payload: unknown }[] = [];
let answers: Record<string, unknown> = {};

beforeEach(() => {
  calls.length = 0;
  answers = {
    'search:run': { ok: true, value: { queryId: 'q1', nodes: 3 } },
    'search:recent': { ok: true, value: { items: [] } },
    'search:cancel': { ok: true, value: { cancelled: true } },
  };
  setApiClient(
    createApiClient({
      kind: 'browser',
      invoke: (channel, payload) => {
        calls.push({ channel, payload });
        return Promise.resolve(answers[channel]);
      },
      on: () => () => undefined,
    }),
  );
});
afterEach(() => {
  setApiClient(undefined);
  resetStore();
});

const update = (nodeId: string, extra: Partial<NodeUpdate> = {}): NodeUpdate => ({
  queryId: 'q1',
  nodeId,
  nodeName: `Node ${nodeId}`,
  country: nodeId,
  attempt: 1,
  status: 'waiting',
  ...extra,
});

describe('search slice (no request logic in components)', () => {
  it('runs the draft query and folds node updates by node, keeping arrival order', async () => {
    const s = useStore.getState();
    s.setSearchDraft({ genomic: 'BRCA1' });
    await s.runSearch();
    expect(calls[0]).toMatchObject({
      channel: 'search:run',
      payload: { genomic: 'BRCA1', target: 'individuals' },
    });
    s.receiveNodeUpdate(update('IT'));
    s.receiveNodeUpdate(update('FI'));
    s.receiveNodeUpdate(
      update('IT', { status: 'ok', count: { value: 20, precision: 'rounded', adjustedTo: 10 } }),
    );
    s.receiveNodeUpdate(update('XX', { queryId: 'other' }));
    const nodes = useStore.getState().searchNodes;
    expect(nodes.map((n) => `${n.nodeId}:${n.status}`)).toEqual(['IT:ok', 'FI:waiting']);
  });

  it('keeps updates that arrive before the run reply names the query', async () => {
    const s = useStore.getState();
    s.receiveNodeUpdate(
      update('SE', { status: 'error', message: 'Node SE could not be reached.' }),
    );
    s.receiveSearchDone({ queryId: 'q1', cancelled: false, totalMs: 12 });
    await s.runSearch();
    expect(useStore.getState().searchNodes.map((n) => n.nodeId)).toEqual(['SE']);
    expect(useStore.getState().searchDone?.totalMs).toBe(12);
  });

  it('a retried node replaces its row only with a newer attempt', async () => {
    const s = useStore.getState();
    await s.runSearch();
    s.receiveNodeUpdate(update('PT', { attempt: 2, status: 'ok' }));
    s.receiveNodeUpdate(update('PT', { attempt: 1, status: 'timeout' }));
    expect(useStore.getState().searchNodes[0]?.status).toBe('ok');
  });

  it('cancel sends the running query id; a bad query shows main’s message on the genomic field', async () => {
    const s = useStore.getState();
    await s.runSearch();
    await s.cancelSearch();
    expect(calls.find((c) => c.channel === 'search:cancel')?.payload).toEqual({ queryId: 'q1' });
    answers['search:run'] = {
      ok: false,
      error: { code: 'INVALID_REQUEST', message: '"x y z" is not a gene', where: 'genomic' },
    };
    await s.runSearch();
    expect(useStore.getState().searchError).toEqual({
      message: '"x y z" is not a gene',
      where: 'genomic',
    });
  });
});
