import type { ClinvarAssertion, ClinvarGene } from './clinvar';
import type { CriterionCode } from './criteria';
import { defaultStrength } from './criteria';
import type { EnrichmentContext } from './enrichment';
import type { CacheFrequency, EntrySaid, Note, Thresholds } from './frequencyCriteria';
import { frequencyCriterion } from './frequencyCriteria';
import type { Said } from './said';
import { said } from './said';
import type { CriterionEntry, FederatedAnswer } from './sheet';

export type { Thresholds } from './frequencyCriteria';

/**
 * The criteria the case's data can suggest for one variant (issue 18), each with its reason, source
 * and caveat. Suggestions are only suggestions: the sheet counts a criterion once the clinician
 * accepts it. What the data cannot decide is said in `notes` rather than guessed.
 */

export const DEFAULT_THRESHOLDS: Thresholds = { ba1: 0.05, bs1: 0.01, pm2: 0.0001 };

/** Sequence Ontology terms of a null (loss-of-function) variant (PVS1). */
export const NULL_CONSEQUENCES = [
  'transcript_ablation',
  'stop_gained',
  'frameshift_variant',
  'splice_acceptor_variant',
  'splice_donor_variant',
  'start_lost',
] as const;

export interface SuggestInput {
  readonly variant: {
    readonly variant_key: string;
    readonly gene: string | null;
    readonly consequence: string | null;
    readonly pop_af: number | null;
    readonly modes: readonly string[];
  };
  /** The patient's HPO terms and the diagnosis: which datasets are enriched for the case (0051). */
  readonly patient?: Omit<EnrichmentContext, 'gene'>;
  /** The local cache's carriers of the allele per dataset; absent: the cache was not read. */
  readonly cache?: readonly CacheFrequency[];
  /** The VCF's INFO frequency fields (the case's `vcf.frequencyFields`). */
  readonly frequencyFields: readonly string[];
  /** Other variants of the gene in trans (the compound-het partner) known pathogenic, and why. */
  readonly transPathogenic: readonly {
    readonly key: string;
    readonly why: string;
    /** `why` as codes the reader's language words (decision 0057). */
    readonly whySaid?: Said;
  }[];
  /** The gene in the case's ranking (issue 17), when ranked. */
  readonly ranking?: {
    readonly rank: number;
    readonly genes: number;
    readonly score: number;
    readonly disease?: string;
    readonly version: string;
    /** `version` as codes (decision 0057). */
    readonly versionSaid?: Said;
  };
  readonly clinvar?: {
    readonly release: string;
    readonly coveredGenes: readonly string[];
    readonly variant?: ClinvarAssertion;
    readonly gene?: ClinvarGene;
  };
  /** Seen-before answers for this allele; absent: not looked up. */
  readonly federation?: readonly FederatedAnswer[];
  readonly thresholds?: Thresholds;
}

export interface Suggestions {
  readonly criteria: CriterionEntry[];
  /** Criteria the data point at but cannot decide, in words and as codes (decision 0057). */
  readonly notes: Note[];
}

function entry(
  code: CriterionCode,
  said: EntrySaid,
  reason: string,
  source: string,
  caveat?: string,
  strength = defaultStrength(code),
): CriterionEntry {
  return {
    code,
    strength,
    status: 'suggested',
    reason,
    source,
    suggested: true,
    ...(caveat === undefined ? {} : { caveat }),
    said,
  };
}

/** The suggested criteria of one variant. */
export function suggestCriteria(input: SuggestInput): Suggestions {
  const t = input.thresholds ?? DEFAULT_THRESHOLDS;
  const v = input.variant;
  const criteria: CriterionEntry[] = [];
  const notes: Note[] = [];
  const f = frequencyCriterion(
    {
      variantKey: v.variant_key,
      popAf: v.pop_af,
      frequencyFields: input.frequencyFields,
      context: { gene: v.gene, phenotypes: [], ...input.patient },
      ...(input.cache === undefined ? {} : { cache: input.cache }),
      ...(input.federation === undefined ? {} : { federation: input.federation }),
    },
    t,
    notes,
  );
  if (f !== undefined) criteria.push(f);

  if (v.modes.includes('de_novo'))
    criteria.push(
      entry(
        'PM6',
        {
          reason: [said('pm6.reason')],
          source: [said('pm6.source')],
          caveat: [said('pm6.caveat')],
        },
        'De novo: the proband carries it and both parents were called without it.',
        'trio genotypes (mother, father)',
        'Apply PS2 instead when maternity and paternity are confirmed; the app cannot confirm parentage. Check the parents\u2019 depth at this position.',
      ),
    );

  const [partner] = input.transPathogenic;
  if (v.modes.includes('compound_het') && partner !== undefined)
    criteria.push(
      entry(
        'PM3',
        {
          reason: [
            said('pm3.reason', { partner: partner.key, why: partner.whySaid ?? partner.why }),
          ],
          source: [said('pm3.source')],
          caveat: [said('pm3.caveat')],
        },
        `In trans with ${partner.key} (${partner.why}).`,
        'trio genotypes (phase from the parents)',
        'For recessive disorders only; the partner\u2019s own classification must be pathogenic or likely pathogenic.',
      ),
    );

  const terms = (v.consequence ?? '').split(/[&,]/);
  const isNull = NULL_CONSEQUENCES.some((c) => terms.includes(c));
  const gene = v.gene ?? '';
  if (isNull) {
    const g = input.clinvar?.gene;
    if (g !== undefined && g.pathogenicNull >= 3)
      criteria.push(
        entry(
          'PVS1',
          {
            reason: [
              said('pvs1.reason', {
                consequence: v.consequence ?? '',
                gene,
                nulls: g.pathogenicNull,
              }),
            ],
            source: [said('pvs1.source', { release: input.clinvar?.release ?? '' })],
            caveat: [said('pvs1.caveat')],
          },
          `Null variant (${v.consequence ?? ''}) in ${gene}; ClinVar lists ${g.pathogenicNull} pathogenic null variants in ${gene}, so loss of function is a known mechanism.`,
          `ClinVar GRCh38 ${input.clinvar?.release ?? ''}`,
          'Check before accepting (Abou Tayoun 2018): nonsense-mediated decay (not in the last exon or the last 50 bp of the penultimate exon), the transcript is the biologically relevant one, no in-frame rescue or alternative start, and the region is not a known benign truncation. Reduce the strength when any is in doubt.',
        ),
      );
    else
      notes.push({
        code: 'PVS1',
        said: [
          input.clinvar?.coveredGenes.includes(gene) === true
            ? said('pvs1.fewNull', { gene })
            : gene === ''
              ? said('pvs1.notCoveredNoGene')
              : said('pvs1.notCovered', { gene }),
        ],
        text:
          input.clinvar?.coveredGenes.includes(gene) === true
            ? `Null variant, but ClinVar lists too few pathogenic null variants in ${gene} to call loss of function its mechanism.`
            : `Null variant, but the app's ClinVar extract does not cover ${gene || 'this gene'}: check whether loss of function is a known mechanism before applying PVS1.`,
      });
  }

  const r = input.ranking;
  if (r !== undefined && r.rank <= 10 && r.score >= 1)
    criteria.push(
      entry(
        'PP4',
        {
          reason: [
            said(r.disease === undefined ? 'pp4.reason' : 'pp4.reasonDisease', {
              gene,
              rank: r.rank,
              genes: r.genes,
              score: Number(r.score.toFixed(1)),
              disease: r.disease,
            }),
          ],
          source: [said('pp4.source', { version: r.versionSaid ?? r.version })],
          caveat: [said('pp4.caveat')],
        },
        `${gene} ranks ${r.rank} of ${r.genes} for the patient's phenotype (log10 likelihood ratio ${r.score.toFixed(1)}${r.disease === undefined ? '' : `, best disease ${r.disease}`}).`,
        `case ranking (${r.version})`,
        "PP4 needs a phenotype highly specific for a disease with a single genetic cause; don't count it with PP1 segregation of the same phenotype.",
      ),
    );

  // PS1/PM5 compare protein changes; the ClinVar extract in ../shared carries genomic HGVS and the
  // consequence only (no HGVS p., no protein position), so the app cannot make them (issue 18).
  if (terms.includes('missense_variant'))
    notes.push({
      code: 'PM5',
      said: [
        input.clinvar === undefined
          ? said('pm5.note')
          : said('pm5.noteRelease', { release: input.clinvar.release }),
      ],
      text: `PS1 and PM5 not assessed: the app's ClinVar extract${input.clinvar === undefined ? '' : ` (${input.clinvar.release})`} has no protein change (only genomic HGVS and the consequence), so neither the same amino-acid change nor another missense at this residue can be looked up. Check ClinVar for the protein change before applying either.`,
    });

  const cv = input.clinvar?.variant;
  if (cv !== undefined)
    notes.push({
      code: 'PS1',
      said: [
        said('ps1.clinvar', {
          significance: cv.significance,
          review: cv.reviewStatus,
          stars: cv.stars,
          source: cv.source,
        }),
      ],
      text: `ClinVar: ${cv.significance} (${cv.reviewStatus}, ${cv.stars}\u2605, ${cv.source}). Shown for reference only; check the submitters' evidence rather than counting the assertion.`,
    });
  return { criteria, notes };
}
