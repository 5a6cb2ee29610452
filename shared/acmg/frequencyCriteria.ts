import type { CriterionCode } from './criteria';
import { defaultStrength } from './criteria';
import type { DatasetDeclaration, EnrichmentContext } from './enrichment';
import { datasetUse } from './enrichment';
import type { FederationFrequency } from './federationFrequency';
import { federationFrequency, sourceLine } from './federationFrequency';
import type { CriterionEntry, FederatedAnswer } from './sheet';

/**
 * BA1, BS1 and PM2 from the VCF's population frequency, the local cache and the federation (issue
 * 18), each dataset first judged by what it declares (enrichment.ts; decision 0051): only
 * population references and cohorts of unrelated diseases give a frequency. The others are named
 * in a note with their frequency, as information; carriers in a cohort enriched for the case's
 * disease are pointed to PS4, which the app never suggests (it cannot check relatedness, the
 * carriers' phenotypes or matched controls).
 */

/** Frequency thresholds: BA1 5 % (Richards 2015; ClinGen SVI), BS1 1 % default, PM2 1 in 10,000. */
export interface Thresholds {
  readonly ba1: number;
  readonly bs1: number;
  readonly pm2: number;
  /** Why BS1's threshold is what it is (the default's reason when absent). */
  readonly bs1Why?: string;
}

/** One cached dataset's carriers of the allele, with what the dataset declares (its manifest). */
export interface CacheFrequency {
  readonly datasetId: string;
  readonly carriers: number;
  /** Individuals of the dataset in the cache. */
  readonly individuals: number;
  readonly declared: DatasetDeclaration;
}

export interface FrequencyInput {
  readonly variantKey: string;
  readonly popAf: number | null;
  readonly frequencyFields: readonly string[];
  readonly context: EnrichmentContext;
  /** The cache's carriers per dataset; absent: the cache was not read. */
  readonly cache?: readonly CacheFrequency[];
  /** Seen-before answers; absent: not looked up. */
  readonly federation?: readonly FederatedAnswer[];
}

/** A cached dataset needs this many individuals before its frequency counts (the filter's default). */
export const MIN_CACHE_INDIVIDUALS = 20;

type Note = { code: CriterionCode; text: string };
const pct = (x: number): string => `${(x * 100).toPrecision(2)} %`;
const sci = (x: number): string => (x === 0 ? '0' : x.toPrecision(2));
const range = (lo: number, hi: number | undefined): string =>
  `${sci(lo)} to ${hi === undefined ? 'unbounded' : sci(hi)}`;

function entry(
  code: CriterionCode,
  reason: string,
  source: string,
  caveat?: string,
  strength = defaultStrength(code),
): CriterionEntry {
  const base = { code, strength, status: 'suggested' as const, reason, source, suggested: true };
  return caveat === undefined ? base : { ...base, caveat };
}

/** The federation's part of the frequency source, with every answer's node, dataset and time. */
function federationSource(f: FederationFrequency | undefined, looked: boolean): string {
  if (!looked) return 'federation: not looked up';
  if (f === undefined || f.answered === 0)
    return 'federation: looked up, no dataset usable for frequency answered';
  const pooled =
    f.counted === 0
      ? 'no usable dataset gave a count and a size, so no frequency'
      : `${String(f.carriers.min === f.carriers.max ? f.carriers.min : `${String(f.carriers.min)}–${String(f.carriers.max)}`)} carriers in ${String(f.individuals.min)} individuals over ${String(f.counted)} counted datasets: allele frequency ${range(f.afLow, f.afHigh)}`;
  const yes =
    f.seenWithoutCount === 0 ? '' : `; seen in ${String(f.seenWithoutCount)} more without a count`;
  return `federation: ${pooled}${yes} (${f.sources.join('; ')})`;
}

const DECLARED_CAVEAT =
  'Only population references and cohorts of unrelated diseases are counted, as their nodes declare them; check the declarations before accepting.';

/** The frequency criterion (or none) and the notes on what was set aside. */
export function frequencyCriterion(
  input: FrequencyInput,
  t: Thresholds,
  notes: Note[],
): CriterionEntry | undefined {
  const ctx = input.context;
  const mine = (input.federation ?? []).filter((a) => a.variantKey === input.variantKey);
  const judged = mine.map((a) => ({ a, u: datasetUse(a.declared, ctx) }));
  const usedFed = judged.filter((j) => j.u.use || j.a.error !== undefined).map((j) => j.a);
  const asideFed = judged.filter((j) => !j.u.use && j.a.error === undefined);
  const fed =
    input.federation === undefined ? undefined : federationFrequency(usedFed, input.variantKey);
  const cache = (input.cache ?? []).map((c) => ({ c, u: datasetUse(c.declared, ctx) }));
  const cacheAf = (c: CacheFrequency): number =>
    c.individuals >= MIN_CACHE_INDIVIDUALS ? c.carriers / (2 * c.individuals) : 0;
  const usedCache = cache.filter((x) => x.u.use);
  const cacheLow = Math.max(0, ...usedCache.map((x) => cacheAf(x.c)));
  const local = Math.max(input.popAf ?? 0, cacheLow);
  // The federation counts only with the frequency its answers guarantee (the lower bound).
  const af = Math.max(local, fed?.afLow ?? 0);
  const fromFed = fed !== undefined && fed.afLow > local;
  const fields =
    input.frequencyFields.length === 0 ? 'no frequency field' : input.frequencyFields.join(', ');
  const cacheText =
    input.cache === undefined
      ? 'not read'
      : usedCache.length === 0
        ? 'no usable dataset'
        : usedCache
            .map((x) => `${x.c.datasetId}: ${String(x.c.carriers)} of ${String(x.c.individuals)}`)
            .join('; ');
  const source = `VCF INFO (${fields}); local cache (${cacheText}); ${federationSource(fed, input.federation !== undefined)}`;
  setAsideNotes(
    asideFed,
    cache.filter((x) => !x.u.use),
    notes,
  );

  const where = fromFed ? ' (the least the federation\u2019s counts allow)' : '';
  const declared = fromFed || (cacheLow > 0 && cacheLow >= (input.popAf ?? 0));
  if (af > t.ba1)
    return entry(
      'BA1',
      `Allele frequency ${pct(af)}${where} is above ${pct(t.ba1)}.`,
      source,
      declared ? DECLARED_CAVEAT : undefined,
    );
  if (af >= t.bs1)
    return entry(
      'BS1',
      `Allele frequency ${pct(af)}${where} is at or above ${pct(t.bs1)}.`,
      source,
      `BS1 needs a frequency greater than expected for the disorder; ${t.bs1Why ?? 'the 1 % default suits rare Mendelian disease only.'}${declared ? ` ${DECLARED_CAVEAT}` : ''}`,
    );
  if (af >= t.pm2) {
    if (fromFed)
      notes.push({
        code: 'PM2',
        text: `Not suggested: the counts of the datasets usable for frequency put the allele frequency at least at ${sci(af)} (threshold ${sci(t.pm2)}). Source: ${federationSource(fed, true)}`,
      });
    return undefined;
  }
  const bound =
    fed?.afHigh === undefined || fed.counted === 0
      ? ''
      : fed.carriers.max === 0
        ? ` No carrier in the ${String(fed.individuals.min)} individuals of the federation's datasets usable for frequency.`
        : fed.afHigh < t.pm2
          ? ` The federation's counts bound it below ${sci(fed.afHigh)}.`
          : ` The federation's counts allow up to ${sci(fed.afHigh)}, so they neither confirm nor exclude rarity.`;
  return entry(
    'PM2',
    (af === 0
      ? 'Absent from the population frequencies the VCF, the local cache and the federation carry.'
      : `Allele frequency ${pct(af)} is below ${pct(t.pm2)}.`) + bound,
    source,
    input.frequencyFields.length === 0
      ? 'The VCF carries no population frequency: absence here is not absence from gnomAD. Applied at supporting (ClinGen SVI 2020).'
      : 'Check coverage at this position in the population data; applied at supporting (ClinGen SVI 2020).',
    'supporting',
  );
}

/**
 * The datasets set aside, each with why and its own frequency (information, never a criterion),
 * and, where carriers sit in cohorts enriched for the case's disease, why that is PS4's question.
 */
function setAsideNotes(
  fed: readonly { a: FederatedAnswer; u: { enriched: boolean; why: string } }[],
  cache: readonly { c: CacheFrequency; u: { enriched: boolean; why: string } }[],
  notes: Note[],
): void {
  const lines = [
    ...fed.map(({ a, u }) => {
      const f = federationFrequency([a], a.variantKey);
      const freq = f.counted === 0 ? '' : `, allele frequency ${range(f.afLow, f.afHigh)}`;
      return {
        enriched: u.enriched,
        carried: carried(a),
        text: `${sourceLine(a)}${freq} \u2014 ${u.why}`,
      };
    }),
    ...cache.map(({ c, u }) => ({
      enriched: u.enriched,
      carried: c.carriers > 0,
      text: `${c.datasetId} (local cache): ${String(c.carriers)} carriers of ${String(c.individuals)} individuals${c.individuals > 0 ? `, allele frequency ${range(c.carriers / (2 * c.individuals), Math.min(1, c.carriers / c.individuals))}` : ''} \u2014 ${u.why}`,
    })),
  ];
  if (lines.length === 0) return;
  notes.push({
    code: 'BS1',
    text: `Not used for BA1/BS1/PM2 (shown for information): ${lines.map((l) => l.text).join('; ')}.`,
  });
  const cases = lines.filter((l) => l.enriched && l.carried);
  if (cases.length > 0)
    notes.push({
      code: 'PS4',
      text: `Not suggested: the allele is carried in ${String(cases.length)} dataset${cases.length === 1 ? '' : 's'} enriched for the case's disease (named above). That is case evidence, not a population frequency; PS4 needs its prevalence in affected individuals to be significantly higher than in controls (Richards 2015: a case-control odds ratio above 5 with a confidence interval excluding 1; for very rare alleles, counted unrelated probands with the same phenotype, at a strength the gene's expert panel sets). The app cannot check relatedness, the carriers' phenotypes against the patient's, or matched controls: apply PS4 by hand only after that comparison.`,
    });
}

const carried = (a: FederatedAnswer): boolean =>
  a.exists === true || (a.count ?? 0) > 0 || (a.countRange?.min ?? 0) > 0;
