import type { StateCreator } from 'zustand';
import type { NodeUpdate, SearchDone } from '../../../shared/search/results';
import { FINAL_STATUSES } from '../../../shared/search/results';
import { api } from '../api/client';
import type { StoreState } from './index';
import { foldNodeUpdate, newQueryId } from './searchSlice';
import { appErrorText } from '../i18n/appErrorText';

/** The browser's own federated query for the region in view (separate from the Search page's). */
export interface BrowserFederationRun {
  /** Made here and sent with search:run, so every update of the query is recognised (issue 14). */
  readonly queryId: string;
  /** The locus in view when the query was sent; a different view makes the answer stale. */
  readonly locus: string;
  /** The region as the search box writes it (17:43044295-43125364). */
  readonly region: string;
  /** How many nodes the query went to (0 until main answers). */
  readonly expected: number;
  /** Latest update per node, in first-arrival order. */
  readonly nodes: readonly NodeUpdate[];
  readonly done: boolean;
  /** Why the query could not be sent (no federation configured, main refused it). */
  readonly error: string | undefined;
  /** Bumped whenever a node reaches a final status: the igv track reloads on it. */
  readonly revision: number;
}

export interface BrowserFederationSlice {
  browserFederation: BrowserFederationRun | undefined;
  /** Sends a g_variants record query for `region` to every node (on demand, never automatic). */
  runBrowserFederation: (region: string) => Promise<void>;
  browserFederationUpdate: (update: NodeUpdate) => void;
  browserFederationDone: (done: SearchDone) => void;
}

/** 'chr17:43,044,295-43,125,364' → '17:43044295-43125364', the search box's region syntax. */
export function regionForSearch(locus: string): string | undefined {
  const m = /^chr(\w+):(\d+)-(\d+)$/.exec(locus.replace(/,/g, ''));
  if (m === null) return undefined;
  const [, c = '', a = '', b = ''] = m;
  return `${c === 'M' ? 'MT' : c}:${a}-${b}`;
}

/** The browser's federation track state: main runs the fan-out, this folds its events. */
export const createBrowserFederationSlice: StateCreator<
  StoreState,
  [],
  [],
  BrowserFederationSlice
> = (set, get) => ({
  browserFederation: undefined,
  async runBrowserFederation(region) {
    const previous = get().browserFederation;
    if (previous !== undefined && !previous.done)
      await api().invoke('search:cancel', { queryId: previous.queryId });
    const queryId = newQueryId();
    set({
      browserFederation: {
        queryId,
        locus: get().browserLocus,
        region,
        expected: 0,
        nodes: [],
        done: false,
        error: undefined,
        revision: (previous?.revision ?? 0) + 1,
      },
    });
    const result = await api().invoke('search:run', {
      queryId,
      query: { target: 'g_variants', genomic: region, filters: [], granularity: 'record' },
    });
    const now = get().browserFederation;
    if (now?.queryId !== queryId) return;
    if (!result.ok) {
      set({ browserFederation: { ...now, done: true, error: appErrorText(result.error) } });
      return;
    }
    const { nodes } = result.value;
    set({
      browserFederation: {
        ...now,
        expected: nodes,
        done: now.done || nodes === 0,
        revision: now.revision + 1,
      },
    });
  },
  browserFederationUpdate(update) {
    const run = get().browserFederation;
    if (run === undefined || update.queryId !== run.queryId) return;
    const final = FINAL_STATUSES.includes(update.status);
    set({
      browserFederation: {
        ...run,
        nodes: foldNodeUpdate(run.nodes, update),
        revision: final ? run.revision + 1 : run.revision,
      },
    });
  },
  browserFederationDone(done) {
    const run = get().browserFederation;
    if (run !== undefined && done.queryId === run.queryId)
      set({ browserFederation: { ...run, done: true } });
  },
});
