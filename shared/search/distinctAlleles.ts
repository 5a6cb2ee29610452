import { alleleKey } from './alleles';
import type { NodeUpdate } from './results';

/** Distinct alleles across the federation, as far as the records received show them. */
export interface DistinctAlleles {
  /** Distinct normalised allele keys among the variant records received. */
  distinct: number;
  /** Variant records whose position or alleles could not be read (not comparable across nodes). */
  unkeyed: number;
  /**
   * True when the records are every match of every answering node: each dataset with matches
   * answered with records, all of them arrived, and each gave a comparable allele. Only then is
   * `distinct` the federation's answer; otherwise the total counts per-node answers.
   */
  complete: boolean;
}

/** A node whose every match arrived as a record (exact counts, nothing truncated or unreadable). */
function allRecordsArrived(n: NodeUpdate): boolean {
  if (n.recordsTruncated === true) return false;
  const sets = n.datasets ?? [];
  if (n.exists === true && sets.length === 0) return false;
  return sets.every(
    (d) =>
      d.unreadable === undefined &&
      (!d.exists ||
        (d.granularity === 'record' &&
          d.count?.precision === 'exact' &&
          d.recordsReceived === d.count.value)),
  );
}

/**
 * Counts each allele once however many nodes or datasets returned it (issue 13: "Between 35–48
 * variants" counted the same allele once per node), keyed by the normalised allele (alleleKey).
 */
export function distinctAlleles(nodes: readonly NodeUpdate[]): DistinctAlleles {
  const keys = new Set<string>();
  let unkeyed = 0;
  let complete = true;
  for (const n of nodes) {
    if (n.status !== 'ok') continue;
    if (!allRecordsArrived(n)) complete = false;
    for (const r of n.records ?? []) {
      if (r.kind !== 'variant') continue;
      const key = r.location === undefined ? undefined : alleleKey(r.location);
      if (key === undefined) unkeyed++;
      else keys.add(key);
    }
  }
  return { distinct: keys.size, unkeyed, complete: complete && unkeyed === 0 };
}
