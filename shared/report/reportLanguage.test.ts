import { describe, expect, it } from 'vitest';
import { formatNumber } from '../i18n/format';
import { SUPPORTED_LANGUAGES } from '../i18n/languages';
import { reportHtml } from './reportHtml';
import { reportFixture } from './testing/reportFixture';

const data = reportFixture({
  federated: [
    {
      variantKey: '2-166000000-C-T',
      node: 'IT',
      dataset: 'IT-RD-01',
      granularity: 'count',
      exists: true,
      count: 3,
      individuals: { min: 6400, max: 6400 },
      at: '2026-12-06T09:00:00Z',
    },
  ],
});

/** What a program reads in a report: every data-* and datetime attribute, in document order. */
const machineParts = (html: string): string[] =>
  [...html.matchAll(/\s(data-[\w-]+|datetime)="([^"]*)"/g)].map((m) => `${m[1]}=${m[2]}`);

describe('issue 22: the report in the reader’s language, English to share abroad', () => {
  it('German: translated headings, words and classes, numbers in German form', () => {
    const html = reportHtml(data, 'de');
    expect(html).toContain('<html lang="de">');
    for (const s of [
      '<h1>Befund der genomischen Analyse</h1>',
      '<h2>Patient/in</h2>',
      '<h2>Methode</h2>',
      '<h2>Berichtete Varianten</h2>',
      '<h2>Einschränkungen</h2>',
      '<h2>Freigabe</h2>',
      'Freigegeben von <strong>dr.lee</strong>',
      '<strong>Pathogen</strong>',
      'Populations-AF ≤ 0,001',
      'heterozygot (0/1)',
      'de novo; autosomal-dominant',
      'Stopp-Gewinn (Nonsense) (stop_gained)',
      '<td>6.400</td>',
      'Seizure (HP:0001250)',
      'PM6_Strong',
    ])
      expect(html).toContain(s);
    expect(html).not.toContain('Genomic analysis report');
    expect(html).not.toContain('Limitations');
  });

  it('French: translated headings, numbers with the French group separator and decimal comma', () => {
    const html = reportHtml(data, 'fr');
    expect(html).toContain('<html lang="fr">');
    for (const s of [
      '<h1>Compte rendu d’analyse génomique</h1>',
      '<h2>Variants rapportés</h2>',
      '<h2>Limites</h2>',
      'Validé par <strong>dr.lee</strong>',
      '<strong>Pathogène</strong>',
      'AF en population ≤ 0,001',
      `<td>${formatNumber(6400, 'fr')}</td>`,
      'gain de codon stop (non-sens) (stop_gained)',
    ])
      expect(html).toContain(s);
    // French groups thousands with a narrow no-break space, never with a comma or a point.
    expect(formatNumber(6400, 'fr')).toBe('6\u202f400');
  });

  it('the English choice gives the English report', () => {
    const html = reportHtml(data, 'en');
    expect(html).toBe(reportHtml(data));
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>Genomic analysis report</h1>');
    expect(html).toContain('Population AF ≤ 0.001');
    expect(html).toContain('<td>6,400</td>');
    expect(html).not.toContain('Befund');
  });

  it('the machine-readable parts (data-* attributes, datetimes, ids, codes) are the same in every language', () => {
    const english = reportHtml(data, 'en');
    const parts = machineParts(english);
    expect(parts).toContain('data-variant=2-166000000-C-T');
    expect(parts).toContain('data-class=pathogenic');
    expect(parts).toContain('datetime=2026-12-06T09:00:00Z');
    for (const lang of SUPPORTED_LANGUAGES) {
      const html = reportHtml(data, lang);
      expect(machineParts(html), lang).toEqual(parts);
      for (const code of [
        'HP:0001250',
        'HP:0000365',
        'NM_001165963.4:c.2134C&gt;T',
        'NP_001159435.1:p.Arg712Ter',
        'PVS1',
        'PM2_Supporting',
        'OMIM:607208',
        'IT-RD-01',
        'PSEUDO-0042',
      ])
        expect(html, `${lang}: ${code}`).toContain(code);
    }
  });

  it('every language has every report string (no key shows through)', () => {
    for (const lang of SUPPORTED_LANGUAGES)
      expect(reportHtml(data, lang), lang).not.toMatch(/(report|terms)\.[a-zA-Z]+\.[\w.]+/);
  });
});
