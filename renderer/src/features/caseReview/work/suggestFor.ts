import type { ClinvarLookup } from '../../../../../shared/acmg/clinvar';
import { isPathogenicAssertion } from '../../../../../shared/acmg/clinvar';
import { bs1Modes, bs1Threshold } from '../../../../../shared/acmg/bs1';
import type { CacheFrequency } from '../../../../../shared/acmg/frequencyCriteria';
import { said } from '../../../../../shared/acmg/said';
import type { Suggestions, Thresholds } from '../../../../../shared/acmg/suggest';
import { DEFAULT_THRESHOLDS, suggestCriteria } from '../../../../../shared/acmg/suggest';
import type { CaseVariantRow } from '../../../../../shared/cases/channels';
import type { CaseWork } from '../../../../../shared/cases/workChannels';
import type { SeenAnswer } from '../../../../../shared/seen/channels';
import { toFederated } from '../../../../../shared/seen/toFederated';
import type { RankSummary } from '../../../ranking/protocol';

/**
 * The frequency thresholds for the case: BS1 from the named diagnosis's mode of inheritance and the
 * clinician's assumptions (issue 18, shared/acmg/bs1.ts); the 1 % default without a diagnosis.
 */
export function thresholdsFor(work: CaseWork | undefined): Thresholds {
  const d = work?.diagnosis ?? null;
  const t = bs1Threshold({
    ...(d === null ? {} : { disease: { id: d.id, label: d.label } }),
    modes: bs1Modes(d?.inheritance ?? []),
    ...(d?.bs1 === undefined ? {} : { assumptions: d.bs1 }),
    pm2: DEFAULT_THRESHOLDS.pm2,
    ba1: DEFAULT_THRESHOLDS.ba1,
  });
  return { ...DEFAULT_THRESHOLDS, bs1: t.bs1, bs1Why: t.why, bs1Said: t.said };
}

/**
 * The suggestions for one variant from what the page knows: the row, the case's frequency fields,
 * the ranking, ClinVar, and the other reviewed variants of the gene (PM3's partner in trans).
 */
export function suggestFor(opts: {
  row: Pick<CaseVariantRow, 'variant_key' | 'gene' | 'consequence' | 'pop_af' | 'modes'>;
  /** The patient's observed HPO terms: which cohorts are enriched for the case (decision 0051). */
  phenotypes?: readonly string[];
  /** The local cache's carriers per dataset of this allele; absent: the cache was not read. */
  cache?: readonly CacheFrequency[];
  frequencyFields: readonly string[];
  rank: RankSummary | undefined;
  clinvar: ClinvarLookup | undefined;
  work: CaseWork | undefined;
  /** The case's stored seen-before answers (issue 18); none for this allele: not looked up. */
  seen?: readonly SeenAnswer[];
}): Suggestions {
  const { row, rank, clinvar } = opts;
  const gene = rank?.genes.find((g) => g.symbol === row.gene);
  const partners = (opts.work?.variants ?? []).filter(
    (v) =>
      v.variant.variantKey !== row.variant_key &&
      v.variant.gene === row.gene &&
      v.variant.modes.some((m) => m.startsWith('compound_het')),
  );
  const transPathogenic = partners.flatMap((v) => {
    const c = v.sheet.confirmed?.cls;
    if (c === 'pathogenic' || c === 'likely_pathogenic')
      return [
        {
          key: v.variant.variantKey,
          why: `confirmed ${c.replace('_', ' ')}`,
          whySaid: said('pm3.confirmed', { cls: c }),
        },
      ];
    const cv = clinvar?.variants.find((a) => a.variantKey === v.variant.variantKey);
    return cv !== undefined && isPathogenicAssertion(cv.significance)
      ? [
          {
            key: v.variant.variantKey,
            why: `ClinVar ${cv.significance}, ${String(cv.stars)}\u2605`,
            whySaid: said('pm3.clinvar', { significance: cv.significance, stars: cv.stars }),
          },
        ]
      : [];
  });
  const variant = clinvar?.variants.find((a) => a.variantKey === row.variant_key);
  const geneSummary = clinvar?.genes.find((g) => g.gene === row.gene);
  const seen = (opts.seen ?? []).filter((a) => a.key === row.variant_key);
  const diagnosis = opts.work?.diagnosis ?? null;
  return suggestCriteria({
    thresholds: thresholdsFor(opts.work),
    variant: row,
    patient: {
      phenotypes: opts.phenotypes ?? [],
      ...(diagnosis === null ? {} : { diagnosis: { id: diagnosis.id, label: diagnosis.label } }),
    },
    ...(opts.cache === undefined ? {} : { cache: opts.cache }),
    frequencyFields: opts.frequencyFields,
    transPathogenic,
    ...(seen.length === 0 ? {} : { federation: toFederated(seen) }),
    ...(gene === undefined || rank === undefined
      ? {}
      : {
          ranking: {
            rank: gene.rank,
            genes: rank.genes.length,
            score: gene.score,
            ...(gene.diseases[0] === undefined ? {} : { disease: gene.diseases[0].label }),
            version: `Rank tab, ${rank.mode === 'vcf' ? 'phenotype and variants' : 'phenotype only'}`,
            versionSaid: said(rank.mode === 'vcf' ? 'pp4.rankVcf' : 'pp4.rankPhenotype'),
          },
        }),
    ...(clinvar === undefined
      ? {}
      : {
          clinvar: {
            release: clinvar.release,
            coveredGenes: clinvar.coveredGenes,
            ...(variant === undefined ? {} : { variant }),
            ...(geneSummary === undefined ? {} : { gene: geneSummary }),
          },
        }),
  });
}
