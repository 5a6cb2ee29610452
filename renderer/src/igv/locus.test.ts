import { describe, expect, it } from 'vitest';
import { createGeneIndex, parseGenes } from './geneIndex';
import { resolveLocus } from './locus';

const genes = createGeneIndex(
  parseGenes(
    '#chrom\tstart0\tend\tsymbol\tstrand\nchr17\t43044294\t43125364\tBRCA1\t-\nchr7\t140719326\t140924929\tBRAF\t-\nchr17\t7668401\t7687550\tTP53\t-\n',
  ),
);

describe('locus box (issue 8)', () => {
  it('takes a gene, case-insensitively, as its 1-based span', async () => {
    expect(await resolveLocus('brca1', genes)).toMatchObject({
      ok: true,
      kind: 'gene',
      locus: 'chr17:43044295-43125364',
      label: 'BRCA1',
    });
  });

  it('takes a region with or without chr and commas', async () => {
    expect(await resolveLocus('chr17:43,044,295-43,125,483', genes)).toMatchObject({
      ok: true,
      locus: 'chr17:43044295-43125483',
    });
    expect(await resolveLocus('X:100-200', genes)).toMatchObject({
      ok: true,
      locus: 'chrX:100-200',
    });
  });

  it('takes a variant chr-pos-ref-alt and centres it with a flank', async () => {
    const v = await resolveLocus('17-43045712-G-A', genes);
    expect(v).toMatchObject({
      ok: true,
      kind: 'variant',
      locus: 'chr17:43045692-43045732',
      variantKey: '17-43045712-G-A',
    });
  });

  it('takes gene + amino-acid change, found in the cache or falling back to the gene', async () => {
    const found = await resolveLocus('BRAF V600E', genes, (gene, aa) =>
      Promise.resolve(
        gene === 'BRAF' && aa === 'V600E' ? { chrom: '7', pos: 140753336 } : undefined,
      ),
    );
    expect(found).toMatchObject({ ok: true, kind: 'geneAa', locus: 'chr7:140753316-140753356' });
    const missing = await resolveLocus('TP53 p.Arg175His', genes, () => Promise.resolve(undefined));
    expect(missing).toMatchObject({ ok: true, kind: 'gene', locus: 'chr17:7668402-7687550' });
  });

  it('says what is wrong for unknown genes and bad regions', async () => {
    expect(await resolveLocus('NOTAGENE1', genes)).toMatchObject({
      ok: false,
      message: expect.stringContaining('NOTAGENE1') as unknown,
    });
    expect(await resolveLocus('17:500-100', genes)).toMatchObject({ ok: false });
    expect(genes.suggest('br').map((g) => g.symbol)).toEqual(['BRAF', 'BRCA1']);
  });
});
