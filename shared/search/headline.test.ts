import { describe, expect, it } from 'vitest';
import { headline } from './headline';
import type { NodeUpdate, RecordRow } from './results';

const node = (id: string, country: string, extra: Partial<NodeUpdate>): NodeUpdate => ({
  queryId: 'q',
  nodeId: id,
  nodeName: id,
  country,
  attempt: 1,
  status: 'ok',
  ...extra,
});

const variant = (nodeId: string, datasetId: string, pos: number, alt: string): RecordRow => ({
  kind: 'variant',
  nodeId,
  datasetId,
  id: `${nodeId}-${String(pos)}`,
  gene: 'BRCA1',
  consequence: '',
  hgvs: '',
  location: { chr: '17', start: pos - 1, end: pos, ref: 'T', alt, from: 'vrs' },
});

const recordSet = (id: string, n: number) => ({
  id,
  exists: n > 0,
  granularity: 'record' as const,
  count: { value: n, precision: 'exact' as const },
  recordsReceived: n,
});

describe('issue 13: the headline never states zero when a node says matches exist', () => {
  it('issue 13: "Matches at 2 nodes; counts withheld; 0 at Spain" (17-43057062-T-TG, anonymous)', () => {
    const h = headline(
      [
        node('FI', 'Finland', { exists: true, returnedGranularity: 'boolean' }),
        node('IT', 'Italy', { exists: true, returnedGranularity: 'boolean' }),
        node('ES', 'Spain', {
          exists: false,
          returnedGranularity: 'count',
          count: { value: 0, precision: 'exact' },
          datasets: [],
        }),
        node('PT', 'Portugal', { exists: false, returnedGranularity: 'boolean' }),
      ],
      'individuals',
      4,
    );
    expect(h.total).toEqual({
      key: 'withheldOnlyZero',
      params: { count: 2, places: 'Spain, Portugal' },
    });
  });

  it('counts plus withheld matches read "at least", naming both parts', () => {
    const h = headline(
      [
        node('FI', 'Finland', { exists: true }),
        node('ES', 'Spain', { exists: true, count: { value: 35, precision: 'exact' } }),
      ],
      'individuals',
      2,
    );
    expect(h.total).toEqual({
      key: 'withheldAndCounted',
      params: { display: '36', entity: 'individuals', counted: '35', count: 1 },
    });
  });

  it('all nodes say no → 0; nothing answered yet → waiting', () => {
    expect(headline([node('FI', 'Finland', { exists: false })], 'individuals', 1).total).toEqual({
      key: 'exact',
      params: { display: '0', entity: 'individuals' },
    });
    expect(
      headline([node('FI', 'Finland', { status: 'waiting' })], 'individuals', 1).total.key,
    ).toBe('waiting');
  });
});

describe('issue 13: variants across the federation', () => {
  it('issue 13: distinct alleles across nodes when every match arrived as a record', () => {
    const h = headline(
      [
        node('IT', 'Italy', {
          exists: true,
          datasets: [recordSet('IT-CA-01', 2)],
          records: [
            variant('IT', 'IT-CA-01', 43057062, 'TG'),
            variant('IT', 'IT-CA-01', 43045712, 'C'),
          ],
        }),
        node('SE', 'Sweden', {
          exists: true,
          datasets: [recordSet('SE-CA-01', 1)],
          records: [variant('SE', 'SE-CA-01', 43057062, 'TG')],
        }),
      ],
      'g_variants',
      2,
    );
    expect(h.total).toEqual({ key: 'distinct', params: { display: '2', count: 2 } });
  });

  it('issue 13: otherwise the total says it counts per-node answers', () => {
    const h = headline(
      [
        node('IT', 'Italy', {
          exists: true,
          datasets: [recordSet('IT-CA-01', 1)],
          records: [variant('IT', 'IT-CA-01', 43057062, 'TG')],
        }),
        node('ES', 'Spain', {
          exists: true,
          datasets: [
            {
              id: 'ES-AF-01',
              exists: true,
              granularity: 'count',
              count: { value: 20, precision: 'rounded', adjustedTo: 10 },
            },
          ],
        }),
      ],
      'g_variants',
      2,
    );
    expect(h.total).toEqual({
      key: 'range',
      params: { display: '16–25', entity: 'variantsPerNode' },
    });
    expect(h.hints.map((p) => p.key)).toEqual(['rangeWhy', 'perNode', 'distinctSeen']);
  });
});
