import { describe, expect, it } from 'vitest';
import type { CaseVariantRow } from '../../../../shared/cases/channels';
import { variantsTsv } from './exportRows';

const row: CaseVariantRow = {
  vid: 1,
  variant_key: '2-165297036-G-A',
  chrom: '2',
  pos: 165297036,
  ref: 'G',
  alt: 'A',
  gene: 'SCN2A',
  consequence: 'stop_gained',
  impact: 'HIGH',
  hgvs_c: 'c.1A>G',
  hgvs_p: null,
  pop_af: 0.00001,
  filters: 'PASS',
  clinvar_sig: 'Pathogenic\tnote',
  p_gt: '0|1',
  p_gq: 60,
  p_dp: 30,
  p_ab: 0.5,
  cohort_carriers: null,
  cohort_max_freq: null,
  modes: ['de_novo', 'autosomal_dominant'],
};

describe('case variants export (issue 16)', () => {
  it('writes one TSV line per listed variant with its gene rank; a tab in a value cannot shift columns', () => {
    const tsv = variantsTsv([row], new Map([['SCN2A', 1]]));
    const [header = '', line = ''] = tsv.trimEnd().split('\n');
    const cols = header.split('\t');
    const cells = line.split('\t');
    expect(cells).toHaveLength(cols.length);
    const at = (c: string): string | undefined => cells[cols.indexOf(c)];
    expect(at('rank')).toBe('1');
    expect(at('gene')).toBe('SCN2A');
    expect(at('pos')).toBe('165297036');
    expect(at('hgvs_p')).toBe('');
    expect(at('clinvar_sig')).toBe('Pathogenic note');
    expect(at('modes')).toBe('de_novo,autosomal_dominant');
  });
});
