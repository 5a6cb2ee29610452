import type { Count, NodeUpdate } from './results';

/** The interval of true counts a reported count stands for. */
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

export interface Aggregate extends CountRange {
  /** True only when every counted node gave an exact count. */
  exact: boolean;
  /** Nodes whose count is included. */
  countedNodes: number;
  /** Nodes that said "yes, there are matches" without a count (boolean granularity). */
  booleanOnlyNodes: number;
  /** Nodes that answered (status ok). */
  answeredNodes: number;
  totalNodes: number;
  /** "1,234" or "1,230–1,250": never a single number when a part was rounded. */
  display: string;
}

const fmt = (n: number): string => n.toLocaleString('en-US');

/** Formats a count range: one number when exact, "min–max" otherwise. */
export function formatRange(r: CountRange): string {
  return r.min === r.max ? fmt(r.min) : `${fmt(r.min)}–${fmt(r.max)}`;
}

/** Display string for one node's count: "42", "≈40 (rounded to 10)" or "<5". */
export function formatCount(c: Count): string {
  if (c.precision === 'exact') return fmt(c.value);
  if (c.precision === 'range') return `<${fmt(c.adjustedTo ?? c.value)}`;
  return `≈${fmt(c.value)}`;
}

/** The counts behind a node's answer: per dataset when the node listed them, else its total. */
function parts(n: NodeUpdate): Count[] {
  const perDataset = (n.datasets ?? []).flatMap((d) => (d.count === undefined ? [] : [d.count]));
  if (perDataset.length > 0) return perDataset;
  return n.count === undefined ? [] : [n.count];
}

/**
 * The interval of one node's true count: the sum of its datasets' intervals. A node total that
 * mixes exact and "<N" parts is not itself "<N", so the parts are used whenever the node gave them.
 */
export function nodeRange(
  n: NodeUpdate,
): (CountRange & { exact: boolean; display: string }) | undefined {
  const ps = parts(n);
  if (ps.length === 0) return undefined;
  let min = 0;
  let max = 0;
  for (const p of ps) {
    const r = countRange(p);
    min += r.min;
    max += r.max;
  }
  const exact = ps.every((p) => p.precision === 'exact');
  const only = ps.length === 1 ? ps[0] : undefined;
  const display = exact
    ? fmt(min)
    : only !== undefined
      ? formatCount(only)
      : formatRange({ min, max });
  return { min, max, exact, display };
}

/**
 * Sums node counts without pretending rounded counts are exact (DESIGN flow 2): the total is an
 * interval, the sum of each node's interval.
 */
export function aggregateCounts(nodes: readonly NodeUpdate[]): Aggregate {
  let min = 0;
  let max = 0;
  let exact = true;
  let countedNodes = 0;
  let booleanOnlyNodes = 0;
  let answeredNodes = 0;
  for (const n of nodes) {
    if (n.status !== 'ok') continue;
    answeredNodes++;
    const r = nodeRange(n);
    if (r === undefined) {
      if (n.exists === true) booleanOnlyNodes++;
      continue;
    }
    min += r.min;
    max += r.max;
    countedNodes++;
    if (!r.exact) exact = false;
  }
  return {
    min,
    max,
    exact,
    countedNodes,
    booleanOnlyNodes,
    answeredNodes,
    totalNodes: nodes.length,
    display: formatRange({ min, max }),
  };
}
