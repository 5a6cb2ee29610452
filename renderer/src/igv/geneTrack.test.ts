import { describe, expect, it } from 'vitest';
import { EXON_TABLE_HEADER, parseExonTable } from '../../../shared/genome/gtfExons';
import { createGeneIndex } from './geneIndex';
import { geneFeature } from './trackConfigs';

// One exons.tsv row as scripts/buildGenomeAssets.mjs writes it (synthetic test data).
const TABLE = `${EXON_TABLE_HEADER}chr1\t100\t1000\tGENEA\t+\tT1\t150\t700\t100,100,500\t0,200,400\n`;

describe('gene track exon structure (issue 8)', () => {
  it('draws exons where the exon table has the gene, and the span otherwise', () => {
    const genes = createGeneIndex(
      [
        { chrom: 'chr1', start0: 90, end: 1000, symbol: 'GENEA', strand: '+' },
        { chrom: 'chr1', start0: 5000, end: 5100, symbol: 'GENEB', strand: '+' },
      ],
      parseExonTable(TABLE),
    );
    const [a, b] = genes.genes.map((g) => geneFeature(genes, g));
    expect(a).toEqual({
      chr: 'chr1',
      start: 100,
      end: 1000,
      name: 'GENEA',
      strand: '+',
      exons: [
        { start: 100, end: 200, cdStart: 150 },
        { start: 300, end: 400 },
        { start: 500, end: 1000, cdEnd: 700 },
      ],
    });
    expect(b).toEqual({ chr: 'chr1', start: 5000, end: 5100, name: 'GENEB', strand: '+' });
  });

  it('keeps the span when the exon table puts the gene on another chromosome', () => {
    const genes = createGeneIndex(
      [{ chrom: 'chr2', start0: 90, end: 1000, symbol: 'GENEA', strand: '+' }],
      parseExonTable(TABLE),
    );
    expect(geneFeature(genes, genes.genes[0]!).exons).toBeUndefined();
  });
});
