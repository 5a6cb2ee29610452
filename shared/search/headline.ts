import { aggregateCounts } from './aggregate';
import { distinctAlleles } from './distinctAlleles';
import type { SearchTarget } from './query';
import type { NodeUpdate } from './results';

/** A sentence to translate: an i18n key under `search.summary` and its parameters. */
export interface Phrase {
  key: string;
  params: Record<string, string | number>;
}

export interface Headline {
  /** The federation-wide answer in one line. */
  total: Phrase;
  /** Why the total reads as it does (ranges, withheld counts, per-node variant totals). */
  hints: Phrase[];
}

const fmt = (n: number): string => n.toLocaleString('en-US');

/**
 * The Search page's headline (issue 13: "every number true"). It never states zero while any
 * node says matches exist: withheld counts are named ("Matches at 2 nodes; counts withheld; 0 at
 * Spain"), open totals read "at least", and variants are counted once per allele when the records
 * allow it, or said to be per-node answers when they do not.
 */
export function headline(
  nodes: readonly NodeUpdate[],
  target: SearchTarget,
  /** Undefined while main has not said how many nodes it asked (the query is being sent). */
  nodesAsked: number | undefined,
): Headline {
  if (nodesAsked === 0) return { total: { key: 'noNodes', params: {} }, hints: [] };
  const a = aggregateCounts(nodes);
  if (a.answeredNodes === 0) return { total: { key: 'waiting', params: {} }, hints: [] };
  const hints: Phrase[] = [];
  const alleles = target === 'g_variants' ? distinctAlleles(nodes) : undefined;
  if (alleles?.complete === true)
    return {
      total: {
        key: 'distinct',
        params: { display: fmt(alleles.distinct), count: alleles.distinct },
      },
      hints,
    };
  // The entity names the counting unit: variants not deduplicated are per-node answers.
  const entity = alleles === undefined ? 'individuals' : 'variantsPerNode';
  let total: Phrase;
  if (a.booleanOnlyNodes > 0 && a.counted.max === 0) {
    total =
      a.zeroAt.length === 0
        ? { key: 'withheldOnly', params: { count: a.booleanOnlyNodes } }
        : {
            key: 'withheldOnlyZero',
            params: { count: a.booleanOnlyNodes, places: a.zeroAt.join(', ') },
          };
  } else if (a.booleanOnlyNodes > 0) {
    total = {
      key: 'withheldAndCounted',
      params: {
        display: fmt(a.min),
        entity,
        counted: a.counted.display,
        count: a.booleanOnlyNodes,
      },
    };
  } else if (a.max === Infinity) {
    total = { key: 'atLeast', params: { display: fmt(a.min), entity } };
    hints.push({ key: 'openWhy', params: {} });
  } else {
    total = { key: a.exact ? 'exact' : 'range', params: { display: a.display, entity } };
    if (!a.exact) hints.push({ key: 'rangeWhy', params: {} });
  }
  if (alleles !== undefined) {
    hints.push({ key: 'perNode', params: {} });
    if (alleles.distinct > 0)
      hints.push({ key: 'distinctSeen', params: { count: alleles.distinct } });
  }
  return { total, hints };
}
