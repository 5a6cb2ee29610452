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
    expect(de.evidence[0]?.text).toBe('Krebs-Hotspot (allele): BRAF V600E, 897 Tumoren');
    expect(de.evidence[1]?.text).toBe('Onkogen (CPSR-Superpanel)');
    expect(de.missing).toEqual(['Keine klinische Evidenz zu dieser Variante in CIViC 2018.']);
    const fi = tierLines(documentTranslator('fi'), json);
    expect(fi.evidence[1]?.text).toBe('onkogeeni (CPSR-superpaneeli)');
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
