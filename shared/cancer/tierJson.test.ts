import { describe, expect, it } from 'vitest';
import { documentTranslator } from '../i18n/documents';
import { geneRole } from './knowledge';
import { tierLines } from './tierJson';
import { proposeTier } from './tiering';

// Issue 19: the tier evidence lines are stored as catalogue keys with their values (beside the
// English text), so the Somatic tab and the tumour-board report say them in the reader's language.
const proposal = proposeTier({
  tumourType: null,
  civic: [],
  hotspot: { gene: 'BRAF', level: 'allele', label: 'BRAF V600E', tumourCount: 897, tissues: {} },
  clinvar: null,
  role: geneRole('BRAF'),
  popAf: null,
});
const json = JSON.stringify({
  evidence: proposal.evidence,
  missing: proposal.missing,
  missingKeys: proposal.missingKeys,
});

describe('issue 19: tier evidence in the reader’s language', () => {
  it('keeps the English text and says the same through the catalogue', () => {
    const en = tierLines(documentTranslator('en'), json);
    expect(en.evidence.map((e) => e.text)).toEqual(proposal.evidence.map((e) => e.text));
    expect(en.evidence[0]?.text).toBe('Cancer hotspot (allele): BRAF V600E, 897 tumours');
    expect(en.missing).toEqual(['No clinical evidence for this variant in CIViC 2018.']);
  });

  it('says it in German and Finnish, numbers in the language’s form', () => {
    const de = tierLines(documentTranslator('de'), json);
    // The hotspot's level is worded too (decision 0075), not shown as the code "allele".
    expect(de.evidence[0]?.text).toBe('Krebs-Hotspot (Allel): BRAF V600E, 897 Tumoren');
    expect(de.evidence[1]?.text).toBe('Onkogen (CPSR-Superpanel)');
    expect(de.missing).toEqual(['Keine klinische Evidenz zu dieser Variante in CIViC 2018.']);
    const fi = tierLines(documentTranslator('fi'), json);
    expect(fi.evidence[1]?.text).toBe('onkogeeni (CPSR-superpaneeli)');
  });

  it('CIViC’s type, significance and direction are worded; its names stay as CIViC wrote them', () => {
    // Decision 0075: the same words on screen and in the tumour-board report.
    const civic = proposeTier({
      tumourType: null,
      civic: [
        {
          variantId: 12,
          name: 'V600E',
          matchedBy: 'protein',
          evidence: [
            {
              eid: 1,
              variant: 'V600E',
              disease: 'Colorectal Cancer',
              doid: '9256',
              drugs: '',
              type: 'Prognostic',
              direction: 'Supports',
              level: 'A',
              significance: 'Poor Outcome',
              origin: 'Somatic Mutation',
            },
            {
              eid: 2,
              variant: 'V600E',
              disease: 'Melanoma',
              doid: '1909',
              drugs: 'Vemurafenib',
              type: 'Predictive',
              direction: 'Does Not Support',
              level: 'D',
              significance: 'Resistance or Non-Response',
              origin: 'Somatic Mutation',
            },
          ],
        },
      ],
      hotspot: null,
      clinvar: null,
      role: null,
      popAf: null,
    });
    const stored = JSON.stringify({ evidence: civic.evidence, missing: [] });
    // English (the command line's `text`) reads as before, the evidence against now says so.
    expect(civic.evidence.map((e) => e.text)).toEqual([
      'CIViC V600E (protein): Prognostic Poor Outcome, level A, Colorectal Cancer',
      'CIViC V600E (protein): evidence against Predictive Resistance or Non-Response, level D, Melanoma, Vemurafenib (listed, not counted)',
    ]);
    expect(tierLines(documentTranslator('de'), stored).evidence.map((e) => e.text)).toEqual([
      'CIViC V600E (Proteinänderung): prognostisch, ungünstige Prognose, Evidenzlevel A, Colorectal Cancer',
      'CIViC V600E (Proteinänderung): Evidenz dagegen: prädiktiv, Resistenz oder fehlendes Ansprechen, Evidenzlevel D, Melanoma, Vemurafenib (aufgeführt, nicht gewertet)',
    ]);
    expect(tierLines(documentTranslator('fi'), stored).evidence[0]?.text).toBe(
      'CIViC V600E (proteiinimuutos): prognostinen, huono ennuste, taso A, Colorectal Cancer',
    );
    // A significance the catalogue does not know (a later CIViC) is shown as CIViC wrote it.
    const later = stored.replaceAll('Poor Outcome', 'Unheard Of');
    expect(tierLines(documentTranslator('de'), later).evidence[0]?.text).toContain(
      'prognostisch, Unheard Of,',
    );
  });

  it('a case imported before the catalogue keys reads its English text as stored', () => {
    const old = JSON.stringify({
      evidence: [{ kind: 'gene', text: 'oncogene (CPSR superpanel)' }],
      missing: ['No clinical evidence for this variant in CIViC 2018.'],
    });
    expect(tierLines(documentTranslator('de'), old)).toEqual({
      evidence: [{ kind: 'gene', text: 'oncogene (CPSR superpanel)' }],
      missing: ['No clinical evidence for this variant in CIViC 2018.'],
    });
    expect(tierLines(documentTranslator('de'), 'not json')).toEqual({ evidence: [], missing: [] });
  });
});
