import { describe, expect, it } from 'vitest';
import { DISEASES, GENES, geneBySymbol, hpoDescendants, hpoTerm, termLabel } from './index';

describe('reference tables', () => {
  it('has real GRCh38 spans for the planted genes (1-based)', () => {
    expect(geneBySymbol('BRCA1')).toMatchObject({
      chrom: '17',
      start: 43044295,
      end: 43125364,
      strand: '-',
    });
    expect(geneBySymbol('CFTR')).toMatchObject({ chrom: '7', start: 117480025 });
    for (const s of [
      'BRCA2',
      'MLH1',
      'TP53',
      'SCN1A',
      'KCNQ2',
      'CDKL5',
      'FBN1',
      'COL1A1',
      'BRAF',
      'CHEK2',
    ]) {
      expect(geneBySymbol(s), s).toBeDefined();
    }
    expect(GENES.length).toBeGreaterThan(250);
    expect(new Set(GENES.map((g) => g.chrom)).has('22')).toBe(true);
  });

  it('closes HPO upward so descendant queries work', () => {
    expect(hpoTerm('HP:0001250')?.label).toBe('Seizure');
    const seizures = hpoDescendants('HP:0001250');
    expect(seizures.has('HP:0007359')).toBe(true);
    expect(seizures.has('HP:0012469')).toBe(true);
    expect(seizures.has('HP:0003002')).toBe(false);
    expect(hpoDescendants('HP:0000001').size).toBeGreaterThan(250);
    for (const t of hpoDescendants('HP:0000118')) expect(hpoTerm(t), t).toBeDefined();
  });

  it('labels diseases, SO and NCIt sex terms', () => {
    expect(termLabel('ORPHA:586')).toBe('Cystic fibrosis');
    expect(termLabel('ICD10:C50.9')).toMatch(/breast/);
    expect(termLabel('SO:0001583')).toBe('missense_variant');
    expect(termLabel('NCIT:C16576')).toBe('female');
    expect(DISEASES.filter((d) => d.system === 'OMIM').length).toBeGreaterThan(5);
  });
});
