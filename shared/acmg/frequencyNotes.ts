import type { DatasetUse } from './enrichment';
import type { FederationFrequency } from './federationFrequency';
import { federationFrequency, sourceLine, sourceSaid } from './federationFrequency';
import type { CacheFrequency, Note } from './frequencyCriteria';
import type { Said } from './said';
import { said } from './said';
import type { FederatedAnswer } from './sheet';

/**
 * The frequency criteria's federation source and the notes on the datasets set aside (issue 18;
 * decision 0051), each in English (the command line, cases stored before) and as codes the
 * reader's language words (issue 22; decision 0057).
 */

export const sci = (x: number): string => (x === 0 ? '0' : x.toPrecision(2));
const range = (lo: number, hi: number | undefined): string =>
  `${sci(lo)} to ${hi === undefined ? 'unbounded' : sci(hi)}`;
/** An allele-frequency range as codes: "from … to …", or open above. */
const rangeSaid = (lo: number, hi: number | undefined): Said =>
  hi === undefined
    ? said('range.open', { lowAf: lo })
    : said('range.closed', { lowAf: lo, highAf: hi });

/** The federation's part of the frequency source, with every answer's node, dataset and time. */
export function federationSource(f: FederationFrequency | undefined, looked: boolean): string {
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

/** `federationSource` as codes. */
export function federationSaid(f: FederationFrequency | undefined, looked: boolean): Said {
  if (!looked) return said('source.fedNotLooked');
  if (f === undefined || f.answered === 0) return said('source.fedNone');
  const answers = f.answers.map(sourceSaid);
  const more = f.seenWithoutCount === 0 ? undefined : f.seenWithoutCount;
  if (f.counted === 0)
    return said(more === undefined ? 'source.fedNoCount' : 'source.fedNoCountSeen', {
      seen: more,
      answers,
    });
  return said(more === undefined ? 'source.fedPooled' : 'source.fedPooledSeen', {
    carriers:
      f.carriers.min === f.carriers.max
        ? said('carriers.exact', { count: f.carriers.min })
        : said('carriers.range', { min: f.carriers.min, max: f.carriers.max }),
    individuals: f.individuals.min,
    count: f.counted,
    range: rangeSaid(f.afLow, f.afHigh),
    seen: more,
    answers,
  });
}

type Judged<T> = readonly (T & { u: DatasetUse })[];

/**
 * The datasets set aside, each with why and its own frequency (information, never a criterion),
 * and, where carriers sit in cohorts enriched for the case's disease, why that is PS4's question.
 */
export function setAsideNotes(
  fed: Judged<{ a: FederatedAnswer }>,
  cache: Judged<{ c: CacheFrequency }>,
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
        said: said(f.counted === 0 ? 'aside.answer' : 'aside.answerAf', {
          answer: sourceSaid(a),
          range: f.counted === 0 ? undefined : rangeSaid(f.afLow, f.afHigh),
          why: u.said,
        }),
      };
    }),
    ...cache.map(({ c, u }) => ({
      enriched: u.enriched,
      carried: c.carriers > 0,
      text: `${c.datasetId} (local cache): ${String(c.carriers)} carriers of ${String(c.individuals)} individuals${c.individuals > 0 ? `, allele frequency ${range(c.carriers / (2 * c.individuals), Math.min(1, c.carriers / c.individuals))}` : ''} \u2014 ${u.why}`,
      said: said(c.individuals > 0 ? 'aside.cacheAf' : 'aside.cache', {
        dataset: c.datasetId,
        carriers: c.carriers,
        individuals: c.individuals,
        range:
          c.individuals > 0
            ? rangeSaid(c.carriers / (2 * c.individuals), Math.min(1, c.carriers / c.individuals))
            : undefined,
        why: u.said,
      }),
    })),
  ];
  if (lines.length === 0) return;
  notes.push({
    code: 'BS1',
    text: `Not used for BA1/BS1/PM2 (shown for information): ${lines.map((l) => l.text).join('; ')}.`,
    said: [said('aside.notUsed', { datasets: lines.map((l) => l.said) })],
  });
  const cases = lines.filter((l) => l.enriched && l.carried);
  if (cases.length > 0)
    notes.push({
      code: 'PS4',
      text: `Not suggested: the allele is carried in ${String(cases.length)} dataset${cases.length === 1 ? '' : 's'} enriched for the case's disease (named above). That is case evidence, not a population frequency; PS4 needs its prevalence in affected individuals to be significantly higher than in controls (Richards 2015: a case-control odds ratio above 5 with a confidence interval excluding 1; for very rare alleles, counted unrelated probands with the same phenotype, at a strength the gene's expert panel sets). The app cannot check relatedness, the carriers' phenotypes against the patient's, or matched controls: apply PS4 by hand only after that comparison.`,
      said: [said('aside.ps4', { count: cases.length })],
    });
}

const carried = (a: FederatedAnswer): boolean =>
  a.exists === true || (a.count ?? 0) > 0 || (a.countRange?.min ?? 0) > 0;
