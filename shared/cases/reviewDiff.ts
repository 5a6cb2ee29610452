import type { ReviewBasis } from './workChannels';

/** What changed in the local cache and the federation since a case was last reviewed (issue 18). */
export interface ReviewDiff {
  /** Datasets pulled (or pulled again) since. */
  readonly pulled: readonly { id: string; pulledAt: string }[];
  /** Datasets no longer in the cache (purged, expired). */
  readonly removed: readonly string[];
  readonly newNodes: readonly string[];
  readonly goneNodes: readonly string[];
}

/** Compares the basis of the last review with now. */
export function diffReviewBasis(then: ReviewBasis, now: ReviewBasis): ReviewDiff {
  const before = new Map(then.datasets.map((d) => [d.id, d.pulledAt]));
  const current = new Set(now.datasets.map((d) => d.id));
  return {
    pulled: now.datasets.filter((d) => before.get(d.id) !== d.pulledAt),
    removed: then.datasets.filter((d) => !current.has(d.id)).map((d) => d.id),
    newNodes: now.nodes.filter((n) => !then.nodes.includes(n)),
    goneNodes: then.nodes.filter((n) => !now.nodes.includes(n)),
  };
}

/** True when nothing changed. */
export const unchanged = (d: ReviewDiff): boolean =>
  d.pulled.length + d.removed.length + d.newNodes.length + d.goneNodes.length === 0;
