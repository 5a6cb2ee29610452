import { describe, expect, it } from 'vitest';
import type { NodeUpdate } from '../../../../shared/search/results';
import { recordCoverage } from './recordCoverage';

const node = (nodeId: string, extra: Partial<NodeUpdate>): NodeUpdate => ({
  queryId: 'q',
  nodeId,
  nodeName: nodeId,
  country: nodeId,
  attempt: 1,
  status: 'ok',
  ...extra,
});

describe('issue 13: record rows say what they are', () => {
  it('issue 13: the first N of M per dataset, from what each node sent and counted', () => {
    const cov = recordCoverage([
      node('FI', {
        datasets: [
          {
            id: 'FI-RD-01',
            exists: true,
            granularity: 'record',
            count: { value: 314, precision: 'exact' },
            recordsReceived: 100,
          },
          {
            id: 'FI-NE-01',
            exists: true,
            granularity: 'record',
            count: { value: 12, precision: 'exact' },
            recordsReceived: 12,
          },
          {
            id: 'FI-XX-01',
            exists: true,
            granularity: 'count',
            count: { value: 40, precision: 'rounded', adjustedTo: 10 },
          },
        ],
      }),
      node('XX', {
        datasets: [{ id: 'X1', exists: true, granularity: 'record', recordsReceived: 3 }],
      }),
      node('PT', { status: 'timeout' }),
    ]);
    expect(cov).toEqual([
      { nodeId: 'FI', datasetId: 'FI-RD-01', received: 100, total: '314', all: false },
      { nodeId: 'FI', datasetId: 'FI-NE-01', received: 12, total: '12', all: true },
      { nodeId: 'XX', datasetId: 'X1', received: 3, total: undefined, all: false },
    ]);
  });
});

describe('decision 0096: a node whose total says more than its sets counted', () => {
  it('decision 0096: a page of 10 with resultsCount 10 is not “all 10” when numTotalResults says 113', () => {
    const set = {
      id: 'EGAD1',
      exists: true,
      granularity: 'record' as const,
      count: { value: 10, precision: 'exact' as const },
      recordsReceived: 10,
    };
    const total = (value: number) => ({ value, precision: 'exact' as const });
    expect(recordCoverage([node('EGA', { count: total(113), datasets: [set] })])).toEqual([
      { nodeId: 'EGA', datasetId: 'EGAD1', received: 10, total: '10', all: false },
    ]);
    // The same set where the node's total agrees is every record.
    expect(recordCoverage([node('EGA', { count: total(10), datasets: [set] })])[0]?.all).toBe(true);
  });
});
