import { describe, expect, it } from 'vitest';
import type { NodeUpdate } from '../../../../shared/search/results';
import { countBars, frequencyBars } from './plotData';

const node = (nodeId: string, country: string, extra: Partial<NodeUpdate>): NodeUpdate => ({
  queryId: 'q',
  nodeId,
  nodeName: nodeId,
  country,
  attempt: 1,
  status: 'ok',
  ...extra,
});

describe('plot data per country', () => {
  it('counts carry their interval; nodes without counts are left out', () => {
    const bars = countBars([
      node('IT', 'Italy', { count: { value: 20, precision: 'rounded', adjustedTo: 10 } }),
      node('FI', 'Finland', { count: { value: 7, precision: 'exact' } }),
      node('PT', 'Portugal', { exists: true }),
      node('SE', 'Sweden', { status: 'timeout' }),
    ]);
    expect(bars).toEqual([
      { key: 'Finland', label: 'Finland', value: 7, min: 7, max: 7, text: '7' },
      { key: 'Italy', label: 'Italy', value: 20, min: 15, max: 24, text: '≈20' },
    ]);
  });

  it('allele frequency per country and dataset from variant rows', () => {
    const bars = frequencyBars([
      node('FI', 'Finland', {
        records: [
          {
            kind: 'variant',
            nodeId: 'FI',
            datasetId: 'FI-RD-01',
            id: 'v1',
            gene: 'CFTR',
            consequence: '',
            hgvs: '',
            frequency: 0.015,
          },
        ],
      }),
    ]);
    expect(bars).toMatchObject([{ label: 'Finland · FI-RD-01', value: 0.015, text: '1.50 %' }]);
  });
});
