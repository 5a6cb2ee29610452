// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { explainGene } from '../../../../shared/ranking/explain';
import { DEFAULT_RANKING } from '../../../../shared/ranking/rank';
import { tinyCorpus } from '../../../../shared/ranking/testing/tinyCorpus';
import i18n from '../../i18n';
import { GeneExplanationView } from './GeneExplanationView';

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('en');
});

const variant = (gene: string, consequence: string, zygosity: 'het' | 'hom', pos: number) => ({
  gene,
  chrom: 'chr1',
  pos,
  ref: 'C',
  alt: 'T',
  consequence,
  impact: 'HIGH' as const,
  populationAf: null,
  zygosity,
});

// A homozygous stop-gained in a gene without a known disease, in an exome where three genes carry
// one damaging allele: the explanation says how rare two alleles are here (decision 0080).
const explanation = explainGene(
  tinyCorpus(),
  {
    observed: ['HP:0000012'],
    excluded: [],
    sex: 'female',
    variants: [
      variant('GENEX', 'stop_gained', 'hom', 1),
      variant('BG1', 'missense_variant', 'het', 2),
      variant('BG2', 'missense_variant', 'het', 3),
      variant('BG3', 'missense_variant', 'het', 4),
    ],
  },
  'GENEX',
  DEFAULT_RANKING,
);

describe('issue 17 (decision 0080): the explanation words the two-allele credit', () => {
  it('names the exome counts and the log10 credit, in English and German', async () => {
    expect(explanation?.twoAlleles).toBeDefined();
    render(<GeneExplanationView explanation={explanation!} />);
    expect(
      screen.getByText(
        'Two damaging alleles in one gene are rarer by chance in this exome than one (genes with two: 1; with one: 3): +0.30 log10',
      ),
    ).toBeTruthy();
    await act(async () => {
      await i18n.changeLanguage('de');
    });
    expect(
      screen.getByText(
        'Zwei schädigende Allele in einem Gen sind in diesem Exom zufällig seltener als eines (Gene mit zwei: 1; mit einem: 3): +0,30 log10',
      ),
    ).toBeTruthy();
  });
});
