import type { StateCreator } from 'zustand';
import type { NodeUpdate, SearchDone } from '../../../shared/search/results';
import { FINAL_STATUSES } from '../../../shared/search/results';
import { api } from '../api/client';
import type { StoreState } from './index';
import { foldNodeUpdate } from './searchSlice';

/** The browser's own federated query for the region in view (separate from the Search page's). */
export interface BrowserFederationRun {
  /** Undefined while search:run is in flight. */
  readonly queryId: string | undefined;
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

// Updates can arrive before search:run's reply names the query (events and replies travel apart).
let early: NodeUpdate[] = [];
let earlyDone: string[] = [];
const EARLY_MAX = 200;

// One subscription for the app's life, made on first use: answers arriving while the person is on
// another page still land here.
let listening = false;
function listen(get: () => StoreState): void {
  if (listening) return;
  listening = true;
  api().on('search:nodeUpdate', (u) => get().browserFederationUpdate(u));
  api().on('search:done', (d) => get().browserFederationDone(d));
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
    listen(get);
    const previous = get().browserFederation;
    if (previous?.queryId !== undefined && !previous.done)
      await api().invoke('search:cancel', { queryId: previous.queryId });
    const locus = get().browserLocus;
    set({
      browserFederation: {
        queryId: undefined,
        locus,
        region,
        expected: 0,
        nodes: [],
        done: false,
        error: undefined,
        revision: (previous?.revision ?? 0) + 1,
      },
    });
    const result = await api().invoke('search:run', {
      target: 'g_variants',
      genomic: region,
      filters: [],
      granularity: 'record',
    });
    const now = get().browserFederation;
    if (now?.region !== region || now.queryId !== undefined) return;
    if (!result.ok) {
      set({ browserFederation: { ...now, done: true, error: result.error.message } });
      return;
    }
    const { queryId, nodes } = result.value;
    const mine = early.filter((u) => u.queryId === queryId);
    const done = earlyDone.includes(queryId);
    early = early.filter((u) => u.queryId !== queryId);
    earlyDone = earlyDone.filter((q) => q !== queryId);
    set({
      browserFederation: {
        ...now,
        queryId,
        expected: nodes,
        nodes: mine.reduce<NodeUpdate[]>(foldNodeUpdate, []),
        done: done || nodes === 0,
        revision: now.revision + 1,
      },
    });
  },
  browserFederationUpdate(update) {
    const run = get().browserFederation;
    if (run === undefined) return;
    if (run.queryId === undefined) {
      early = [...early, update].slice(-EARLY_MAX);
      return;
    }
    if (update.queryId !== run.queryId) return;
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
    if (run === undefined) return;
    if (run.queryId === undefined) earlyDone = [...earlyDone, done.queryId].slice(-10);
    else if (done.queryId === run.queryId) set({ browserFederation: { ...run, done: true } });
  },
});
