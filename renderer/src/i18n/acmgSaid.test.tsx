import { cleanup, render } from '@testing-library/react';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { bs1Threshold } from '../../../shared/acmg/bs1';
import type { EvidenceSheet } from '../../../shared/acmg/sheet';
import type { SuggestInput } from '../../../shared/acmg/suggest';
import { suggestCriteria } from '../../../shared/acmg/suggest';
import { EvidenceSheetView } from '../features/caseReview/work/EvidenceSheetView';
import i18n, { setLanguage } from '.';
import { saidLine } from './acmgSaid';

// Issue 22 (decision 0057): the ACMG sheet's suggestions, caveats and notes arrive as codes and
// numbers and are worded in the app's language; a case stored before codes shows its English.

afterEach(cleanup);
afterAll(async () => {
  await setLanguage('en');
});

const KEY = '2-166000000-C-T';
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
  federation: [
    {
      variantKey: KEY,
      node: 'IT',
      dataset: 'IT-CA-01',
      granularity: 'count',
      exists: true,
      count: 3,
      at: '2026-12-06T10:00:00Z',
      individuals: { min: 400, max: 400 },
      declared: { title: 'Hereditary cancer cohort', kind: 'cancer' },
    },
  ],
  clinvar: { release: '2026-02-26', coveredGenes: [] },
};
const s = suggestCriteria(input);
const sheet: EvidenceSheet = { criteria: s.criteria, confirmed: null };
const noop = (): void => undefined;
const shown = () =>
  render(
    <EvidenceSheetView
      id="v"
      sheet={sheet}
      notes={s.notes}
      onEdit={noop}
      onConfirm={noop}
      onUnconfirm={noop}
    />,
  ).container;
const row = (c: HTMLElement, code: string): string =>
  c.querySelector(`tr[data-criterion="${code}"]`)?.textContent ?? '';
const notes = (c: HTMLElement): string[] =>
  [...c.querySelectorAll('ul.hint li')].map((li) => li.textContent);

describe('issue 22: the ACMG sheet’s suggestions in the user’s language', () => {
  it('German: reasons, sources, caveats and notes, percentages in German form', async () => {
    await setLanguage('de');
    const c = shown();
    expect(row(c, 'BS1')).toContain('Allelfrequenz 1,2\u00a0% liegt bei oder über 1\u00a0%.');
    expect(row(c, 'BS1')).toContain(
      'BS1 verlangt eine höhere Frequenz als für die Erkrankung zu erwarten',
    );
    expect(row(c, 'BS1')).toContain(
      'VCF INFO (gnomAD_AF); lokaler Cache (nicht gelesen); Föderation: abgefragt; kein für die Frequenz verwendbarer Datensatz hat geantwortet',
    );
    expect(row(c, 'PM6')).toContain('Trio-Genotypen (Mutter, Vater)');
    const n = notes(c);
    expect(n[0]).toMatch(
      /^BS1: Nicht für BA1\/BS1\/PM2 verwendet \(zur Information\): IT-CA-01 bei IT \(Anzahl\): 3 von 400 Individuen/,
    );
    expect(n[0]).toContain(
      'Allelfrequenz 0,0038 bis 0,0075 — Hereditary cancer cohort: angereichert für Träger von BRCA1',
    );
    expect(n[1]).toMatch(/^PS4: Nicht vorgeschlagen: Das Allel kommt in 1 Datensatz vor/);
    expect(n[2]).toMatch(
      /^PM5: PS1 und PM5 nicht bewertet: Der ClinVar-Auszug der App \(2026-02-26\)/,
    );
    expect(c.textContent).not.toMatch(/Allele frequency|Not suggested|acmgText/);
  });

  it('Finnish, and English as before', async () => {
    await setLanguage('fi');
    const fi = shown();
    expect(row(fi, 'BS1')).toContain('Alleelifrekvenssi 1,2\u00a0% on vähintään 1\u00a0%.');
    expect(notes(fi)[1]).toMatch(/^PS4: Ei ehdoteta: alleelia kantaa 1 aineisto/);
    cleanup();
    await setLanguage('en');
    const en = shown();
    expect(row(en, 'BS1')).toContain('Allele frequency 1.2% is at or above 1%.');
    expect(notes(en)[1]).toMatch(
      /^PS4: Not suggested: the allele is carried in 1 dataset enriched/,
    );
  });

  it('a case stored before the codes shows its English text as written', async () => {
    await setLanguage('de');
    const old: EvidenceSheet = {
      criteria: [
        {
          code: 'PM2',
          strength: 'supporting',
          status: 'suggested',
          reason: 'Absent from gnomAD.',
          source: 'VCF INFO (gnomAD_AF)',
          suggested: true,
        },
      ],
      confirmed: null,
    };
    const c = render(
      <EvidenceSheetView
        id="o"
        sheet={old}
        notes={[{ code: 'PS1', text: 'ClinVar: Pathogenic.' }]}
        onEdit={noop}
        onConfirm={noop}
        onUnconfirm={noop}
      />,
    ).container;
    expect(row(c, 'PM2')).toContain('Absent from gnomAD.');
    expect(row(c, 'PM2')).toContain('Quelle');
    expect(notes(c)).toEqual(['PS1: ClinVar: Pathogenic.']);
  });

  it('BS1’s threshold for the diagnosis, its numbers in the language', async () => {
    const t = bs1Threshold({
      disease: { id: 'OMIM:604370', label: 'Breast-ovarian cancer' },
      modes: ['AD'],
      pm2: 0.0001,
      ba1: 0.05,
    });
    await setLanguage('de');
    expect(saidLine(i18n.t, t.said)).toBe(
      'Schwellenwert 0,05\u00a0%: die maximal plausible Allelfrequenz (Whiffin et al. 2017) für Breast-ovarian cancer (OMIM:604370), AD (AD 0,05\u00a0%), mit Prävalenz 0,0005, allelischem Anteil 1, genetischem Anteil 1 und Penetranz 0,5; passen Sie diese Werte an, sobald sie für die Erkrankung bekannt sind.',
    );
  });
});
