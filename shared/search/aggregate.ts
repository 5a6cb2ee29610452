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
  return { min: Math.max(0, c.value - Math.floor(step / 2)), max: c.value + Math.floor((step - 1) / 2) };
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
    if (n.count === undefined) {
      if (n.exists === true) booleanOnlyNodes++;
      continue;
    }
    const r = countRange(n.count);
    min += r.min;
    max += r.max;
    countedNodes++;
    if (n.count.precision !== 'exact') exact = false;
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
