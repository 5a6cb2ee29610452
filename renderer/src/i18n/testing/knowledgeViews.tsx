import type { ReactElement } from 'react';
import type { EvidenceSheet } from '../../../../shared/acmg/sheet';
import type { SuggestInput } from '../../../../shared/acmg/suggest';
import { suggestCriteria } from '../../../../shared/acmg/suggest';
import { civicOf, geneRole, hotspotOf } from '../../../../shared/cancer/knowledge';
import { parseProteinChange } from '../../../../shared/cancer/proteinChange';
import { proposeTier } from '../../../../shared/cancer/tiering';
import { tumourType } from '../../../../shared/cancer/tumourTypes';
import type { Panel } from '../../../../shared/cases/channels';
import { TierEvidenceList } from '../../features/cancer/TierPanel';
import { GeneFilters } from '../../features/caseReview/GeneFilters';
import { RankList } from '../../features/caseReview/RankList';
import { EvidenceSheetView } from '../../features/caseReview/work/EvidenceSheetView';
import type { RankSummary } from '../../ranking/protocol';

// The clinical-knowledge and ranking views as a case shows them (decision 0075's tests): real
// CIViC 2018 evidence for BRAF V600E, a ranking's fits, the shipped panels' ids and an ACMG sheet
// whose sources name a dataset title, an HPO label and a node's whole answer.

/** BRAF V600E in a melanoma: the CIViC 2018 evidence the app ships, as an import stores it. */
export function brafTierJson(): string {
  const protein = parseProteinChange('p.Val600Glu');
  const maf = '7-140753336-A-T';
  const p = proposeTier({
    tumourType: tumourType('SKCM') ?? null,
    civic: civicOf('BRAF', maf, protein),
    hotspot: hotspotOf('BRAF', maf, protein),
    clinvar: null,
    role: geneRole('BRAF'),
    popAf: null,
  });
  return JSON.stringify({ evidence: p.evidence, missing: p.missing, missingKeys: p.missingKeys });
}

export const SUMMARY: RankSummary = {
  mode: 'vcf',
  unknownTerms: [],
  variants: 3,
  genes: [
    {
      symbol: 'SCN2A',
      rank: 1,
      score: 1.1,
      diseases: [
        { id: 'OMIM:613721', label: 'Developmental and epileptic encephalopathy 11', score: 1 },
      ],
      fit: {
        mode: 'AD',
        fit: 'one allele',
        score: 0.9,
        variants: [
          {
            chrom: '2',
            pos: 165310000,
            ref: 'G',
            alt: 'A',
            consequence: 'missense_variant',
            zygosity: 'het',
          },
        ],
      },
    },
    {
      symbol: 'CFTR',
      rank: 2,
      score: 0.4,
      diseases: [],
      fit: {
        mode: 'ANY',
        fit: 'two alleles (phase unknown)',
        score: 0.5,
        variants: [
          {
            chrom: '7',
            pos: 117560000,
            ref: 'T',
            alt: 'G',
            consequence: 'missense_variant',
            zygosity: 'het',
          },
        ],
      },
    },
  ],
};

const KEY = '2-166000000-C-T';
/** A sheet whose sources name a dataset title, an HPO label and a node's whole answer. */
export function sheetInput(): SuggestInput {
  return {
    variant: {
      variant_key: KEY,
      gene: 'SCN2A',
      consequence: 'missense_variant',
      pop_af: 0.012,
      modes: ['de_novo'],
    },
    frequencyFields: ['gnomAD_AF'],
    transPathogenic: [],
    patient: { phenotypes: ['HP:0001263'] },
    federation: [
      {
        variantKey: KEY,
        node: 'Spanish Genome Data Node (ES)',
        dataset: 'ES-ND-01',
        granularity: 'count',
        exists: true,
        count: 3,
        at: '2026-12-06T10:00:00Z',
        individuals: { min: 400, max: 400 },
        declared: { title: 'Spanish neurodevelopmental cohort', kind: 'neurodevelopmental' },
      },
      {
        variantKey: KEY,
        node: 'Finnish Genome Data Node (FI)',
        dataset: 'all',
        granularity: 'boolean',
        exists: false,
        count: null,
        at: '2026-12-06T10:00:00Z',
      },
    ],
    clinvar: { release: '2026-02-26', coveredGenes: [] },
  };
}

const noop = (): void => undefined;
export function views(): ReactElement {
  const s = suggestCriteria(sheetInput());
  const sheet: EvidenceSheet = { criteria: s.criteria, confirmed: null };
  return (
    <>
      <TierEvidenceList tierJson={brafTierJson()} />
      <RankList id="rank" summary={SUMMARY} />
      <GeneFilters filter={{}} onChange={noop} />
      <EvidenceSheetView
        id="v"
        sheet={sheet}
        notes={s.notes}
        onEdit={noop}
        onConfirm={noop}
        onUnconfirm={noop}
      />
    </>
  );
}

export const PANELS: Panel[] = [
  {
    id: 'acmg-sf' as const,
    label: 'ACMG secondary findings',
    version: 'ACMG SF v3.1',
    genes: ['BRCA1', 'MYH7'],
  },
  {
    id: 'epilepsy' as const,
    label: 'Epilepsy (Genes4Epilepsy)',
    version: 'Genes4Epilepsy v2026-03 (reference use; cite Oliver et al.)',
    genes: ['SCN2A'],
  },
];

export const dataValues = (c: HTMLElement): string[] =>
  [...c.querySelectorAll('[translate="no"]')].map((e) => e.textContent);
export const evidence = (c: HTMLElement): string[] =>
  [...c.querySelectorAll('[data-testid="tier-evidence"] li')].map((li) => li.textContent);
export const rankFits = (c: HTMLElement): string[] =>
  [...c.querySelectorAll('.rank-fit')].map((e) => e.textContent);
export const panels = (c: HTMLElement): string[] =>
  [...c.querySelectorAll('[data-testid="filter-genes"] label')]
    .filter((l) => l.querySelector('[data-testid^="filter-panel-"]') !== null)
    .map((l) => l.textContent);
