import { describe, expect, it } from 'vitest';
import type { NodeUpdate, VariantRow } from '../../../shared/search/results';
import {
  createFederationReader,
  federationColor,
  federationVariants,
  formatFrequency,
  unplacedVariants,
} from './federationTrack';

/** A variant row located as the demo nodes locate it (VRS interval over the VCF-style ref). */
const row = (nodeId: string, datasetId: string, key: string, frequency?: number): VariantRow => {
  const [chr = '', pos = '0', ref = '', alt = ''] = key.split('-');
  const start = Number(pos) - 1;
  return {
    kind: 'variant',
    nodeId,
    datasetId,
    id: key,
    gene: 'BRCA1',
    consequence: 'frameshift_variant',
    hgvs: 'p.Gln1756ProfsTer74',
    ...(frequency === undefined ? {} : { frequency }),
    ...(alt === ''
      ? {}
      : { location: { chr, start, end: start + ref.length, ref, alt, from: 'vrs' as const } }),
  };
};

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

  it('issue 15: variants from any server are drawn from their records, not their internal ids', () => {
    // A server with opaque ids and VRS-normalised alleles (insert G between 43057062 and 43057063),
    // another locating by HGVS only, and one on GRCh37.
    const foreign = node('XX', {
      returnedGranularity: 'record',
      records: [
        {
          ...row('XX', 'XX-1', 'opaque-1', 0.01),
          location: { chr: '17', start: 43057062, end: 43057062, alt: 'G', from: 'vrs' },
        },
        {
          ...row('XX', 'XX-1', 'opaque-2'),
          location: { chr: '17', start: 43045711, end: 43045712, ref: 'A', alt: 'G', from: 'hgvs' },
        },
        {
          ...row('XX', 'XX-1', 'opaque-3'),
          location: {
            chr: '17',
            start: 41199000,
            end: 41199001,
            ref: 'C',
            alt: 'T',
            assembly: 'GRCh37',
            from: 'vrs',
          },
        },
        row('XX', 'XX-1', 'opaque-4'),
      ],
    });
    const vs = federationVariants([IT, foreign]);
    expect(vs.map((v) => [v.variantKey, v.values.map((x) => x.nodeId)])).toEqual([
      ['17-43045712-A-G', ['XX']],
      ['17-43057062-T-TG', ['IT', 'XX']],
      ['17-43124027-ACT-A', ['IT']],
    ]);
    expect(unplacedVariants([foreign])).toEqual({ noPosition: 1, otherAssembly: 1 });
  });
});

describe('issue 15 item 2: rows main converted from a GRCh37 node', () => {
  const lifted: VariantRow = {
    ...row('DE', 'DE-CA-01', '17-43057062-T-TG', 0.01),
    id: 'gv-0f3a9c1d2e4b5a69',
    nodePlace: { assembly: 'GRCh37', chrom: '17', pos: 41209079, ref: 'T', alt: 'TG' },
  };
  const stuck: VariantRow = {
    ...row('DE', 'DE-CA-01', '1-11-N-A'),
    id: 'gv-99',
    location: { chr: '1', start: 10, end: 11, ref: 'N', alt: 'A', assembly: 'GRCh37', from: 'vrs' },
    nodePlace: { assembly: 'GRCh37', chrom: '1', pos: 11, ref: 'N', alt: 'A' },
    unplaced: 'no GRCh38 position: the position lies outside every aligned block of the chain',
  };
  const DE = node('DE', { returnedGranularity: 'record', records: [lifted, stuck] });

  it('draws a lifted record at its GRCh38 place, one feature with the conforming node’s allele', () => {
    const [brca1] = federationVariants([IT, DE]);
    expect(brca1).toMatchObject({ variantKey: '17-43057062-T-TG', chr: 'chr17', pos: 43057062 });
    expect(brca1?.values).toEqual([
      { nodeId: 'IT', datasetId: 'IT-CA-01', frequency: 0.006 },
      {
        nodeId: 'DE',
        datasetId: 'DE-CA-01',
        frequency: 0.01,
        nodePlace: 'GRCh37 17-41209079-T-TG',
      },
    ]);
  });

  it('counts a record left on GRCh37 (no GRCh38 place) as not drawn instead of drawing it wrongly', () => {
    expect(federationVariants([DE]).map((v) => v.variantKey)).toEqual(['17-43057062-T-TG']);
    expect(unplacedVariants([DE])).toEqual({ noPosition: 0, otherAssembly: 1 });
  });
});
