import { describe, expect, it } from 'vitest';
import { detectCaller, germlineLeak, readCounts, readValueProblem } from './somaticCalls';

const fmt = (o: Record<string, unknown>): ReadonlyMap<string, unknown> =>
  new Map(Object.entries(o));

describe('issue 19: somatic callers and their read counts', () => {
  it('detects Mutect2 by its source line and reads the tumour/normal sample lines', () => {
    const h = {
      meta: [
        { key: 'source', value: 'Mutect2' },
        { key: 'tumor_sample', value: 'T1' },
        { key: 'normal_sample', value: 'N1' },
      ],
      format: new Map(),
      samples: ['N1', 'T1'],
    };
    expect(detectCaller(h)).toEqual({ caller: 'mutect2', tumour: 'T1', normal: 'N1' });
  });

  it('detects Strelka2 by its FORMAT fields, with its NORMAL/TUMOR columns', () => {
    const h = { meta: [], format: new Map([['TIR', {}]]), samples: ['NORMAL', 'TUMOR'] };
    expect(detectCaller(h)).toEqual({ caller: 'strelka2', tumour: 'TUMOR', normal: 'NORMAL' });
    expect(detectCaller({ meta: [], format: new Map(), samples: ['S'] }).caller).toBe('generic');
  });

  it('Mutect2: VAF from AD, not from the model AF', () => {
    expect(readCounts('mutect2', fmt({ AD: [30, 10], AF: 0.3, DP: 44 }), 'A', 'T')).toEqual({
      adRef: 30,
      adAlt: 10,
      dp: 44,
      vaf: 0.25,
    });
    expect(readCounts('generic', fmt({ AF: 0.3 }), 'A', 'T').vaf).toBe(0.3);
  });

  it('Strelka2 SNV: tier-1 counts of the REF and ALT bases; indel: TAR/TIR tier 1', () => {
    const snv = fmt({ DP: 60, AU: [40, 42], CU: [1, 1], GU: [0, 0], TU: [19, 20] });
    expect(readCounts('strelka2', snv, 'A', 'T')).toEqual({
      adRef: 40,
      adAlt: 19,
      dp: 60,
      vaf: 19 / 59,
    });
    const indel = fmt({ DP: 50, TAR: [36, 40], TIR: [12, 13] });
    expect(readCounts('strelka2', indel, 'AT', 'A')).toEqual({
      adRef: 36,
      adAlt: 12,
      dp: 50,
      vaf: 0.25,
    });
  });

  it('a normal with VAF ≥ 10% on ≥ 2 reads is a germline leak; 1 read is not', () => {
    expect(germlineLeak({ adRef: 20, adAlt: 18, dp: 38, vaf: 18 / 38 })).toBe(true);
    expect(germlineLeak({ adRef: 5, adAlt: 1, dp: 6, vaf: 1 / 6 })).toBe(false);
    expect(germlineLeak({ adRef: 60, adAlt: 2, dp: 62, vaf: 2 / 62 })).toBe(false);
    expect(germlineLeak(null)).toBe(false);
  });

  it('issue 19: a negative count or a fraction outside 0–1 among the fields read is named; missing values are not', () => {
    expect(readValueProblem('mutect2', fmt({ AD: [null, 39], AF: [1.5], DP: 102 }))).toEqual({
      field: 'AF',
      value: 1.5,
      rule: 'fraction',
    });
    expect(readValueProblem('mutect2', fmt({ AD: [-50, 39], AF: [0.4] }))).toEqual({
      field: 'AD',
      value: -50,
      rule: 'count',
    });
    expect(readValueProblem('generic', fmt({ VAF: -0.1 }))?.field).toBe('VAF');
    expect(readValueProblem('strelka2', fmt({ DP: 50, TU: [3, -1] }))).toEqual({
      field: 'TU',
      value: -1,
      rule: 'count',
    });
    // Strelka2 writes no AF: another tool's AF there is not read, so not checked.
    expect(readValueProblem('strelka2', fmt({ AF: 2, AU: [0, 0] }))).toBeUndefined();
    expect(
      readValueProblem('mutect2', fmt({ AD: [null, null], AF: [null], DP: null })),
    ).toBeUndefined();
    expect(readValueProblem('mutect2', fmt({ AD: [0, 12], AF: [1], DP: 0 }))).toBeUndefined();
  });
});
