import { describe, expect, it } from 'vitest';
import { civicOf, clinvarSomaticOf, geneRole, hotspotOf, mafKey } from './knowledge';
import { parseProteinChange } from './proteinChange';

describe('issue 19: the committed knowledge tables', () => {
  it('MAF keys of VCF alleles: SNV as is, deletions and insertions without the anchor base', () => {
    expect(mafKey('7', 140753336, 'A', 'T')).toBe('7-140753336-A-T');
    expect(mafKey('7', 55174771, 'AGGAATTAAGAGAAGC', 'A')).toBe('7-55174772-GGAATTAAGAGAAGC--');
    expect(mafKey('1', 100, 'C', 'CTT')).toBe('1-100---TT');
  });

  it('parses HGVS p. in three- and one-letter forms', () => {
    expect(parseProteinChange('ENSP1:p.Val600Glu')).toEqual({
      short: 'V600E',
      position: 600,
      refAa: 'V',
    });
    expect(parseProteinChange('p.(Arg175His)')?.short).toBe('R175H');
    expect(parseProteinChange('ENSP:p.Glu746_Ala750del')?.short).toBe('E746_A750del');
    expect(parseProteinChange('p.Ser12=')).toBeNull();
    expect(parseProteinChange(null)).toBeNull();
  });

  it("README's verified records: BRAF V600E and TP53 R175H hotspots, CIViC EID1409, ClinVar 12374", () => {
    const v600e = parseProteinChange('p.Val600Glu');
    expect(hotspotOf('BRAF', '7-140753336-A-T', v600e)).toMatchObject({
      level: 'allele',
      label: 'BRAF V600E',
      tumourCount: 897,
    });
    expect(hotspotOf('TP53', '17-7675088-C-T', parseProteinChange('p.Arg175His'))).toMatchObject({
      level: 'allele',
      tumourCount: 416,
    });
    const civic = civicOf('BRAF', '7-140753336-A-T', v600e);
    expect(civic[0]).toMatchObject({ variantId: 12, matchedBy: 'allele-grch38' });
    expect(civic[0]?.evidence.find((e) => e.eid === 1409)).toMatchObject({
      level: 'A',
      disease: 'Skin Melanoma',
      drugs: 'Vemurafenib',
    });
    expect(clinvarSomaticOf('17-7675088-C-T')).toMatchObject({
      variationId: 12374,
      oncogenicity: 'Oncogenic',
    });
  });

  it('a residue hotspot without the allele, a CIViC residue-level variant, and a gene with no knowledge', () => {
    expect(hotspotOf('KRAS', '12-1-X-Y', parseProteinChange('p.Gly12Val'))).toMatchObject({
      level: 'residue',
      label: 'KRAS G12',
    });
    const names = civicOf('KRAS', '12-1-X-Y', parseProteinChange('p.Gly12Val')).map(
      (h) => h.matchedBy,
    );
    expect(names).toContain('protein');
    expect(hotspotOf('TTN', '2-1-G-A', parseProteinChange('p.Pro100Leu'))).toBeNull();
    expect(geneRole('TP53')).toMatchObject({ tumourSuppressor: true, predisposition: true });
    expect(geneRole('TTN')).toBeNull();
  });
});
