import { describe, expect, it } from 'vitest';
import i18n from '.';

// Decision 0095: the case page said "3 records skipped" for one record of four ALTs: the number
// counts alleles (carried by no one, or a breakend, * or <*>), and a record can hold many.
describe('decision 0095: the case facts name what was not imported as alleles', () => {
  it('says alleles, not records, in every language', () => {
    const en = i18n.getFixedT('en');
    expect(en('caseReview.view.skipped', { count: 3 })).toBe(
      '3 alleles not imported (carried by no one of the family, or breakend, * and <*> alleles)',
    );
    expect(en('caseReview.view.skipped', { count: 1 })).toBe(
      '1 allele not imported (carried by no one of the family, or a breakend, * or <*> allele)',
    );
    const words: Record<string, RegExp> = {
      de: /^3 Allele nicht importiert/,
      fr: /^3 allèles non importés/,
      it: /^3 alleli non importati/,
      es: /^3 alelos no importados/,
      pt: /^3 alelos não importados/,
      fi: /^3 alleelia jätetty tuomatta/,
      sv: /^3 alleler inte importerade/,
    };
    for (const [lang, re] of Object.entries(words))
      expect(i18n.getFixedT(lang)('caseReview.view.skipped', { count: 3 }), lang).toMatch(re);
  });
});
