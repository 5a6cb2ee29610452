import type { ClinvarAssertion, ClinvarGene } from './clinvar';
import type { CriterionCode } from './criteria';
import { defaultStrength } from './criteria';
import type { FederationFrequency } from './federationFrequency';
import { federationFrequency } from './federationFrequency';
import type { CriterionEntry, FederatedAnswer } from './sheet';

/**
 * The criteria the case's data can suggest for one variant (issue 18), each with its reason, source
 * and caveat. Suggestions are only suggestions: the sheet counts a criterion once the clinician
 * accepts it. What the data cannot decide is said in `notes` rather than guessed.
 */

/** Frequency thresholds: BA1 5 % (Richards 2015; ClinGen SVI), BS1 1 % default, PM2 1 in 10,000. */
export interface Thresholds {
  readonly ba1: number;
  readonly bs1: number;
  readonly pm2: number;
  /** Why BS1's threshold is what it is (the default's reason when absent). */
  readonly bs1Why?: string;
}
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
    readonly cohort_max_freq: number | null;
    readonly cohort_carriers: number | null;
    readonly modes: readonly string[];
  };
  /** The VCF's INFO frequency fields (the case's `vcf.frequencyFields`). */
  readonly frequencyFields: readonly string[];
  /** Other variants of the gene in trans (the compound-het partner) known pathogenic, and why. */
  readonly transPathogenic: readonly { readonly key: string; readonly why: string }[];
  /** The gene in the case's ranking (issue 17), when ranked. */
  readonly ranking?: {
    readonly rank: number;
    readonly genes: number;
    readonly score: number;
    readonly disease?: string;
    readonly version: string;
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
  /** Criteria the data point at but cannot decide, in words. */
  readonly notes: { readonly code: CriterionCode; readonly text: string }[];
}

const pct = (x: number): string => `${(x * 100).toPrecision(2)} %`;

function entry(
  code: CriterionCode,
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
  };
}

const sci = (x: number): string => (x === 0 ? '0' : x.toPrecision(2));

/** The federation's part of the frequency source, with every answer's node, dataset and time. */
function federationSource(f: FederationFrequency | undefined): string {
  if (f === undefined) return 'federation: not looked up';
  if (f.answered === 0) return 'federation: looked up, no node answered';
  const pooled =
    f.counted === 0
      ? 'no dataset gave a count and a size, so no frequency'
      : `${String(f.carriers.min === f.carriers.max ? f.carriers.min : `${String(f.carriers.min)}–${String(f.carriers.max)}`)} carriers in ${String(f.individuals.min)} individuals over ${String(f.counted)} counted datasets: allele frequency ${sci(f.afLow)} to ${f.afHigh === undefined ? 'unbounded' : sci(f.afHigh)}`;
  const yes =
    f.seenWithoutCount === 0 ? '' : `; seen in ${String(f.seenWithoutCount)} more without a count`;
  return `federation: ${pooled}${yes} (${f.sources.join('; ')})`;
}

const COHORT_CAVEAT =
  "The federation's datasets are patient cohorts, not population controls: a variant that causes the cohort's disease is enriched there.";

function frequency(
  input: SuggestInput,
  t: Thresholds,
  notes: { code: CriterionCode; text: string }[],
): CriterionEntry | undefined {
  const v = input.variant;
  const fed =
    input.federation === undefined
      ? undefined
      : federationFrequency(input.federation, v.variant_key);
  const local = Math.max(v.pop_af ?? 0, v.cohort_max_freq ?? 0);
  // The federation counts only with the frequency its answers guarantee (the lower bound).
  const af = Math.max(local, fed?.afLow ?? 0);
  const fromFed = fed !== undefined && fed.afLow > local;
  const fields =
    input.frequencyFields.length === 0 ? 'no frequency field' : input.frequencyFields.join(', ');
  const source = `VCF INFO (${fields}); local cache (cohort frequency); ${federationSource(fed)}`;
  const where = fromFed ? ' (the least the federation\u2019s counts allow)' : '';
  if (af > t.ba1)
    return entry(
      'BA1',
      `Allele frequency ${pct(af)}${where} is above ${pct(t.ba1)}.`,
      source,
      fromFed ? COHORT_CAVEAT : undefined,
    );
  if (af >= t.bs1)
    return entry(
      'BS1',
      `Allele frequency ${pct(af)}${where} is at or above ${pct(t.bs1)}.`,
      source,
      `BS1 needs a frequency greater than expected for the disorder; ${t.bs1Why ?? 'the 1 % default suits rare Mendelian disease only.'}${fromFed ? ` ${COHORT_CAVEAT}` : ''}`,
    );
  if (af >= t.pm2) {
    if (fromFed)
      notes.push({
        code: 'PM2',
        text: `Not suggested: the federation's counts put the allele frequency at least at ${sci(af)} (threshold ${sci(t.pm2)}). ${COHORT_CAVEAT} Source: ${federationSource(fed)}`,
      });
    return undefined;
  }
  const bound =
    fed?.afHigh === undefined
      ? ''
      : fed.afHigh < t.pm2
        ? ` The federation's counts bound it below ${sci(fed.afHigh)}.`
        : ` The federation's counts allow up to ${sci(fed.afHigh)}, so they neither confirm nor exclude rarity.`;
  return entry(
    'PM2',
    (af === 0
      ? 'Absent from the population frequencies the VCF and the local cache carry.'
      : `Allele frequency ${pct(af)} is below ${pct(t.pm2)}.`) + bound,
    source,
    input.frequencyFields.length === 0
      ? 'The VCF carries no population frequency: absence here is not absence from gnomAD. Applied at supporting (ClinGen SVI 2020).'
      : 'Check coverage at this position in the population data; applied at supporting (ClinGen SVI 2020).',
    'supporting',
  );
}

/** The suggested criteria of one variant. */
export function suggestCriteria(input: SuggestInput): Suggestions {
  const t = input.thresholds ?? DEFAULT_THRESHOLDS;
  const v = input.variant;
  const criteria: CriterionEntry[] = [];
  const notes: { code: CriterionCode; text: string }[] = [];
  const f = frequency(input, t, notes);
  if (f !== undefined) criteria.push(f);

  if (v.modes.includes('de_novo'))
    criteria.push(
      entry(
        'PM6',
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
          `Null variant (${v.consequence ?? ''}) in ${gene}; ClinVar lists ${g.pathogenicNull} pathogenic null variants in ${gene}, so loss of function is a known mechanism.`,
          `ClinVar GRCh38 ${input.clinvar?.release ?? ''}`,
          'Check before accepting (Abou Tayoun 2018): nonsense-mediated decay (not in the last exon or the last 50 bp of the penultimate exon), the transcript is the biologically relevant one, no in-frame rescue or alternative start, and the region is not a known benign truncation. Reduce the strength when any is in doubt.',
        ),
      );
    else
      notes.push({
        code: 'PVS1',
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
      text: `PS1 and PM5 not assessed: the app's ClinVar extract${input.clinvar === undefined ? '' : ` (${input.clinvar.release})`} has no protein change (only genomic HGVS and the consequence), so neither the same amino-acid change nor another missense at this residue can be looked up. Check ClinVar for the protein change before applying either.`,
    });

  const cv = input.clinvar?.variant;
  if (cv !== undefined)
    notes.push({
      code: 'PS1',
      text: `ClinVar: ${cv.significance} (${cv.reviewStatus}, ${cv.stars}\u2605, ${cv.source}). Shown for reference only; check the submitters' evidence rather than counting the assertion.`,
    });
  return { criteria, notes };
}
