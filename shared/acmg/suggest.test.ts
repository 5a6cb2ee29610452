import { describe, expect, it } from 'vitest';
import { evaluateSheet, mergeSuggestions } from './evaluate';
import type { SuggestInput } from './suggest';
import { suggestCriteria } from './suggest';

const base: SuggestInput = {
  variant: {
    variant_key: '17-43124027-ACT-A',
    gene: 'BRCA1',
    consequence: 'frameshift_variant',
    pop_af: null,
    modes: [],
  },
  frequencyFields: ['gnomAD_AF'],
  transPathogenic: [],
};
const codes = (i: SuggestInput) =>
  suggestCriteria(i).criteria.map((c) => `${c.code}:${c.strength}`);

describe('suggested ACMG criteria, issue 18', () => {
  it('frequency: BA1 above 5 %, BS1 from 1 %, PM2 (supporting) below 1 in 10,000, nothing between', () => {
    const at = (pop_af: number | null, carriers = 0) =>
      codes({
        ...base,
        variant: { ...base.variant, pop_af },
        cache: [
          {
            datasetId: 'ES-AF-01',
            carriers,
            individuals: 100,
            declared: { title: 'Spanish population reference (aggregate)' },
          },
        ],
      });
    expect(at(0.06)).toContain('BA1:stand_alone');
    expect(at(0.02)).toContain('BS1:strong');
    expect(at(0.001)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^(BA1|BS1|PM2)/)]),
    );
    expect(at(null)).toContain('PM2:supporting');
    // A population reference in the local cache counts as much as the VCF (14 of 100 individuals:
    // at least 14/200 = 7 %).
    expect(at(0.00001, 14)).toContain('BA1:stand_alone');
  });

  it('PM2 says where it looked, and "not looked up" for the federation when it was not', () => {
    const pm2 = suggestCriteria(base).criteria.find((c) => c.code === 'PM2');
    expect(pm2?.source).toContain('gnomAD_AF');
    expect(pm2?.source).toContain('federation: not looked up');
    const looked = suggestCriteria({
      ...base,
      federation: [
        {
          variantKey: base.variant.variant_key,
          node: 'IT',
          dataset: 'IT-PC-01',
          granularity: 'count',
          exists: true,
          count: 2,
          at: '2026-12-06T10:00:00Z',
          declared: { title: 'Italian population controls' },
        },
      ],
    }).criteria.find((c) => c.code === 'PM2');
    expect(looked?.source).toContain('IT-PC-01 at IT (count): 2, as of 2026-12-06T10:00:00Z');
  });

  it('de novo in a trio suggests PM6 with PS2 named as the confirmed-parentage upgrade', () => {
    const s = suggestCriteria({ ...base, variant: { ...base.variant, modes: ['de_novo'] } });
    const pm6 = s.criteria.find((c) => c.code === 'PM6');
    expect(pm6?.strength).toBe('moderate');
    expect(pm6?.caveat).toContain('PS2');
  });

  it('PM3 only for a compound het with a pathogenic partner in trans', () => {
    const v = { ...base.variant, modes: ['compound_het'] };
    expect(codes({ ...base, variant: v })).not.toContain('PM3:moderate');
    expect(
      codes({
        ...base,
        variant: v,
        transPathogenic: [{ key: '17-1-A-G', why: 'ClinVar Pathogenic' }],
      }),
    ).toContain('PM3:moderate');
  });

  it('PVS1 for a null variant only where ClinVar shows loss of function as the mechanism; a note otherwise', () => {
    const clinvar = { release: '2026-02-26', coveredGenes: ['BRCA1'] };
    const known = suggestCriteria({
      ...base,
      clinvar: { ...clinvar, gene: { gene: 'BRCA1', pathogenic: 4000, pathogenicNull: 3000 } },
    });
    expect(known.criteria.find((c) => c.code === 'PVS1')?.caveat).toContain(
      'nonsense-mediated decay',
    );
    const unknown = suggestCriteria({
      ...base,
      variant: { ...base.variant, gene: 'SCN1A' },
      clinvar,
    });
    expect(unknown.criteria.some((c) => c.code === 'PVS1')).toBe(false);
    expect(unknown.notes[0]?.text).toContain('does not cover SCN1A');
  });

  it('PP4 from the ranking: top 10 with a likelihood ratio of at least 10', () => {
    const r = {
      rank: 1,
      genes: 300,
      score: 2.4,
      disease: 'Dravet syndrome',
      version: 'HPOA 2023-01-27',
    };
    expect(codes({ ...base, ranking: r })).toContain('PP4:supporting');
    expect(codes({ ...base, ranking: { ...r, rank: 11 } })).not.toContain('PP4:supporting');
    expect(codes({ ...base, ranking: { ...r, score: 0.5 } })).not.toContain('PP4:supporting');
  });

  it('a ClinVar assertion is a note, never a criterion', () => {
    const s = suggestCriteria({
      ...base,
      clinvar: {
        release: '2026-02-26',
        coveredGenes: [],
        variant: {
          variantKey: base.variant.variant_key,
          variationId: '17662',
          gene: 'BRCA1',
          significance: 'Pathogenic',
          reviewStatus: 'reviewed by expert panel',
          stars: 3,
          condition: 'Hereditary breast ovarian cancer syndrome',
          source: 'ClinVar GRCh38 2026-02-26',
          date: '2026-02-26',
        },
      },
    });
    expect(s.criteria.map((c) => c.code)).not.toEqual(expect.arrayContaining(['PP5', 'PS1']));
    expect(s.notes.some((n) => n.text.includes('Pathogenic (reviewed by expert panel, 3★'))).toBe(
      true,
    );
  });

  it('nothing counts until accepted; decisions survive new suggestions; a changed sheet loses its confirmation', () => {
    const sheet = mergeSuggestions(
      undefined,
      suggestCriteria({ ...base, variant: { ...base.variant, modes: ['de_novo'] } }),
    );
    expect(evaluateSheet(sheet).pending).toBe(2);
    expect(evaluateSheet(sheet).points.points).toBe(0);
    const decided = {
      criteria: sheet.criteria.map((c) => ({ ...c, status: 'accepted' as const })),
      confirmed: { cls: 'uncertain_significance' as const, rule: 'x', points: 3, by: 'u', at: 't' },
    };
    expect(evaluateSheet(decided).points.points).toBe(3);
    const again = mergeSuggestions(
      decided,
      suggestCriteria({ ...base, variant: { ...base.variant, modes: ['de_novo'] } }),
    );
    expect(again.confirmed).not.toBeNull();
    const changed = mergeSuggestions(
      decided,
      suggestCriteria({ ...base, ranking: { rank: 1, genes: 9, score: 3, version: 'v' } }),
    );
    expect(changed.criteria.map((c) => c.code).sort()).toEqual(['PM2', 'PM6', 'PP4']);
    expect(changed.confirmed).toBeNull();
  });

  it('issue 18: a missense variant says PS1/PM5 cannot be assessed because the ClinVar extract has no protein change', () => {
    const missense = suggestCriteria({
      ...base,
      variant: { ...base.variant, consequence: 'missense_variant' },
    });
    const note = missense.notes.find((n) => n.code === 'PM5');
    expect(note?.text).toContain('PS1 and PM5 not assessed');
    expect(note?.text).toContain('no protein change');
    expect(suggestCriteria(base).notes.some((n) => n.code === 'PM5')).toBe(false);
  });
});
