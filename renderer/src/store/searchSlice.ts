import type { StateCreator } from 'zustand';
import type { RecentQuery, Suggestion } from '../../../shared/search/channels';
import type { SearchQuery } from '../../../shared/search/query';
import { SearchQuerySchema } from '../../../shared/search/query';
import type { NodeUpdate, SearchDone } from '../../../shared/search/results';
import { api } from '../api/client';
import { queryFileCoded, type InputCoded } from '../features/search/inputProblem';
import type { StoreState } from './index';
import { appErrorText } from '../i18n/appErrorText';

export interface SearchSlice {
  /** The query being edited in the builder. */
  searchDraft: SearchQuery;
  /** The query whose results are shown, with its id; `nodes` is undefined until main answers. */
  searchRun:
    | { queryId: string; query: SearchQuery; startedAt: number; nodes: number | undefined }
    | undefined;
  /** Latest update per node for the shown query, in arrival order of their first update. */
  searchNodes: NodeUpdate[];
  searchDone: SearchDone | undefined;
  /** `coded`: a saved-query file's problem, worded by the renderer (issue 22). */
  searchError: { message: string; where?: string; coded?: InputCoded } | undefined;
  searchRecent: RecentQuery[];
  setSearchDraft: (patch: Partial<SearchQuery>) => void;
  replaceSearchDraft: (query: SearchQuery) => void;
  runSearch: () => Promise<void>;
  cancelSearch: () => Promise<void>;
  retrySearchNode: (nodeId: string) => Promise<void>;
  receiveNodeUpdate: (update: NodeUpdate) => void;
  receiveSearchDone: (done: SearchDone) => void;
  loadRecentSearches: () => Promise<void>;
  suggest: (kind: 'gene' | 'filter', text: string) => Promise<Suggestion[]>;
  saveSearchQuery: () => Promise<{ text: string; fileName: string } | undefined>;
  openSearchQuery: (text: string, fileName: string) => Promise<boolean>;
}

const emptyDraft = (): SearchQuery => SearchQuerySchema.parse({});

/** Latest update per node, a later attempt replacing an earlier one; first-arrival order kept. */
export function foldNodeUpdate(nodes: readonly NodeUpdate[], update: NodeUpdate): NodeUpdate[] {
  const i = nodes.findIndex((n) => n.nodeId === update.nodeId);
  if (i < 0) return [...nodes, update];
  if ((nodes[i]?.attempt ?? 0) > update.attempt) return [...nodes];
  return nodes.map((n, j) => (j === i ? update : n));
}

/** A new query id: the renderer names each query, so no node update can precede it (issue 14). */
export const newQueryId = (): string => crypto.randomUUID();

/** Federated search as the renderer sees it: main does the requests, this slice folds its events. */
export const createSearchSlice: StateCreator<StoreState, [], [], SearchSlice> = (set, get) => ({
  searchDraft: emptyDraft(),
  searchRun: undefined,
  searchNodes: [],
  searchDone: undefined,
  searchError: undefined,
  searchRecent: [],
  setSearchDraft(patch) {
    set({ searchDraft: { ...get().searchDraft, ...patch } });
  },
  replaceSearchDraft(query) {
    set({ searchDraft: query, searchError: undefined });
  },
  async runSearch() {
    const previous = get().searchRun;
    if (previous !== undefined && get().searchDone === undefined) await get().cancelSearch();
    const shown = {
      searchRun: previous,
      searchNodes: get().searchNodes,
      searchDone: get().searchDone,
    };
    const query = get().searchDraft;
    const queryId = newQueryId();
    // The run is followed from before it is sent: its node updates fold in as they arrive.
    set({
      searchRun: { queryId, query, startedAt: Date.now(), nodes: undefined },
      searchNodes: [],
      searchDone: undefined,
    });
    const result = await api().invoke('search:run', { queryId, query });
    const run = get().searchRun;
    if (run?.queryId !== queryId) return;
    if (!result.ok) {
      const { where } = result.error;
      const message = appErrorText(result.error);
      // A refused query leaves the previous answer in view, with the reason.
      set({ ...shown, searchError: where === undefined ? { message } : { message, where } });
      return;
    }
    set({ searchRun: { ...run, nodes: result.value.nodes }, searchError: undefined });
    void get().loadRecentSearches();
  },
  async cancelSearch() {
    const run = get().searchRun;
    if (run === undefined) return;
    await api().invoke('search:cancel', { queryId: run.queryId });
  },
  async retrySearchNode(nodeId) {
    const run = get().searchRun;
    if (run === undefined) return;
    const result = await api().invoke('search:retryNode', { queryId: run.queryId, nodeId });
    if (!result.ok) set({ searchError: { message: appErrorText(result.error) } });
  },
  receiveNodeUpdate(update) {
    if (update.queryId !== get().searchRun?.queryId) return;
    set({ searchNodes: foldNodeUpdate(get().searchNodes, update) });
  },
  receiveSearchDone(done) {
    if (done.queryId === get().searchRun?.queryId) set({ searchDone: done });
  },
  async loadRecentSearches() {
    const result = await api().invoke('search:recent');
    if (result.ok) set({ searchRecent: result.value.items });
  },
  async suggest(kind, text) {
    const result = await api().invoke('search:suggest', { kind, text, limit: 10 });
    return result.ok ? result.value.items : [];
  },
  async saveSearchQuery() {
    const result = await api().invoke('search:saveQuery', { query: get().searchDraft });
    return result.ok ? result.value : undefined;
  },
  async openSearchQuery(text, fileName) {
    const result = await api().invoke('search:openQuery', { text, fileName });
    if (!result.ok) {
      const { where } = result.error;
      const message = appErrorText(result.error);
      const coded = queryFileCoded(text, fileName);
      set({
        searchError: {
          message,
          ...(where === undefined ? {} : { where }),
          ...(coded === undefined ? {} : { coded }),
        },
      });
      return false;
    }
    set({ searchDraft: result.value, searchError: undefined });
    return true;
  },
});
