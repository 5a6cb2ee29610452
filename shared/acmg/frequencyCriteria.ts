import type { CriterionCode } from './criteria';
import { defaultStrength } from './criteria';
import type { DatasetDeclaration, EnrichmentContext } from './enrichment';
import { datasetUse } from './enrichment';
import { federationFrequency } from './federationFrequency';
import { federationSaid, federationSource, sci, setAsideNotes } from './frequencyNotes';
import type { Said } from './said';
import { said } from './said';
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
  /** `bs1Why` as codes the reader's language words (issue 22; decision 0057). */
  readonly bs1Said?: Said;
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

/** What the data cannot decide: English for the command line, codes for the reader (0057). */
export type Note = { code: CriterionCode; text: string; said?: readonly Said[] };
/** The sentences of a suggested criterion (decision 0057). */
export interface EntrySaid {
  readonly reason: Said[];
  readonly source: Said[];
  readonly caveat?: Said[];
}
const pct = (x: number): string => `${(x * 100).toPrecision(2)} %`;

function entry(
  code: CriterionCode,
  said: EntrySaid,
  reason: string,
  source: string,
  caveat?: string,
  strength = defaultStrength(code),
): CriterionEntry {
  const base = { code, strength, status: 'suggested' as const, reason, source, suggested: true };
  return { ...base, ...(caveat === undefined ? {} : { caveat }), said };
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
  const fedSaid = federationSaid(fed, input.federation !== undefined);
  const sourceSaid = [
    said('source.frequency', {
      vcf:
        input.frequencyFields.length === 0
          ? said('source.vcfNone')
          : said('source.vcf', { fields: input.frequencyFields.join(', ') }),
      cache:
        input.cache === undefined
          ? said('source.cacheNotRead')
          : usedCache.length === 0
            ? said('source.cacheNone')
            : said('source.cache', {
                datasets: usedCache.map((x) =>
                  said('source.cacheDataset', {
                    dataset: x.c.datasetId,
                    carriers: x.c.carriers,
                    individuals: x.c.individuals,
                  }),
                ),
              }),
      federation: fedSaid,
    }),
  ];
  setAsideNotes(
    asideFed,
    cache.filter((x) => !x.u.use),
    notes,
  );

  const where = fromFed ? ' (the least the federation\u2019s counts allow)' : '';
  const declared = fromFed || (cacheLow > 0 && cacheLow >= (input.popAf ?? 0));
  const declaredSaid = declared ? [said('freq.declared')] : [];
  const fedSuffix = fromFed ? 'Fed' : '';
  if (af > t.ba1)
    return entry(
      'BA1',
      {
        reason: [said(`freq.ba1${fedSuffix}`, { afPct: af, thresholdPct: t.ba1 })],
        source: sourceSaid,
        ...(declared ? { caveat: declaredSaid } : {}),
      },
      `Allele frequency ${pct(af)}${where} is above ${pct(t.ba1)}.`,
      source,
      declared ? DECLARED_CAVEAT : undefined,
    );
  if (af >= t.bs1)
    return entry(
      'BS1',
      {
        reason: [said(`freq.bs1${fedSuffix}`, { afPct: af, thresholdPct: t.bs1 })],
        source: sourceSaid,
        caveat: [
          said('freq.bs1Caveat', {
            why: t.bs1Said ?? said('bs1.default', { defaultPct: 0.01 }),
          }),
          ...declaredSaid,
        ],
      },
      `Allele frequency ${pct(af)}${where} is at or above ${pct(t.bs1)}.`,
      source,
      `BS1 needs a frequency greater than expected for the disorder; ${t.bs1Why ?? 'the 1 % default suits rare Mendelian disease only.'}${declared ? ` ${DECLARED_CAVEAT}` : ''}`,
    );
  if (af >= t.pm2) {
    if (fromFed)
      notes.push({
        code: 'PM2',
        said: [said('freq.pm2NotSuggested', { valueAf: af, thresholdAf: t.pm2, source: fedSaid })],
        text: `Not suggested: the counts of the datasets usable for frequency put the allele frequency at least at ${sci(af)} (threshold ${sci(t.pm2)}). Source: ${federationSource(fed, true)}`,
      });
    return undefined;
  }
  const boundSaid =
    fed?.afHigh === undefined || fed.counted === 0
      ? []
      : fed.carriers.max === 0
        ? [said('freq.noCarrier', { count: fed.individuals.min })]
        : fed.afHigh < t.pm2
          ? [said('freq.boundBelow', { highAf: fed.afHigh })]
          : [said('freq.boundUpTo', { highAf: fed.afHigh })];
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
    {
      reason: [
        af === 0 ? said('freq.absent') : said('freq.pm2', { afPct: af, thresholdPct: t.pm2 }),
        ...boundSaid,
      ],
      source: sourceSaid,
      caveat: [said(input.frequencyFields.length === 0 ? 'freq.pm2NoField' : 'freq.pm2Coverage')],
    },
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
