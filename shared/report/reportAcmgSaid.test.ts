import { describe, expect, it } from 'vitest';
import { suggestCriteria } from '../acmg/suggest';
import { reportHtml } from './reportHtml';
import { reportFixture } from './testing/reportFixture';

// Issue 22 (decision 0057): an accepted criterion's reason and source reach the report in the
// report's language from their codes; a criterion stored before codes existed keeps its English.

const suggested = suggestCriteria({
  variant: {
    variant_key: '2-166000000-C-T',
    gene: 'SCN1A',
    consequence: 'stop_gained',
    pop_af: null,
    modes: ['de_novo'],
  },
  frequencyFields: ['gnomAD_AF'],
  transPathogenic: [],
}).criteria.map((c) => ({ ...c, status: 'accepted' as const }));

const base = reportFixture();
const first = base.work.variants[0];
if (first === undefined) throw new Error('the fixture has a variant');
const data = {
  ...base,
  work: {
    ...base.work,
    variants: [
      {
        ...first,
        sheet: {
          ...first.sheet,
          criteria: [...first.sheet.criteria.filter((c) => c.code === 'PVS1'), ...suggested],
        },
      },
      ...base.work.variants.slice(1),
    ],
  },
};

describe('issue 22: the ACMG reasons and sources in the report’s language', () => {
  it('German and Finnish from the codes; the English text of an older criterion as stored', () => {
    const de = reportHtml(data, 'de');
    expect(de).toContain(
      '<td>De novo: der Indexpatient trägt die Variante, bei keinem Elternteil wurde sie gefunden.</td><td>Trio-Genotypen (Mutter, Vater)</td>',
    );
    expect(de).toContain(
      '<td>Fehlt in den Populationsfrequenzen aus VCF, lokalem Cache und Föderation.</td>',
    );
    expect(de).toContain(
      'VCF INFO (gnomAD_AF); lokaler Cache (nicht gelesen); Föderation: nicht abgefragt',
    );
    expect(de).toContain('<td>Null variant</td><td>ClinVar</td>');
    const fi = reportHtml(data, 'fi');
    expect(fi).toContain('<td>trion genotyypit (äiti, isä)</td>');
    const en = reportHtml(data, 'en');
    expect(en).toContain(
      '<td>De novo: the proband carries it and both parents were called without it.</td>',
    );
    expect(en).toContain('federation: not looked up');
  });
});
