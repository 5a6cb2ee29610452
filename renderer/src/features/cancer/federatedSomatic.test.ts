import { describe, expect, it } from 'vitest';
import type { SomaticRow } from '../../../../shared/cancer/channels';
import type { SeenAnswer } from '../../../../shared/seen/channels';
import { TUMOUR_TYPES } from '../../../../shared/cancer/tumourTypes';
import { federatedTotal, federatedView, tumourTypeCandidates } from './federatedSomatic';

const row = {
  chrom: 'chr14',
  pos: 104780214,
  ref: 'C',
  alt: 'T',
  gene: 'AKT1',
} as unknown as SomaticRow;
const KEY = '14-104780214-C-T';
const at = '2026-12-06T12:00:00.000Z';
const answer = (key: string, nodeId: string, datasets: SeenAnswer['datasets']): SeenAnswer => ({
  key,
  nodeId,
  nodeName: nodeId,
  country: nodeId,
  at,
  status: 'ok',
  datasets,
});

describe('issue 19: the federated view of a somatic call', () => {
  it('issue 19: asks the allele and each tumour type of the subset, the patient’s own type first', () => {
    const c = tumourTypeCandidates(row, 'UCEC');
    expect(c).toHaveLength(1 + TUMOUR_TYPES.length);
    expect(c[0]).toEqual({ chrom: '14', pos: 104780214, ref: 'C', alt: 'T', gene: 'AKT1' });
    expect(c[1]?.tumourType).toBe('UCEC');
  });

  it('issue 19: types a node does not list are gathered per node as not offered, never as a "no"', () => {
    const notOffered = (code: string, nodeId: string): SeenAnswer => ({
      ...answer(`${KEY}@${code}`, nodeId, undefined),
      notOffered: true,
    });
    const v = federatedView(
      [
        answer(KEY, 'FI', [{ id: 'FI-RD-01', exists: false, granularity: 'boolean' }]),
        notOffered('BRCA', 'FI'),
        notOffered('UCEC', 'FI'),
        answer(`${KEY}@BRCA`, 'IT', [{ id: 'IT-CA-01', exists: true, granularity: 'boolean' }]),
        notOffered('UCEC', 'IT'),
      ],
      row,
    );
    expect(v.notOffered).toEqual([
      { nodeId: 'FI', nodeName: 'FI', country: 'FI', at, codes: ['BRCA', 'UCEC'] },
      { nodeId: 'IT', nodeName: 'IT', country: 'IT', at, codes: ['UCEC'] },
    ]);
    expect(v.failed).toEqual([]);
  });

  it('issue 19: folds per-type answers under their node dataset, at the granularity each gave', () => {
    const answers: SeenAnswer[] = [
      answer(KEY, 'IT', [
        {
          id: 'IT-CA-01',
          exists: true,
          granularity: 'record',
          count: { value: 2, precision: 'exact' },
        },
        {
          id: 'IT-RD-01',
          exists: false,
          granularity: 'record',
          count: { value: 0, precision: 'exact' },
        },
      ]),
      answer(`${KEY}@BRCA`, 'IT', [
        {
          id: 'IT-CA-01',
          exists: true,
          granularity: 'record',
          count: { value: 2, precision: 'exact' },
        },
      ]),
      answer(`${KEY}@UCEC`, 'IT', [{ id: 'IT-CA-01', exists: false, granularity: 'record' }]),
      answer(KEY, 'SE', [
        {
          id: 'SE-CA-01',
          exists: true,
          granularity: 'count',
          count: { value: 5, precision: 'range', adjustedTo: 5 },
        },
      ]),
      answer(`${KEY}@UCEC`, 'SE', [{ id: 'SE-CA-01', exists: true, granularity: 'boolean' }]),
      { ...answer(KEY, 'PT', undefined), status: 'timeout', message: 'slow' },
      answer('17-1-A-C', 'IT', [{ id: 'IT-CA-01', exists: true, granularity: 'boolean' }]),
    ];
    const v = federatedView(answers, row);
    expect(v.asked).toEqual(['BRCA', 'UCEC']);
    expect(v.rows.map((r) => [r.datasetId, r.byType.map((b) => b.code)])).toEqual([
      ['IT-CA-01', ['BRCA']],
      ['SE-CA-01', ['UCEC']],
    ]);
    expect(v.failed.map((a) => a.nodeId)).toEqual(['PT']);
    // 2 exact + "<5" (1..4): the total is an interval, never a bare number.
    expect(federatedTotal(answers, row)).toEqual({ min: 3, max: 6 });
    expect(federatedTotal([], row)).toBeUndefined();
  });

  it('issue 19: a node’s yes without a dataset it may show is a row of its own, per type too', () => {
    const answers: SeenAnswer[] = [
      { ...answer(KEY, 'SE', []), exists: true },
      { ...answer(`${KEY}@SKCM`, 'SE', []), exists: true },
      { ...answer(`${KEY}@BRCA`, 'SE', []), exists: false },
    ];
    const v = federatedView(answers, row);
    expect(v.rows.map((r) => [r.nodeId, r.datasetId, r.byType.map((b) => b.code)])).toEqual([
      ['SE', null, ['SKCM']],
    ]);
    expect(federatedTotal(answers, row)).toEqual({ min: 1, max: Infinity });
  });
});
