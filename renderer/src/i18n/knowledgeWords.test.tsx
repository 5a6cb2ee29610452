import { cleanup, render } from '@testing-library/react';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CIVIC_SIGNIFICANCES, CIVIC_TYPES } from '../../../shared/cancer/tierJson';
import { PANEL_IDS } from '../../../shared/cases/filters';
import type { GeneExplanation } from '../../../shared/ranking/explain';
import { FIT_CODES } from '../../../shared/ranking/inheritance';
import { GeneExplanationView } from '../features/caseReview/GeneExplanationView';
import { resetStore, useStore } from '../store';
import en from './en.json';
import i18n, { SUPPORTED_LANGUAGES, setLanguage } from '.';
import { dataValues, evidence, PANELS, panels, rankFits, views } from './testing/knowledgeViews';

// Issue 22, decision 0075: the clinical-knowledge and ranking views speak the reader's language.
// CIViC's evidence types and significances, the genotype fits, the gene panels' names and the
// ACMG sheet's "all datasets" are worded by the catalogues; CIViC's disease and drug names,
// dataset titles, HPO labels and a panel's release stay as their source wrote them, each in an
// element marked translate="no" so readers, translating browsers and the pseudo-locale pass can
// tell the app's words from the data's.

afterEach(() => {
  cleanup();
  resetStore();
});
afterAll(async () => {
  await setLanguage('en');
});

describe('issue 22: every new word exists in every language', () => {
  it.each(SUPPORTED_LANGUAGES)('%s words the CIViC vocabulary, fits, modes and panels', (lang) => {
    const has = (key: string) => typeof i18n.getResource(lang, 'translation', key) === 'string';
    const keys = [
      ...[...new Set(Object.values(CIVIC_TYPES))].map((c) => `tierEvidence.civicType.${c}`),
      ...[...new Set(Object.values(CIVIC_SIGNIFICANCES))].map(
        (c) => `tierEvidence.civicSignificance.${c}`,
      ),
      ...['allele-grch38', 'protein', 'residue'].map((c) => `tierEvidence.matchedBy.${c}`),
      ...['allele', 'residue', 'indel', 'splice', '3d'].map(
        (c) => `tierEvidence.hotspotLevel.${c}`,
      ),
      'tierEvidence.civicAgainst',
      ...Object.values(FIT_CODES).map((c) => `caseReview.rank.fitWord.${c}`),
      'caseReview.rank.anyMode',
      ...PANEL_IDS.map((id) => `caseReview.filters.panelName.${id}`),
      'acmgText.answer.allDatasets',
      'acmgText.answer.datasetNotNamed',
    ];
    expect(keys.filter((k) => !has(k))).toEqual([]);
  });

  it('English words exactly the fits the ranking gives', () => {
    expect(new Set(Object.keys(en.caseReview.rank.fitWord))).toEqual(
      new Set(Object.values(FIT_CODES)),
    );
  });
});

describe('issue 22: the knowledge and ranking views in the reader’s language', () => {
  it('German: CIViC’s significances, fits, panels and the sheet’s sources worded; names as data', async () => {
    await setLanguage('de');
    useStore.setState({ casePanels: PANELS });
    const c = render(views()).container;
    const lines = evidence(c);
    expect(lines).toContain(
      'CIViC V600E (GRCh38-Allel): prognostisch, ungünstige Prognose, Evidenzlevel A, Colorectal Cancer [EID103]',
    );
    expect(lines).toContain(
      'CIViC V600E (GRCh38-Allel): prädiktiv, Resistenz oder fehlendes Ansprechen, Evidenzlevel D, Melanoma, Vemurafenib [EID90]',
    );
    // Evidence that does not support its statement says so (listed, never counted for the tier).
    expect(lines).toContain(
      'CIViC V600E (GRCh38-Allel): Evidenz dagegen: prognostisch, ungünstige Prognose, Evidenzlevel B, Thyroid Cancer (aufgeführt, nicht gewertet) [EID102]',
    );
    expect(lines.join('\n')).not.toMatch(/Poor Outcome|Resistance or Non-Response|Sensitivity/);
    expect(lines).toContain('Krebs-Hotspot (Allel): BRAF V600E, 897 Tumoren');
    expect(rankFits(c)).toEqual([
      'ein Allel (AD): 2:165310000 G>A',
      'zwei Allele (Phase unbekannt) (beliebige): 7:117560000 T>G',
    ]);
    expect(panels(c)).toEqual([
      'ACMG-Zusatzbefunde (Version ACMG SF v3.1, 2 Gene)',
      'Epilepsie (Genes4Epilepsy) (Version Genes4Epilepsy v2026-03 (reference use; cite Oliver et al.), 1 Gen)',
    ]);
    const sheet = c.querySelector('[data-testid="sheet-v"]')?.textContent ?? '';
    expect(sheet).toContain('alle Datensätze bei Finnish Genome Data Node (FI) (Ja/Nein)');
    expect(sheet).toContain('Spanish neurodevelopmental cohort');
    // The data, and only the data, is marked: CIViC's names, titles, labels, the release.
    const data = dataValues(c);
    expect(data).toEqual(
      expect.arrayContaining([
        'V600E',
        'Thyroid Cancer',
        'Melanoma, Vemurafenib',
        'Genes4Epilepsy v2026-03 (reference use; cite Oliver et al.)',
        'Spanish neurodevelopmental cohort',
        'Finnish Genome Data Node (FI)',
        'Global developmental delay (HP:0001263)',
        'Developmental and epileptic encephalopathy 11 (OMIM:613721)',
      ]),
    );
    expect(data.some((d) => /ungünstige|Allel\b|alle Datensätze|Zusatzbefunde/.test(d))).toBe(
      false,
    );
  });

  it('Finnish: the same views, words in Finnish', async () => {
    await setLanguage('fi');
    useStore.setState({ casePanels: PANELS });
    const c = render(views()).container;
    expect(evidence(c)).toContain(
      'CIViC V600E (GRCh38-alleeli): prognostinen, huono ennuste, taso A, Colorectal Cancer [EID103]',
    );
    expect(rankFits(c)[1]).toBe(
      'kaksi alleelia (faasi tuntematon) (mikä tahansa): 7:117560000 T>G',
    );
    expect(panels(c)[0]).toBe('ACMG-sivulöydökset (versio ACMG SF v3.1, 2 geeniä)');
    expect(c.querySelector('[data-testid="sheet-v"]')?.textContent).toContain('kaikki aineistot');
  });

  it('English reads as CIViC and the ranking write it', async () => {
    await setLanguage('en');
    useStore.setState({ casePanels: PANELS });
    const c = render(views()).container;
    expect(evidence(c)).toContain(
      'CIViC V600E (GRCh38 allele): Prognostic Poor Outcome, level A, Colorectal Cancer [EID103]',
    );
    expect(rankFits(c)[0]).toBe('one allele (AD): 2:165310000 G>A');
    expect(panels(c)[0]).toBe('ACMG secondary findings (version ACMG SF v3.1, 2 genes)');
  });
});

describe('issue 22: the gene explanation’s fit and modes', () => {
  const explanation: GeneExplanation = {
    symbol: 'CFTR',
    rank: 2,
    score: 0.4,
    diseases: [
      {
        id: 'ORPHA:586',
        label: 'Cystic fibrosis',
        modes: ['ANY'],
        log10Phenotype: 0.4,
        observed: [],
        excluded: [],
        unmentioned: { count: 0, log10Lr: 0, examples: [] },
        context: { reasons: [], log10Lr: 0 },
      },
    ],
    genotype: { mode: 'AR', score: 0.05, fit: 'carrier only', variants: [], rarity: 0 },
    changes: [],
  };
  const shown = () =>
    render(<GeneExplanationView explanation={explanation} />).container.textContent;

  it('German and Finnish word them; English reads as the ranking writes it', async () => {
    await setLanguage('de');
    expect(shown()).toContain('Varianten: nur Träger für AR Vererbung');
    expect(shown()).toContain('(ORPHA:586; beliebige)');
    cleanup();
    await setLanguage('fi');
    expect(shown()).toContain('Variantit: vain kantaja, periytymistapa AR');
    cleanup();
    await setLanguage('en');
    expect(shown()).toContain('Variants: carrier only for AR inheritance');
  });
});
