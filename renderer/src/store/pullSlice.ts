import type { StateCreator } from 'zustand';
import type { PullCheck, PullProgress, PullTarget } from '../../../shared/vault/vault';
import { api } from '../api/client';
import type { StoreState } from './index';
import { appErrorText } from '../i18n/appErrorText';

export interface PullSlice {
  /** The last check of a pull, shown before the person confirms it. */
  pullCheck: { target: PullTarget; check: PullCheck } | undefined;
  pullJobs: PullProgress[];
  checkPull: (target: PullTarget) => Promise<void>;
  /** Starts the checked pull, if main allowed it. */
  startPull: () => Promise<void>;
  controlPull: (jobId: string, action: 'pause' | 'resume' | 'cancel') => Promise<void>;
  /** Main's jobs of the signed-in user, interrupted ones included (issue 12: resumable after a restart). */
  loadPullJobs: () => Promise<void>;
  /** main's pull:progress. */
  receivePullProgress: (p: PullProgress) => void;
}

/** Pulls into the local cache: main runs them; errors show on the Cohorts page (cohortError). */
export const createPullSlice: StateCreator<StoreState, [], [], PullSlice> = (set, get) => ({
  pullCheck: undefined,
  pullJobs: [],
  async checkPull(target) {
    const result = await api().invoke('pull:check', target);
    if (result.ok) set({ pullCheck: { target, check: result.value }, cohortError: undefined });
    else set({ cohortError: appErrorText(result.error) });
  },
  async startPull() {
    const pending = get().pullCheck;
    if (pending?.check.allowed !== true) return;
    const result = await api().invoke('pull:start', pending.target);
    if (result.ok) {
      set({ pullCheck: undefined });
      return;
    }
    // Refused since the check (a grant ended, the vault locked): main codes each reason in
    // pull:check, so the panel checks again and shows them in the reader's language (0070).
    if (result.error.key === 'pullRefused') await get().checkPull(pending.target);
    set({ cohortError: appErrorText(result.error) });
  },
  async controlPull(jobId, action) {
    const result = await api().invoke(`pull:${action}`, { jobId });
    if (!result.ok) set({ cohortError: appErrorText(result.error) });
  },
  async loadPullJobs() {
    const result = await api().invoke('pull:jobs');
    if (result.ok) set({ pullJobs: result.value.jobs });
  },
  receivePullProgress(p) {
    const others = get().pullJobs.filter((j) => j.jobId !== p.jobId);
    set({ pullJobs: [...others, p] });
  },
});
