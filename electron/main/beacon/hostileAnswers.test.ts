import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregateCounts, nodeRange } from '../../../shared/search/aggregate';
import type { SearchQueryInput } from '../../../shared/search/query';
import type { NodeUpdate } from '../../../shared/search/results';
import type { NodeAnswer } from './nodeClient';
import { askNode, openLoopbackNode, type Handler, type LoopbackNode } from './testing/loopbackNode';

// Decision 0101 (issue 15 follow-up): the most hostile answers within (or just past) the
// specification, from a real loopback HTTP server asked as the fan-out asks: every number the
// screen reads (nodeRange, aggregateCounts) is either one the node said or qualified ("≥", a
// located node error), never a number the node did not say (BCN-04).

let node: LoopbackNode;
beforeAll(async () => {
  node = await openLoopbackNode();
});
afterAll(() => node.close());

function ask(
  reply: Handler,
  query: SearchQueryInput,
): Promise<{ a: NodeAnswer; update: NodeUpdate }> {
  node.answer(reply);
  return askNode(node.base, query);
}

describe('decision 0101: the most hostile answers the specification allows — every number true or qualified', () => {
  const plain = (summary: Record<string, unknown>, sets?: unknown[]) => ({
    meta: {
      beaconId: 'org.example.hostile',
      apiVersion: 'v2.1.1',
      receivedRequestSummary: {
        apiVersion: 'v2.1.1',
        requestedSchemas: [],
        pagination: { skip: 0, limit: 100 },
        requestedGranularity: 'record',
      },
      returnedSchemas: [],
    },
    responseSummary: summary,
    ...(sets === undefined ? {} : { response: { resultSets: sets } }),
  });
  const q: SearchQueryInput = { genomic: 'BRCA1' };

  it('numbers as strings, negative, fractional or beyond 2^53 counts are located node errors, never a number', async () => {
    for (const bad of ['25', -1, 2.5, 1e20, 2 ** 53]) {
      const { a, update } = await ask(() => plain({ exists: true, numTotalResults: bad }), q);
      expect(a.status, String(bad)).toBe('error');
      expect(a.problem?.code, String(bad)).toBe('not-beacon');
      expect(a.problem?.nodeText, String(bad)).toContain('responseSummary.numTotalResults');
      expect(nodeRange(update)).toBeUndefined();
    }
  });

  it('a set with a string or negative resultsCount, or without an id, is unreadable while the summary still counts', async () => {
    const { a, update } = await ask(
      () =>
        plain({ exists: true, numTotalResults: 40 }, [
          { id: 'A', exists: true, resultsCount: '30', results: [] },
          { exists: true, resultsCount: 10, results: [] },
          { id: 'C', exists: true, resultsCount: -4, results: [] },
        ]),
      q,
    );
    expect(a.status).toBe('ok');
    expect(a.datasets?.map((d) => d.unreadable === undefined)).toEqual([false, false, false]);
    // Every set unreadable: the node's own total, as it said it.
    expect(nodeRange(update)?.display).toBe('40');
  });

  it('exists true without any count is "at least 1", never a number; exists false without a count is 0', async () => {
    const yes = await ask(() => plain({ exists: true }), q);
    expect(nodeRange(yes.update)).toMatchObject({ min: 1, max: Infinity, display: '≥1' });
    const no = await ask(() => plain({ exists: false }), q);
    expect(nodeRange(no.update)?.display).toBe('0');
  });

  it('huge safe counts are shown as said; a sum past 2^53 is "at least", never a rounded wrong number', async () => {
    const big = Number.MAX_SAFE_INTEGER - 1;
    const one = await ask(() => plain({ exists: true, numTotalResults: big }), q);
    expect(nodeRange(one.update)).toMatchObject({ min: big, exact: true });
    const two = await ask(
      () =>
        plain({ exists: true }, [
          { id: 'A', exists: true, resultsCount: big, results: [] },
          { id: 'B', exists: true, resultsCount: big, results: [] },
        ]),
      q,
    );
    const r = nodeRange(two.update);
    expect(r?.exact).toBe(false);
    expect(r?.display).toBe('≥9,007,199,254,740,991');
    const total = aggregateCounts([one.update, { ...one.update, nodeId: 'R2' }]);
    expect(total.exact).toBe(false);
    expect(total.display).toBe('≥9,007,199,254,740,991');
  });
});
