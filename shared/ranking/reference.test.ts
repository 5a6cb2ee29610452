import { describe, expect, it } from 'vitest';
import { ANNOTATIONS_VERSION } from './annotations.data';
import { referenceCorpus } from './reference';

describe('issue 17: the committed reference corpus', () => {
  it('holds the 2023-01 HPO annotations over the 2024-08-13 ontology', () => {
    const c = referenceCorpus();
    expect(ANNOTATIONS_VERSION).toEqual({ hpoa: '2023-01-27', hpo: '2024-08-13' });
    expect(c.diseases).toHaveLength(12606);
    expect(c.genes).toHaveLength(4895);
    const cdls = c.diseases.find((d) => d.id === 'OMIM:122470');
    expect(cdls?.label).toBe('Cornelia de Lange syndrome 1');
    expect(cdls && [...cdls.genes].map((g) => c.genes[g]?.symbol)).toEqual(['NIPBL']);
    // Genes are found by the VCF's symbol and by the annotation's, when they differ.
    const withAlias = c.genes.find((g) => g.alias !== '');
    expect(withAlias && c.geneIndex(withAlias.alias)).toBe(withAlias && c.genes.indexOf(withAlias));
    // Seizure is common across diseases; its IC is low but positive.
    const seizure = c.ontology.indexOf('HP:0001250')!;
    expect(c.ic[seizure]).toBeGreaterThan(0.5);
    expect(c.ic[seizure]).toBeLessThan(3);
  });
});
