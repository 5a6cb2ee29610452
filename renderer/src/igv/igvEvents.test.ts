import { describe, expect, it } from 'vitest';
import type { CohortVariant } from './cohortReader';
import { featureColor } from './colors';
import { selectedFromClick } from './igvEvents';

const variant: CohortVariant = {
  kind: 'variant',
  chr: 'chr17',
  start: 43045711,
  end: 43045712,
  name: '17-43045712-G-A',
  variantKey: '17-43045712-G-A',
  pos: 43045712,
  ref: 'G',
  alt: 'A',
  gene: 'BRCA1',
  consequence: 'stop_gained',
  clinSig: 'Pathogenic',
  hgvsC: 'c.5266C>T',
  hgvsP: undefined,
  datasets: [{ datasetId: 'FI-1', nodeId: 'FI', ac: 2, an: 200, af: 0.01 }],
};

describe('igv clicks and colours (issue 8)', () => {
  it('turns a clicked cohort feature into plain data for the details panel', () => {
    const selected = selectedFromClick([], [variant]);
    expect(selected).toEqual({
      variantKey: '17-43045712-G-A',
      chrom: 'chr17',
      pos: 43045712,
      ref: 'G',
      alt: 'A',
      source: 'cohort',
      gene: 'BRCA1',
      consequence: 'stop_gained',
      clinSig: 'Pathogenic',
      hgvsC: 'c.5266C>T',
      datasets: variant.datasets,
    });
    expect(selected?.datasets).not.toBe(variant.datasets);
  });

  it("reads a patient VCF click from igv's popup rows", () => {
    const items = [
      { name: 'Chr', value: 'chr17' },
      { name: 'Pos', value: '43,045,712' },
      { name: 'Ref', value: 'G' },
      { name: 'Alt', value: 'A' },
    ];
    expect(selectedFromClick(items, undefined)).toMatchObject({
      variantKey: '17-43045712-G-A',
      source: 'patientVcf',
      datasets: [],
    });
    expect(selectedFromClick([{ name: 'Chr', value: 'chr17' }], undefined)).toBeUndefined();
  });

  it('colours by consequence class or clinical significance', () => {
    expect(featureColor(variant, 'consequence')).toBe('#b2182b');
    expect(featureColor({ ...variant, consequence: 'synonymous_variant' }, 'consequence')).toBe(
      '#4393c3',
    );
    expect(featureColor({ ...variant, clinSig: 'Likely benign' }, 'clinSig')).toBe('#67a9cf');
    expect(
      featureColor({ kind: 'density', chr: 'chr1', start: 0, end: 10, count: 100 }, 'clinSig'),
    ).toBe('#404040');
  });
});
