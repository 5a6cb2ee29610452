import { nodeRange } from '../../../../shared/search/aggregate';
import type { NodeUpdate } from '../../../../shared/search/results';

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** Error bar for rounded counts: the interval the value stands for. */
  min: number;
  max: number;
  text: string;
}

/**
 * Bars per country: counts (bar at the interval's middle, whiskers over it) from nodes with a count
 * or a stated zero. Nodes that withhold every count have no bar; an open "at least" count is drawn
 * at its lower bound, labelled "≥".
 */
export function countBars(nodes: readonly NodeUpdate[]): Bar[] {
  const by = new Map<string, Bar>();
  for (const n of nodes) {
    const found = n.status === 'ok' ? nodeRange(n) : undefined;
    if (found === undefined || !found.counted) continue;
    const r = { ...found, max: Number.isFinite(found.max) ? found.max : found.min };
    const value = Math.round((r.min + r.max) / 2);
    const prev = by.get(n.country);
    const bar: Bar = prev
      ? {
          ...prev,
          value: prev.value + value,
          min: prev.min + r.min,
          max: prev.max + r.max,
          text: `${prev.text} + ${r.display}`,
        }
      : { key: n.country, label: n.country, value, min: r.min, max: r.max, text: r.display };
    by.set(n.country, bar);
  }
  return [...by.values()].sort((a, b) => a.label.localeCompare(b.label));
}

/** Bars per country and dataset: allele frequency of the queried variant, from record-level rows. */
export function frequencyBars(nodes: readonly NodeUpdate[]): Bar[] {
  const bars: Bar[] = [];
  for (const n of nodes) {
    const seen = new Set<string>();
    for (const r of n.records ?? []) {
      if (r.kind !== 'variant' || r.frequency === undefined || seen.has(r.datasetId)) continue;
      seen.add(r.datasetId);
      const pct = r.frequency * 100;
      bars.push({
        key: `${n.nodeId}/${r.datasetId}`,
        label: `${n.country} · ${r.datasetId}`,
        value: r.frequency,
        min: r.frequency,
        max: r.frequency,
        text: `${pct.toPrecision(3)} %`,
      });
    }
  }
  return bars;
}
