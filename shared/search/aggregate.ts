import { formatCountRange, formatNumber } from '../i18n/format';
import type { Count, DatasetResult, NodeUpdate } from './results';

/** The interval of true counts a reported count stands for (max may be Infinity: "at least"). */
export interface CountRange {
  min: number;
  max: number;
}

/**
 * Interval behind one reported count: exact → itself; rounded to step r (nearest, as the nodes
 * round) → [v - ⌊r/2⌋, v + ⌊(r-1)/2⌋]; range "<N" → [1, N-1].
 */
export function countRange(c: Count): CountRange {
  if (c.precision === 'exact') return { min: c.value, max: c.value };
  const step = c.adjustedTo ?? 1;
  if (c.precision === 'range') return { min: 1, max: Math.max(1, step - 1) };
  return {
    min: Math.max(0, c.value - Math.floor(step / 2)),
    max: c.value + Math.floor((step - 1) / 2),
  };
}

const fmt = (n: number, locale = 'en-US'): string => formatNumber(n, locale, 0);

/** Formats a count range in a locale: one number when exact, "min–max" otherwise, "≥min" when open. */
export function formatRange(r: CountRange, locale = 'en-US'): string {
  return formatCountRange(r, locale);
}

/** Display string for one node's count: "42", "≈40" (rounded) or "<5", in a locale (issue 22). */
export function formatCount(c: Count, locale = 'en-US'): string {
  if (c.precision === 'exact') return fmt(c.value, locale);
  if (c.precision === 'range') return `<${fmt(c.adjustedTo ?? c.value, locale)}`;
  return `≈${fmt(c.value, locale)}`;
}

/** One node's answer as an interval of true counts, and what it is made of. */
export interface NodeRange extends CountRange {
  /** Every part was an exact count (or a stated zero). */
  exact: boolean;
  /** Some matches come without a count for this user (yes/no datasets): max is open. */
  withheld: boolean;
  /** Some part is a count or a stated zero (not only "yes, matches"). */
  counted: boolean;
  display: string;
}

/**
 * The node's total (numTotalResults: "the total obtained by the query", not one page) is larger
 * than its result sets' exact counts add up to, and no set is yes/no only: the sets do not account
 * for every match (a server that puts the page's size in resultsCount, or lists some sets only), so
 * their sum would understate what the node said. Its total is shown instead.
 */
export function summaryExceedsSets(
  total: Count | undefined,
  sets: readonly Count[],
  yesOnly = 0,
): boolean {
  if (total?.precision !== 'exact' || yesOnly > 0 || sets.length === 0) return false;
  if (sets.some((c) => c.precision !== 'exact')) return false;
  return total.value > sets.reduce((s, c) => s + c.value, 0);
}

/**
 * A sum of counts that may pass Number.MAX_SAFE_INTEGER (counts are integers without a maximum in
 * the schema; each one read is a safe integer, their sum need not be): past it, the sum is no
 * longer exact, so it is shown as "at least" the largest safe integer, never as a wrong number
 * (decision 0101).
 */
function bounded(r: CountRange): CountRange & { overflow: boolean } {
  const over = (n: number): boolean => Number.isFinite(n) && !Number.isSafeInteger(n);
  if (!over(r.min) && !over(r.max)) return { ...r, overflow: false };
  return {
    min: Math.min(r.min, Number.MAX_SAFE_INTEGER),
    max: Infinity,
    overflow: true,
  };
}

/** A dataset that said "yes" without a count: at least 1, or the records it sent. */
const yesOnly = (d: DatasetResult): number => Math.max(1, d.recordsReceived ?? 0);

/**
 * The interval of one node's true count, combining all its datasets' answers at their own
 * granularity (issue 13): counted datasets add their intervals, a yes/no dataset with matches adds
 * "at least 1", a "no" without a count adds 0 (issue 15 item 7). A node that says matches exist is
 * never read as 0. Undefined for a node that has not answered.
 */
export function nodeRange(n: NodeUpdate): NodeRange | undefined {
  if (n.status !== 'ok') return undefined;
  const all = n.datasets ?? [];
  const sets = all.filter((d) => d.unreadable === undefined);
  const unreadable = all.length > sets.length;
  const countedSets = sets.flatMap((d) => (d.count === undefined ? [] : [d.count]));
  const yes = sets.filter((d) => d.count === undefined && d.exists);
  // Per-dataset counts when the node gave them (a node total mixing exact and "<N" parts is not
  // itself "<N"); the summary total when it gave none, or when one of its sets was unreadable.
  const perDataset =
    countedSets.length > 0 &&
    !(unreadable && n.count !== undefined) &&
    !summaryExceedsSets(n.count, countedSets, yes.length);
  const parts = perDataset ? countedSets : n.count === undefined ? [] : [n.count];
  let min = 0;
  let max = 0;
  for (const p of parts) {
    const r = countRange(p);
    min += r.min;
    max += r.max;
  }
  const counted = n.exists !== true || max > 0;
  const yesMin = yes.reduce((s, d) => s + yesOnly(d), 0);
  // Without per-dataset counts the summary total may already include the yes/no sets.
  min = perDataset ? min + yesMin : Math.max(min, yesMin);
  let open = yes.length > 0 || (unreadable && n.count === undefined);
  let withheld = yes.length > 0;
  if (n.exists === true && min === 0) {
    // "Yes" with no count, or with counts that add up to 0: matches exist, at least one.
    min = 1;
    open = true;
    withheld = true;
  }
  if (open) max = Infinity;
  const safe = bounded({ min, max });
  ({ min, max } = safe);
  const exact = !open && !safe.overflow && parts.every((p) => p.precision === 'exact');
  const only = parts.length === 1 && !open ? parts[0] : undefined;
  const display = exact
    ? fmt(min)
    : only !== undefined
      ? formatCount(only)
      : formatRange({ min, max });
  return { min, max, exact, withheld, counted, display };
}

export interface Aggregate extends CountRange {
  /** True only when every answering node gave an exact count (or a stated zero). */
  exact: boolean;
  /** Nodes whose answer includes a count (or a stated zero). */
  countedNodes: number;
  /** Nodes that said "yes, there are matches" without any count (counts withheld). */
  booleanOnlyNodes: number;
  /** Nodes whose answer means at least one match. */
  matchNodes: number;
  /** Countries of the nodes that answered zero ("0 at Spain"), each once, in answer order. */
  zeroAt: string[];
  /** The part of the total from nodes that gave counts (what the headline can state as a number). */
  counted: CountRange & { display: string };
  /** Nodes that answered (status ok). */
  answeredNodes: number;
  totalNodes: number;
  /** "1,234", "1,230–1,250" or "≥37": never a single number when a part was rounded or withheld. */
  display: string;
}

/**
 * Sums node counts without pretending rounded counts are exact (DESIGN flow 2) and without
 * reading withheld matches as zero (issue 13): the total is an interval, the sum of each node's.
 */
export function aggregateCounts(nodes: readonly NodeUpdate[]): Aggregate {
  let min = 0;
  let max = 0;
  let exact = true;
  let countedNodes = 0;
  let booleanOnlyNodes = 0;
  let matchNodes = 0;
  let answeredNodes = 0;
  const counted = { min: 0, max: 0 };
  const zeroAt: string[] = [];
  for (const n of nodes) {
    const r = nodeRange(n);
    if (r === undefined) continue;
    answeredNodes++;
    min += r.min;
    max += r.max;
    if (!r.exact) exact = false;
    if (r.min > 0) matchNodes++;
    if (r.max === 0 && !zeroAt.includes(n.country)) zeroAt.push(n.country);
    if (r.withheld && !r.counted) {
      booleanOnlyNodes++;
      continue;
    }
    countedNodes++;
    counted.min += r.min;
    counted.max += r.max;
  }
  const all = bounded({ min, max });
  const part = bounded(counted);
  return {
    min: all.min,
    max: all.max,
    exact: exact && !all.overflow,
    countedNodes,
    booleanOnlyNodes,
    matchNodes,
    zeroAt,
    counted: { min: part.min, max: part.max, display: formatRange(part) },
    answeredNodes,
    totalNodes: nodes.length,
    display: formatRange(all),
  };
}
