import type { RecordRow } from '../../../shared/search/results';
import { MAX_CARRIERS_PER_DATASET } from '../../../shared/seen/channels';
import { PAGE_LIMIT } from '../beacon/beaconRequest';
import type { NodeAnswer } from '../beacon/nodeClient';

/**
 * Pages asked per allele, the first included (issue 18): Beacon's `limit` of PAGE_LIMIT per
 * dataset up to MAX_CARRIERS_PER_DATASET (10 pages of 100). A 500-allele batch stays storable with
 * the case; what lies beyond is counted and shown as "N more not fetched".
 */
export const MAX_CARRIER_PAGES = Math.ceil(MAX_CARRIERS_PER_DATASET / PAGE_LIMIT);

export interface CarrierPaging {
  /** Every record of the answer, first page and the pages after it, without duplicates. */
  readonly records: RecordRow[];
  /** Carriers the node counted (exactly, at record granularity) but that were not fetched. */
  readonly notFetched: number;
}

const idOf = (r: RecordRow): string => `${r.datasetId}/${r.kind === 'individual' ? r.id : ''}`;

/** Carriers still missing per dataset: its exact count minus the records held for it. */
function missing(first: NodeAnswer, held: ReadonlyMap<string, RecordRow>): number {
  let n = 0;
  for (const d of first.datasets ?? []) {
    if (d.granularity !== 'record' || d.count?.precision !== 'exact') continue;
    const got = [...held.values()].filter((r) => r.datasetId === d.id).length;
    n += Math.max(0, d.count.value - got);
  }
  return n;
}

/**
 * The rest of a record answer, page by page (Beacon `skip` counts pages: beaconCommonComponents
 * Skip), until every dataset's count is fetched, a page brings nothing new (a node that ignores
 * paging sends its first page again), a page fails, or `maxPages` is reached. Never silent: what
 * was counted but not fetched is returned as `notFetched`.
 */
export async function fetchCarrierPages(
  first: NodeAnswer,
  ask: (skip: number) => Promise<NodeAnswer>,
  maxPages = MAX_CARRIER_PAGES,
): Promise<CarrierPaging> {
  const held = new Map<string, RecordRow>();
  for (const r of first.records ?? []) held.set(idOf(r), r);
  for (let page = 1; page < maxPages && missing(first, held) > 0; page++) {
    const next = await ask(page);
    if (next.status !== 'ok') break;
    let added = 0;
    for (const r of next.records ?? []) {
      const id = idOf(r);
      if (held.has(id)) continue;
      held.set(id, r);
      added++;
    }
    if (added === 0) break;
  }
  return { records: [...held.values()], notFetched: missing(first, held) };
}
