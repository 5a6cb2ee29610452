import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NodeUpdate } from '../../../shared/search/results';
import { createApiClient, setApiClient } from '../api/client';
import { resetStore, useStore } from './index';

const calls: { channel: string; payload: unknown }[] = [];
let answers: Record<string, unknown> = {};
/** Held search:run replies: the test releases them, as main's reply can come after its events. */
let hold = false;
const held: (() => void)[] = [];

beforeEach(() => {
  calls.length = 0;
  hold = false;
  held.length = 0;
  answers = {
    // main runs the query under the renderer's id (issue 14).
    'search:run': (p: { queryId: string }) => ({
      ok: true,
      value: { queryId: p.queryId, nodes: 3 },
    }),
    'search:recent': { ok: true, value: { items: [] } },
    'search:cancel': { ok: true, value: { cancelled: true } },
  };
  setApiClient(
    createApiClient({
      kind: 'browser',
      invoke: (channel, payload) => {
        calls.push({ channel, payload });
        const a = answers[channel];
        const value: unknown =
          typeof a === 'function' ? (a as (p: unknown) => unknown)(payload) : a;
        if (channel !== 'search:run' || !hold) return Promise.resolve(value);
        return new Promise((resolve) => held.push(() => resolve(value)));
      },
      on: () => () => undefined,
    }),
  );
});
afterEach(() => {
  setApiClient(undefined);
  resetStore();
});

/** The id the slice sent with its last search:run. */
const sentId = (): string =>
  (calls.filter((c) => c.channel === 'search:run').at(-1)?.payload as { queryId: string }).queryId;

const update = (nodeId: string, extra: Partial<NodeUpdate> = {}): NodeUpdate => ({
  queryId: sentId(),
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
      payload: { queryId: sentId(), query: { genomic: 'BRCA1', target: 'individuals' } },
    });
    expect(useStore.getState().searchRun).toMatchObject({ queryId: sentId(), nodes: 3 });
    s.receiveNodeUpdate(update('IT'));
    s.receiveNodeUpdate(update('FI'));
    s.receiveNodeUpdate(
      update('IT', { status: 'ok', count: { value: 20, precision: 'rounded', adjustedTo: 10 } }),
    );
    s.receiveNodeUpdate(update('XX', { queryId: 'other' }));
    const nodes = useStore.getState().searchNodes;
    expect(nodes.map((n) => `${n.nodeId}:${n.status}`)).toEqual(['IT:ok', 'FI:waiting']);
  });

  it('issue 14: updates that arrive before the run reply are the query’s own, with no buffer', async () => {
    hold = true;
    const s = useStore.getState();
    const running = s.runSearch();
    await Promise.resolve();
    // main's events travel apart from its reply: these come first.
    s.receiveNodeUpdate(
      update('SE', { status: 'error', message: 'Node SE could not be reached.' }),
    );
    s.receiveSearchDone({ queryId: sentId(), cancelled: false, totalMs: 12 });
    s.receiveNodeUpdate(update('XX', { queryId: 'someone-elses-query' }));
    expect(useStore.getState().searchRun).toMatchObject({ queryId: sentId(), nodes: undefined });
    held.forEach((release) => release());
    await running;
    expect(useStore.getState().searchNodes.map((n) => n.nodeId)).toEqual(['SE']);
    expect(useStore.getState().searchDone?.totalMs).toBe(12);
    expect(useStore.getState().searchRun?.nodes).toBe(3);
  });

  it('issue 14: every query gets a new id', async () => {
    const s = useStore.getState();
    await s.runSearch();
    const first = sentId();
    await s.runSearch();
    expect(sentId()).not.toBe(first);
    expect(sentId()).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
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
    expect(calls.find((c) => c.channel === 'search:cancel')?.payload).toEqual({
      queryId: sentId(),
    });
    const shown = useStore.getState().searchRun;
    answers['search:run'] = {
      ok: false,
      error: { code: 'INVALID_REQUEST', message: '"x y z" is not a gene', where: 'genomic' },
    };
    await s.runSearch();
    expect(useStore.getState().searchError).toEqual({
      message: '"x y z" is not a gene',
      where: 'genomic',
    });
    // The refused query leaves the previous answer in view.
    expect(useStore.getState().searchRun).toEqual(shown);
  });
});
