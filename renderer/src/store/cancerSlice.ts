import type { StateCreator } from 'zustand';
import type {
  GeneKnowledge,
  SomaticPresetList,
  SomaticResult,
} from '../../../shared/cancer/channels';
import type { SomaticPresetFile } from '../../../shared/cancer/somaticPresets';
import type { TierReview } from '../../../shared/cancer/cancerCase';
import type { GermlineResult } from '../../../shared/cancer/germline';
import type { SomaticFilter } from '../../../shared/cancer/somaticFilter';
import { DEFAULT_SOMATIC_FILTER } from '../../../shared/cancer/somaticFilter';
import { api } from '../api/client';
import type { StoreState } from './index';
import { appErrorText } from '../i18n/appErrorText';
import { saidText } from '../i18n/said';

/** Rows the somatic table shows at most (a tumour's filtered calls are hundreds, not millions). */
export const SOMATIC_ROWS = 500;

export interface CancerSlice {
  somaticFilter: SomaticFilter;
  /** The case `somaticFilter` was last run on: another case starts on the default filter. */
  somaticFilterCase: string | undefined;
  somatic: SomaticResult | undefined;
  somaticBusy: boolean;
  somaticError: string | undefined;
  /** The gene the lollipop plot shows, and what the knowledge says about it. */
  cancerGene: GeneKnowledge | undefined;
  /**
   * Runs the somatic filter over the open cancer case (main answers: cancer:somatic). Without a
   * filter: the one last run on this case (the view opens again on it after a change of tab), or
   * the default on a case not filtered yet.
   */
  loadSomatic: (filter?: SomaticFilter) => Promise<void>;
  showCancerGene: (gene: string) => Promise<void>;
  /** The predisposition superpanel on the open cancer case's normal sample (cancer:germline). */
  germline: { caseId: string; result: GermlineResult } | undefined;
  germlineError: string | undefined;
  loadGermline: (caseId: string) => Promise<void>;
  /** The somatic filter's presets: built in and the user's own (decision 0079). */
  somaticPresets: SomaticPresetList;
  loadSomaticPresets: () => Promise<void>;
  /** Saves (or replaces) one of the user's somatic presets; the error in their words, if any. */
  saveSomaticPreset: (p: SomaticPresetFile) => Promise<string | undefined>;
  deleteSomaticPreset: (name: string) => Promise<string | undefined>;
  /** The oncologist's tier for a variant; the error in their words, if any. */
  reviewTier: (
    r: Omit<TierReview, 'at' | 'note'> & { note?: string },
  ) => Promise<string | undefined>;
}

/** A cancer case's somatic view (issue 19): filter, rows, tier reviews, the lollipop's gene. */
export const createCancerSlice: StateCreator<StoreState, [], [], CancerSlice> = (set, get) => {
  let generation = 0;
  return {
    somaticFilter: DEFAULT_SOMATIC_FILTER,
    somaticFilterCase: undefined,
    somatic: undefined,
    somaticBusy: false,
    somaticError: undefined,
    cancerGene: undefined,
    germline: undefined,
    germlineError: undefined,
    somaticPresets: { builtIn: [], saved: [] },
    async loadSomaticPresets() {
      const result = await api().invoke('cancer:presets');
      if (result.ok) set({ somaticPresets: result.value });
    },
    async saveSomaticPreset(p) {
      const result = await api().invoke('cancer:savePreset', p);
      if (!result.ok) return appErrorText(result.error);
      set({ somaticPresets: result.value });
      return undefined;
    },
    async deleteSomaticPreset(name) {
      const result = await api().invoke('cancer:deletePreset', { name });
      if (!result.ok) return appErrorText(result.error);
      set({ somaticPresets: result.value });
      return undefined;
    },
    async loadGermline(caseId) {
      set({ germlineError: undefined });
      const result = await api().invoke('cancer:germline', { caseId });
      if (get().caseOpen?.detail.caseId !== caseId) return;
      if (result.ok) set({ germline: { caseId, result: result.value } });
      else set({ germlineError: appErrorText(result.error) });
    },
    async loadSomatic(filter) {
      const open = get().caseOpen;
      if (open?.detail.cancer === undefined) return;
      const caseId = open.detail.caseId;
      const f =
        filter ??
        (get().somaticFilterCase === caseId ? get().somaticFilter : DEFAULT_SOMATIC_FILTER);
      const mine = ++generation;
      set({
        somaticFilter: f,
        somaticFilterCase: caseId,
        somaticBusy: true,
        somaticError: undefined,
      });
      const result = await api().invoke('cancer:somatic', {
        caseId: open.detail.caseId,
        filter: f,
        limit: SOMATIC_ROWS,
      });
      if (mine !== generation) return;
      if (result.ok) set({ somatic: result.value, somaticBusy: false });
      else set({ somaticBusy: false, somaticError: appErrorText(result.error) });
    },
    async showCancerGene(gene) {
      const result = await api().invoke('cancer:gene', { gene });
      if (result.ok) set({ cancerGene: result.value });
    },
    async reviewTier(r) {
      const open = get().caseOpen;
      if (open === undefined) return saidText({ key: 'noCaseOpen' });
      const result = await api().invoke('cancer:review', { caseId: open.detail.caseId, ...r });
      if (!result.ok) return appErrorText(result.error);
      const cancer = open.detail.cancer;
      if (cancer !== undefined)
        set({
          caseOpen: {
            ...open,
            detail: { ...open.detail, cancer: { ...cancer, reviews: result.value.reviews } },
          },
        });
      return undefined;
    },
  };
};
