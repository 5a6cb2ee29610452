import { describe, expect, it } from 'vitest';
import { emptyWork } from '../../../../../shared/cases/applyWork';
import type { CaseWork } from '../../../../../shared/cases/workChannels';
import type { RankSummary } from '../../../ranking/protocol';
import { suggestFor } from './suggestFor';

const row = {
  variant_key: '1-94010000-A-G',
  gene: 'ABCA4',
  consequence: 'missense_variant',
  pop_af: 0.00001,
  modes: ['compound_het'],
};
const partner = {
  variant: {
    variantKey: '1-94020000-C-T',
    chrom: '1',
    pos: 94020000,
    ref: 'C',
    alt: 'T',
    gene: 'ABCA4',
    consequence: 'missense_variant',
    hgvs_c: null,
    hgvs_p: null,
    gt: '0|1',
    modes: ['compound_het'],
    pop_af: null,
    clinvar_sig: null,
  },
  tags: [],
  notes: [],
  reported: false,
  sheet: {
    criteria: [],
    confirmed: { cls: 'pathogenic' as const, rule: 'x', points: 10, by: 'u', at: 't' },
  },
};

describe('issue 18: the page suggests from what it knows', () => {
  it('PM3 from a confirmed pathogenic partner in trans under review; PP4 from the Rank tab', () => {
    const work: CaseWork = { ...emptyWork('in-review'), variants: [partner] };
    const rank: RankSummary = {
      mode: 'vcf',
      genes: [
        {
          symbol: 'ABCA4',
          rank: 1,
          score: 2.5,
          diseases: [{ id: 'OMIM:248200', label: 'Stargardt disease 1', score: 2.5 }],
        },
      ],
      unknownTerms: [],
      variants: 2,
    };
    const s = suggestFor({ row, frequencyFields: ['gnomAD_AF'], rank, clinvar: undefined, work });
    expect(s.criteria.find((c) => c.code === 'PM3')?.reason).toContain(
      '1-94020000-C-T (confirmed pathogenic)',
    );
    expect(s.criteria.find((c) => c.code === 'PP4')?.reason).toContain(
      'best disease Stargardt disease 1',
    );
    const alone = suggestFor({
      row,
      frequencyFields: [],
      rank: undefined,
      clinvar: undefined,
      work: emptyWork('new'),
    });
    expect(alone.criteria.map((c) => c.code)).toEqual(['PM2']);
  });
});
