import { countRange, formatCount } from '../../../../shared/search/aggregate';
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

/** Bars per country: counts (with their interval), from nodes that answered with a count. */
export function countBars(nodes: readonly NodeUpdate[]): Bar[] {
  const by = new Map<string, Bar>();
  for (const n of nodes) {
    if (n.status !== 'ok' || n.count === undefined) continue;
    const r = countRange(n.count);
    const prev = by.get(n.country);
    const bar: Bar = prev
      ? {
          ...prev,
          value: prev.value + n.count.value,
          min: prev.min + r.min,
          max: prev.max + r.max,
          text: `${prev.text} + ${formatCount(n.count)}`,
        }
      : {
          key: n.country,
          label: n.country,
          value: n.count.value,
          min: r.min,
          max: r.max,
          text: formatCount(n.count),
        };
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
