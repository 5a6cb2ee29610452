import type { FederationDirectory } from '../../../../shared/federation/directory';
import { SearchQuerySchema, type SearchQueryInput } from '../../../../shared/search/query';
import type { NodeUpdate, SearchDone } from '../../../../shared/search/results';
import { FINAL_STATUSES } from '../../../../shared/search/results';
import { createMemoryLogger } from '../../logging/logger';
import type { SearchService, SearchServiceDeps } from '../searchService';
import { recentQueriesFor } from '../recentQueries';
import { createSearchService } from '../searchService';

/** A search service over a given directory that records every event it pushes. */
export interface Harness {
  readonly service: SearchService;
  readonly updates: NodeUpdate[];
  readonly done: SearchDone[];
  /** Runs a query and resolves with the last update per node once its first round is over. */
  search(
    q: SearchQueryInput,
  ): Promise<{ queryId: string; final: Map<string, NodeUpdate>; done: SearchDone }>;
  /** Resolves on the first update matching the predicate (already received or future). */
  waitFor(pred: (u: NodeUpdate) => boolean): Promise<NodeUpdate>;
}

/** Builds the harness; the deps not given default to test-friendly values. */
export function createHarness(
  directory: () => FederationDirectory,
  deps: Partial<SearchServiceDeps> = {},
): Harness {
  const updates: NodeUpdate[] = [];
  const done: SearchDone[] = [];
  const waiters: { pred: (u: NodeUpdate) => boolean; resolve: (u: NodeUpdate) => void }[] = [];
  const service = createSearchService({
    fetch: globalThis.fetch.bind(globalThis),
    getDirectory: directory,
    getAccessToken: () => Promise.resolve(undefined),
    nodeTimeoutMs: () => 5_000,
    // Signed out: the recent list is real but lives in memory only.
    recent: recentQueriesFor({ owner: () => undefined, logger: createMemoryLogger() }),
    logger: createMemoryLogger(),
    onNodeUpdate: (u) => {
      updates.push(u);
      for (const w of waiters.filter((x) => x.pred(u))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(u);
      }
    },
    onDone: (d) => done.push(d),
    ...deps,
  });
  return {
    service,
    updates,
    done,
    async search(q) {
      const { queryId } = await service.run(SearchQuerySchema.parse(q));
      await service.settled(queryId);
      const final = new Map<string, NodeUpdate>();
      for (const u of updates) {
        if (u.queryId === queryId && FINAL_STATUSES.includes(u.status)) final.set(u.nodeId, u);
      }
      const d = done.find((x) => x.queryId === queryId);
      if (d === undefined) throw new Error('no search:done');
      return { queryId, final, done: d };
    },
    waitFor(pred) {
      const hit = updates.find(pred);
      if (hit !== undefined) return Promise.resolve(hit);
      return new Promise((resolve) => waiters.push({ pred, resolve }));
    },
  };
}
