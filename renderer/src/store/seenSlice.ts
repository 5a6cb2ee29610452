import type { StateCreator } from 'zustand';
import type { SearchDone } from '../../../shared/search/results';
import type {
  LikePreview,
  LikeStoredRun,
  LikeTerm,
  LikeUpdate,
  SeenAnswer,
  SeenCandidate,
  SeenDone,
  SeenProgress,
} from '../../../shared/seen/channels';
import { api } from '../api/client';
import type { LocalCarrier } from '../db/cacheLookups';
import type { StoreState } from './index';
import { foldNodeUpdate, newQueryId } from './searchSlice';
import { appErrorText } from '../i18n/appErrorText';
import { errorText } from '../i18n/said';

/** A seen-before lookup as the page follows it (issue 18). */
export interface SeenRun {
  readonly queryId: string;
  readonly caseId: string;
  readonly candidates: number;
  readonly nodes: readonly SeenProgress[];
  readonly done?: SeenDone;
}

/** "Patients like mine": the offered terms, the preview and the run. */
export interface LikeState {
  readonly terms?: readonly LikeTerm[];
  readonly unknown?: readonly string[];
  readonly preview?: LikePreview | undefined;
  readonly queryId?: string | undefined;
  readonly nodes: readonly LikeUpdate[];
  readonly done?: SearchDone | undefined;
  readonly error?: string | undefined;
  /** Earlier runs stored with the case (issue 18), oldest first: shown as of their time. */
  readonly stored?: readonly LikeStoredRun[];
}

export interface SeenSlice {
  /** The case whose answers are shown, and what main has stored for it. */
  seenCaseId: string | undefined;
  seenAnswers: readonly SeenAnswer[];
  seenRun: SeenRun | undefined;
  seenError: string | undefined;
  /** The local cache's carriers of the shown alleles, or why they could not be read. */
  seenLocal: { readonly carriers: readonly LocalCarrier[]; readonly error?: string } | undefined;
  like: LikeState;
  loadLocalCarriers: (keys: readonly string[]) => Promise<void>;
  loadSeen: (caseId: string) => Promise<void>;
  lookupSeen: (candidates: readonly SeenCandidate[]) => Promise<void>;
  cancelSeen: () => Promise<void>;
  receiveSeenProgress: (p: SeenProgress) => void;
  receiveSeenDone: (d: SeenDone) => void;
  previewLike: (gene: string, terms: readonly string[]) => Promise<void>;
  closeLikePreview: () => void;
  runLike: () => Promise<void>;
  receiveLikeUpdate: (u: LikeUpdate) => void;
  receiveLikeDone: (d: SearchDone) => void;
}

const foldProgress = (nodes: readonly SeenProgress[], p: SeenProgress): SeenProgress[] => {
  const i = nodes.findIndex((n) => n.nodeId === p.nodeId);
  return i < 0 ? [...nodes, p] : nodes.map((n, j) => (j === i ? p : n));
};

/** Seen before and patients like mine: main asks the nodes; this slice folds their events. */
export const createSeenSlice: StateCreator<StoreState, [], [], SeenSlice> = (set, get) => ({
  seenCaseId: undefined,
  seenAnswers: [],
  seenRun: undefined,
  seenError: undefined,
  seenLocal: undefined,
  like: { nodes: [] },
  async loadLocalCarriers(keys) {
    const caseId = get().seenCaseId;
    try {
      const { localCarriers } = await import('../db/cacheLookups');
      const carriers = await localCarriers(keys);
      if (get().seenCaseId === caseId) set({ seenLocal: { carriers } });
    } catch (error: unknown) {
      if (get().seenCaseId === caseId)
        set({
          seenLocal: {
            carriers: [],
            error: errorText(error),
          },
        });
    }
  },
  async loadSeen(caseId) {
    if (get().seenCaseId !== caseId)
      set({
        seenCaseId: caseId,
        seenAnswers: [],
        seenRun: undefined,
        seenLocal: undefined,
        like: { nodes: [] },
      });
    const [stored, terms, likeRuns] = await Promise.all([
      api().invoke('seen:stored', { caseId }),
      api().invoke('seen:likeTerms', { caseId }),
      api().invoke('seen:likeStored', { caseId }),
    ]);
    if (get().seenCaseId !== caseId) return;
    set({
      seenAnswers: stored.ok ? stored.value.answers : [],
      seenError: stored.ok ? undefined : appErrorText(stored.error),
      like: {
        ...get().like,
        ...(terms.ok ? { terms: terms.value.terms, unknown: terms.value.unknown } : {}),
        ...(likeRuns.ok ? { stored: likeRuns.value.runs } : {}),
      },
    });
  },
  async lookupSeen(candidates) {
    const caseId = get().seenCaseId;
    if (caseId === undefined || candidates.length === 0) return;
    if (get().seenRun !== undefined && get().seenRun?.done === undefined) await get().cancelSeen();
    const queryId = newQueryId();
    set({
      seenRun: { queryId, caseId, candidates: candidates.length, nodes: [] },
      seenError: undefined,
    });
    const r = await api().invoke('seen:lookup', { queryId, caseId, candidates: [...candidates] });
    if (!r.ok && get().seenRun?.queryId === queryId)
      set({ seenRun: undefined, seenError: appErrorText(r.error) });
  },
  async cancelSeen() {
    const run = get().seenRun;
    if (run !== undefined) await api().invoke('seen:cancel', { queryId: run.queryId });
  },
  receiveSeenProgress(p) {
    const run = get().seenRun;
    if (run?.queryId === p.queryId) set({ seenRun: { ...run, nodes: foldProgress(run.nodes, p) } });
  },
  receiveSeenDone(d) {
    const run = get().seenRun;
    if (run?.queryId !== d.queryId) return;
    set({ seenRun: { ...run, done: d } });
    void get().loadSeen(d.caseId);
  },
  async previewLike(gene, terms) {
    const caseId = get().seenCaseId;
    if (caseId === undefined) return;
    const r = await api().invoke('seen:likePreview', { caseId, gene, terms: [...terms] });
    set({
      like: r.ok
        ? { ...get().like, preview: r.value, error: undefined }
        : { ...get().like, preview: undefined, error: appErrorText(r.error) },
    });
  },
  closeLikePreview() {
    set({ like: { ...get().like, preview: undefined } });
  },
  async runLike() {
    const caseId = get().seenCaseId;
    const preview = get().like.preview;
    if (caseId === undefined || preview === undefined) return;
    const queryId = newQueryId();
    set({
      like: {
        ...get().like,
        preview: undefined,
        queryId,
        nodes: [],
        done: undefined,
        error: undefined,
      },
    });
    const r = await api().invoke('seen:likeRun', {
      queryId,
      caseId,
      gene: preview.gene,
      terms: preview.terms.map((t) => t.id),
    });
    if (!r.ok && get().like.queryId === queryId)
      set({ like: { ...get().like, queryId: undefined, error: appErrorText(r.error) } });
  },
  receiveLikeUpdate(u) {
    const like = get().like;
    if (like.queryId === u.queryId)
      set({ like: { ...like, nodes: foldNodeUpdate(like.nodes, u) } });
  },
  receiveLikeDone(d) {
    const like = get().like;
    if (like.queryId !== d.queryId) return;
    set({ like: { ...like, done: d } });
    const caseId = get().seenCaseId;
    if (caseId !== undefined)
      void api()
        .invoke('seen:likeStored', { caseId })
        .then((r) => {
          if (r.ok && get().seenCaseId === caseId)
            set({ like: { ...get().like, stored: r.value.runs } });
        });
  },
});
