import { describe, expect, it } from 'vitest';
import { aggregateCounts, countRange, formatCount, nodeRange } from './aggregate';
import type { NodeUpdate } from './results';

const node = (id: string, extra: Partial<NodeUpdate>): NodeUpdate => ({
  queryId: 'q',
  nodeId: id,
  nodeName: id,
  country: id,
  attempt: 1,
  status: 'ok',
  ...extra,
});

describe('count aggregation never adds rounded counts as if exact', () => {
  it('intervals per precision match how nodes round (nearest step, "<N")', () => {
    expect(countRange({ value: 20, precision: 'rounded', adjustedTo: 10 })).toEqual({
      min: 15,
      max: 24,
    });
    expect(countRange({ value: 10, precision: 'rounded', adjustedTo: 5 })).toEqual({
      min: 8,
      max: 12,
    });
    expect(countRange({ value: 5, precision: 'range', adjustedTo: 5 })).toEqual({ min: 1, max: 4 });
    expect(countRange({ value: 7, precision: 'exact' })).toEqual({ min: 7, max: 7 });
  });

  it('all exact → one number', () => {
    const a = aggregateCounts([
      node('FI', { count: { value: 7, precision: 'exact' } }),
      node('IT', { count: { value: 1200, precision: 'exact' } }),
    ]);
    expect(a).toMatchObject({
      min: 1207,
      max: 1207,
      exact: true,
      display: '1,207',
      countedNodes: 2,
    });
  });

  it('rounded or "<N" parts → a range, not a sum', () => {
    const a = aggregateCounts([
      node('FI', { count: { value: 7, precision: 'exact' } }),
      node('IT', { count: { value: 20, precision: 'rounded', adjustedTo: 10 } }),
      node('ES', { count: { value: 5, precision: 'range', adjustedTo: 5 } }),
    ]);
    expect(a).toMatchObject({ min: 23, max: 35, exact: false, display: '23–35' });
  });

  it('ignores nodes that did not answer and counts boolean-only nodes apart, as at least 1', () => {
    const a = aggregateCounts([
      node('FI', { exists: true, count: { value: 3, precision: 'exact' } }),
      node('IT', { status: 'timeout' }),
      node('ES', { exists: true, returnedGranularity: 'boolean' }),
      node('PT', { status: 'waiting' }),
    ]);
    expect(a).toMatchObject({
      min: 4,
      max: Infinity,
      answeredNodes: 2,
      booleanOnlyNodes: 1,
      countedNodes: 1,
      counted: { min: 3, max: 3, display: '3' },
      totalNodes: 4,
      display: '≥4',
    });
  });

  it('a node total mixing exact and "<N" datasets is read from its datasets, not as "<N"', () => {
    const n = node('FI', {
      count: { value: 125, precision: 'range', adjustedTo: 5 },
      datasets: [
        { id: 'A', exists: true, granularity: 'record', count: { value: 120, precision: 'exact' } },
        {
          id: 'B',
          exists: true,
          granularity: 'count',
          count: { value: 5, precision: 'range', adjustedTo: 5 },
        },
      ],
    });
    expect(nodeRange(n)).toMatchObject({ min: 121, max: 124, exact: false, display: '121–124' });
    expect(aggregateCounts([n])).toMatchObject({ min: 121, max: 124, display: '121–124' });
  });

  it('issue 13: a yes/no-only dataset with matches makes its node "at least 1", never 0 (Spain, Seizure)', () => {
    // The demo's Spain answers count granularity: its counted dataset has no match (left out of
    // the HIT result sets, total 0) while its yes/no-only dataset says yes.
    const spain = node('ES', {
      exists: true,
      returnedGranularity: 'count',
      count: { value: 0, precision: 'exact' },
      datasets: [{ id: 'ES-RD-01', exists: true, granularity: 'boolean' }],
    });
    expect(nodeRange(spain)).toMatchObject({ min: 1, max: Infinity, exact: false, display: '≥1' });
    // The same without the demo's booleanResultSets hint: the node's own "exists" still counts.
    const bare = node('ES', {
      exists: true,
      count: { value: 0, precision: 'exact' },
      datasets: [],
    });
    expect(nodeRange(bare)).toMatchObject({ min: 1, max: Infinity, withheld: true });
    // Counted datasets plus a yes/no one: the counts, plus at least one.
    const mixed = node('ES', {
      exists: true,
      datasets: [
        { id: 'A', exists: true, granularity: 'count', count: { value: 35, precision: 'exact' } },
        { id: 'B', exists: true, granularity: 'boolean' },
      ],
    });
    expect(nodeRange(mixed)).toMatchObject({ min: 36, max: Infinity, display: '≥36' });
  });

  it('issue 15: a dataset answering exists: false without a count is zero, not "no count yet"', () => {
    const no = node('PT', {
      exists: false,
      returnedGranularity: 'boolean',
      datasets: [{ id: 'PT-RD-01', exists: false, granularity: 'boolean' }],
    });
    expect(nodeRange(no)).toMatchObject({ min: 0, max: 0, exact: true, display: '0' });
    const a = aggregateCounts([no, node('FI', { exists: false })]);
    expect(a).toMatchObject({ min: 0, max: 0, exact: true, display: '0', countedNodes: 2 });
    expect(a.zeroAt).toEqual(['PT', 'FI']);
  });

  it('formats one node count with its precision', () => {
    expect(formatCount({ value: 1234, precision: 'exact' })).toBe('1,234');
    expect(formatCount({ value: 40, precision: 'rounded', adjustedTo: 10 })).toBe('≈40');
    expect(formatCount({ value: 5, precision: 'range', adjustedTo: 5 })).toBe('<5');
  });
});
