import { describe, expect, it } from 'vitest';
import type { NodeUpdate, RecordRow } from '../../../shared/search/results';
import {
  createFederationReader,
  federationColor,
  federationVariants,
  formatFrequency,
} from './federationTrack';

const row = (nodeId: string, datasetId: string, id: string, frequency?: number): RecordRow => ({
  kind: 'variant',
  nodeId,
  datasetId,
  id,
  gene: 'BRCA1',
  consequence: 'frameshift_variant',
  hgvs: 'p.Gln1756ProfsTer74',
  ...(frequency === undefined ? {} : { frequency }),
});

const node = (nodeId: string, extra: Partial<NodeUpdate>): NodeUpdate => ({
  queryId: 'q1',
  nodeId,
  nodeName: `Node ${nodeId}`,
  country: nodeId,
  attempt: 1,
  status: 'ok',
  ...extra,
});

const IT = node('IT', {
  returnedGranularity: 'record',
  records: [
    row('IT', 'IT-CA-01', '17-43057062-T-TG', 0.006),
    row('IT', 'IT-CA-01', '17-43124027-ACT-A', 0.003),
  ],
});
const SE = node('SE', {
  returnedGranularity: 'record',
  records: [row('SE', 'SE-CA-01', '17-43057062-T-TG', 0.02), row('SE', 'SE-CA-01', 'rs80357906')],
});

describe('federation track reader (issue 8, BCN-01)', () => {
  it('folds every node record of a variant into one feature with per-node values', () => {
    const vs = federationVariants([IT, SE]);
    expect(vs.map((v) => v.variantKey)).toEqual(['17-43057062-T-TG', '17-43124027-ACT-A']);
    const planted = vs[0];
    expect(planted).toMatchObject({
      kind: 'federation',
      chr: 'chr17',
      start: 43057061,
      end: 43057062,
      pos: 43057062,
      ref: 'T',
      alt: 'TG',
      maxFrequency: 0.02,
      name: 'IT 0.60% · SE 2.0%',
    });
    expect(planted?.values).toEqual([
      { nodeId: 'IT', datasetId: 'IT-CA-01', frequency: 0.006 },
      { nodeId: 'SE', datasetId: 'SE-CA-01', frequency: 0.02 },
    ]);
    // A deletion covers its whole reference allele (igv half-open coordinates).
    expect(vs[1]).toMatchObject({ start: 43124026, end: 43124029 });
  });

  it('reads only answered nodes and only their variant records (BCN-01)', () => {
    const failed = node('PT', {
      status: 'error',
      records: [row('PT', 'PT-RD-01', '17-43057062-T-TG', 0.5)],
    });
    const individuals = node('FI', {
      returnedGranularity: 'record',
      records: [
        {
          kind: 'individual',
          nodeId: 'FI',
          datasetId: 'FI-RD-01',
          id: 'i1',
          sex: 'female',
          phenotypes: [],
          diseases: [],
        },
      ],
    });
    const counted = node('ES', {
      returnedGranularity: 'count',
      count: { value: 4, precision: 'exact' },
    });
    expect(federationVariants([failed, individuals, counted])).toEqual([]);
    expect(federationVariants([failed, IT])[0]?.values).toHaveLength(1);
  });

  it('returns exactly the variants overlapping a region, edges included', async () => {
    const vs = federationVariants([IT, SE]);
    const reader = createFederationReader(() => vs);
    expect(await reader.readFeatures('chr17', 43057061, 43057062)).toHaveLength(1);
    expect(await reader.readFeatures('chr17', 43057062, 43124026)).toHaveLength(0);
    expect(await reader.readFeatures('chr17', 43124028, 43124030)).toHaveLength(1);
    expect(await reader.readFeatures('chr13', 0, 1e9)).toHaveLength(0);
  });

  it('colours by the highest frequency, grey when no node sent one', () => {
    const [planted] = federationVariants([IT, SE]);
    const presenceOnly = federationVariants([
      node('SE', { records: [row('SE', 'SE-CA-01', '17-43045712-G-A')] }),
    ])[0];
    if (planted === undefined || presenceOnly === undefined) throw new Error('no variants');
    expect(federationColor(planted)).toBe('#2171b5');
    expect(federationColor(presenceOnly)).toBe('#878787');
    expect(formatFrequency(0.0042)).toBe('0.42%');
    expect(formatFrequency(0)).toBe('0%');
  });
});
