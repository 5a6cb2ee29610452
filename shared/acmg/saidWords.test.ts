import { describe, expect, it } from 'vitest';
import { documentTranslator } from '../i18n/documents';
import { SUPPORTED_LANGUAGES } from '../i18n/languages';
import type { FederatedAnswer } from './sheet';
import type { SuggestInput } from './suggest';
import { suggestCriteria } from './suggest';
import { saidListText, saidText } from './saidWords';

// Issue 22 (decision 0057): the suggestions' codes worded by the document catalogue (the report
// in main; the renderer merges the same tree), every key present in every language.

const KEY = '17-43124027-ACT-A';
const answer: FederatedAnswer = {
  variantKey: KEY,
  node: 'IT',
  dataset: 'IT-CA-01',
  granularity: 'count',
  exists: true,
  count: 3,
  at: '2026-12-06T10:00:00Z',
  individuals: { min: 400, max: 400 },
  declared: { title: 'Hereditary cancer cohort', kind: 'cancer' },
};

describe('issue 22: the ACMG suggestions in the reader’s language', () => {
  it('worded in every language with every key found, numbers in the locale’s format', () => {
    const input: SuggestInput = {
      variant: {
        variant_key: KEY,
        gene: 'BRCA1',
        consequence: 'missense_variant',
        pop_af: 0.012,
        modes: ['de_novo'],
      },
      frequencyFields: ['gnomAD_AF'],
      transPathogenic: [],
      federation: [answer],
      clinvar: { release: '2026-02-26', coveredGenes: [] },
    };
    const s = suggestCriteria(input);
    for (const lang of SUPPORTED_LANGUAGES) {
      const t = documentTranslator(lang);
      for (const c of s.criteria)
        for (const list of [c.said?.reason, c.said?.source, c.said?.caveat])
          if (list !== undefined)
            expect(saidListText(t, lang, list), lang).not.toMatch(/acmgText\.|\{\{/);
      for (const n of s.notes)
        expect(saidListText(t, lang, n.said ?? []), lang).not.toMatch(/acmgText\.|\{\{/);
    }
    expect(s.notes.map((n) => n.said?.[0]?.key)).toEqual([
      'aside.notUsed',
      'aside.ps4',
      'pm5.noteRelease',
    ]);
    const bs1 = s.criteria.find((c) => c.code === 'BS1');
    const reason = bs1?.said?.reason ?? [];
    expect(saidListText(documentTranslator('en'), 'en', reason)).toBe(
      'Allele frequency 1.2% is at or above 1%.',
    );
    expect(saidListText(documentTranslator('de'), 'de', reason)).toBe(
      'Allelfrequenz 1,2\u00a0% liegt bei oder über 1\u00a0%.',
    );
    expect(saidListText(documentTranslator('fi'), 'fi', reason)).toBe(
      'Alleelifrekvenssi 1,2\u00a0% on vähintään 1\u00a0%.',
    );
    const ps4 = s.notes.find((n) => n.code === 'PS4')?.said?.[0];
    expect(ps4 && saidText(documentTranslator('de'), 'de', ps4)).toMatch(
      /^Nicht vorgeschlagen: Das Allel kommt in 1 Datensatz vor/,
    );
  });

  it('the PS1 note words ClinVar’s significance and review status; an unknown status stays as ClinVar writes it', () => {
    const withClinvar = (reviewStatus: string): SuggestInput => ({
      variant: {
        variant_key: KEY,
        gene: 'BRCA1',
        consequence: 'missense_variant',
        pop_af: null,
        modes: [],
      },
      frequencyFields: [],
      transPathogenic: [],
      clinvar: {
        release: '2026-02-26',
        coveredGenes: ['BRCA1'],
        variant: {
          variantKey: KEY,
          variationId: '55555',
          gene: 'BRCA1',
          significance: 'Pathogenic/Likely_pathogenic',
          reviewStatus,
          stars: 3,
          condition: 'Hereditary breast ovarian cancer syndrome',
          source: 'VCF INFO CLNSIG',
          date: null,
        },
      },
    });
    const ps1 = (input: SuggestInput) =>
      suggestCriteria(input).notes.find((n) => n.code === 'PS1')?.said ?? [];
    expect(
      saidListText(documentTranslator('de'), 'de', ps1(withClinvar('reviewed_by_expert_panel'))),
    ).toMatch(
      /^ClinVar: Pathogen\/Wahrscheinlich pathogen \(von einem Expertengremium geprüft, 3★, VCF INFO CLNSIG\)/u,
    );
    expect(
      saidListText(
        documentTranslator('fi'),
        'fi',
        ps1(withClinvar('criteria provided, single submitter')),
      ),
    ).not.toContain('criteria provided');
    expect(
      saidListText(documentTranslator('de'), 'de', ps1(withClinvar('some_future_status'))),
    ).toContain('(some future status, 3★');
  });
});
