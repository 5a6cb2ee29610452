import type { Said, SaidValue } from './said';
import { said } from './said';
import type { FederatedAnswer } from './sheet';
import { nodeProblemSaid } from './nodeProblemSaid';

/**
 * What the federation's seen-before answers say about one allele's frequency (issue 18), honest
 * about granularity: only datasets that gave a count (exact, rounded, or "<N" as 1..N-1) and a
 * size count towards a frequency; a yes/no answer gives none. Carriers are individuals, so the
 * allele frequency lies between carriers/(2·individuals) (all heterozygous) and
 * carriers/individuals (all homozygous) on an autosome; chrX's upper bound is 2·carriers/individuals
 * (a male has one X); chrY and chrMT get no upper bound (how many carry the chromosome is unknown).
 */
export interface FederationFrequency {
  /** Datasets with a count and a size, pooled. */
  readonly counted: number;
  readonly carriers: { readonly min: number; readonly max: number };
  readonly individuals: { readonly min: number; readonly max: number };
  /** Lowest allele frequency the answers allow (0 when none counted). */
  readonly afLow: number;
  /** Highest allele frequency the answers allow; undefined when they set no bound. */
  readonly afHigh: number | undefined;
  /** Datasets (or nodes, for datasets not named) that said "yes" without a usable count. */
  readonly seenWithoutCount: number;
  /** Datasets that answered at all (errors excluded). */
  readonly answered: number;
  /** One line per answer: node, dataset, granularity, answer, time (the criterion's source). */
  readonly sources: readonly string[];
  /** The answers behind `sources` (worded in the reader's language, decision 0057). */
  readonly answers: readonly FederatedAnswer[];
}

const fmt = (n: number): string => n.toLocaleString('en-US');

/** The answer as the node gave it: "3", "<10", "40–49", "yes", "no". */
export function answerText(a: FederatedAnswer): string {
  if (a.error !== undefined) return `error (${a.error})`;
  if (a.countRange !== undefined)
    return a.countRange.min === 1 && a.countRange.max > 1
      ? `<${fmt(a.countRange.max + 1)}`
      : `${fmt(a.countRange.min)}–${fmt(a.countRange.max)}`;
  if (a.count !== null) return fmt(a.count);
  return a.exists === null ? 'unknown' : a.exists ? 'yes' : 'no';
}

const sizeText = (a: FederatedAnswer): string => {
  const s = a.individuals;
  if (s === undefined) return '';
  return ` of ${s.min === s.max ? fmt(s.min) : `${fmt(s.min)}–${fmt(s.max)}`} individuals`;
};

/** One answer as a source line: "IT-CA-01 at IT (count): <10 of 6,400 individuals, as of …". */
export const sourceLine = (a: FederatedAnswer): string =>
  `${a.dataset} at ${a.node} (${a.granularity}): ${answerText(a)}${sizeText(a)}, as of ${a.at}`;

/** A failed lookup's words: the node's problem when stored (decision 0064), else main's text. */
export const errorSaid = (a: FederatedAnswer, error: string): Said | string =>
  a.problem === undefined ? error : nodeProblemSaid(a.node, a.problem);

/** The answer as codes (issue 22; decision 0057): the words of `answerText`. */
function answerSaid(a: FederatedAnswer): Said {
  if (a.error !== undefined) return said('answer.error', { error: errorSaid(a, a.error) });
  if (a.countRange !== undefined)
    return a.countRange.min === 1 && a.countRange.max > 1
      ? said('answer.below', { limit: a.countRange.max + 1 })
      : said('answer.range', { min: a.countRange.min, max: a.countRange.max });
  if (a.count !== null) return said('answer.count', { carriers: a.count });
  return said(a.exists === null ? 'answer.unknown' : a.exists ? 'answer.yes' : 'answer.no');
}

/**
 * The dataset an answer is for: its id as the node gave it, or words where the answer is not for
 * one dataset (toFederated's `all` for a node's whole answer, `dataset not named` for a "yes" the
 * node gave without naming the dataset; decision 0075).
 */
const datasetSaid = (dataset: string): SaidValue =>
  dataset === 'all'
    ? said('answer.allDatasets')
    : dataset === 'dataset not named'
      ? said('answer.datasetNotNamed')
      : dataset;

/** `sourceLine` as codes: node, dataset, granularity, answer, size and time as data. */
export function sourceSaid(a: FederatedAnswer): Said {
  const s = a.individuals;
  const base = {
    dataset: datasetSaid(a.dataset),
    node: a.node,
    granularity: a.granularity,
    at: a.at,
  };
  if (s === undefined) return said('source.answer', { ...base, answer: answerSaid(a) });
  return said(s.min === s.max ? 'source.answerOf' : 'source.answerOfRange', {
    ...base,
    answer: answerSaid(a),
    min: s.min,
    max: s.max,
  });
}

/** The carriers an answer stands for, or undefined for a yes/no answer. */
function carriersOf(a: FederatedAnswer): { min: number; max: number } | undefined {
  if (a.countRange !== undefined) return a.countRange;
  if (a.count !== null) return { min: a.count, max: a.count };
  return undefined;
}

/** The federation's frequency bounds for one allele (`variantKey` as `17-43057062-T-TG`). */
export function federationFrequency(
  answers: readonly FederatedAnswer[],
  variantKey: string,
): FederationFrequency {
  const mine = answers.filter((a) => a.variantKey === variantKey && a.error === undefined);
  const carriers = { min: 0, max: 0 };
  const individuals = { min: 0, max: 0 };
  let counted = 0;
  let seenWithoutCount = 0;
  for (const a of mine) {
    const c = carriersOf(a);
    if (c === undefined || a.individuals === undefined || a.individuals.min === 0) {
      if (a.exists === true || (c?.min ?? 0) > 0) seenWithoutCount++;
      continue;
    }
    counted++;
    carriers.min += c.min;
    carriers.max += c.max;
    individuals.min += a.individuals.min;
    individuals.max += a.individuals.max;
  }
  const chrom = variantKey.split('-')[0] ?? '';
  const afLow = counted === 0 ? 0 : carriers.min / (2 * individuals.max);
  const ploidyUpper = chrom === 'X' ? 2 : chrom === 'Y' || chrom === 'MT' ? undefined : 1;
  const afHigh =
    counted === 0 || ploidyUpper === undefined
      ? undefined
      : Math.min(1, (ploidyUpper * carriers.max) / individuals.min);
  return {
    counted,
    carriers,
    individuals,
    afLow,
    afHigh,
    seenWithoutCount,
    answered: mine.length,
    sources: answers.filter((a) => a.variantKey === variantKey).map(sourceLine),
    answers: answers.filter((a) => a.variantKey === variantKey),
  };
}
