import type { StateCreator } from 'zustand';
import type { ClinvarLookup } from '../../../shared/acmg/clinvar';
import type {
  CaseReport,
  CaseWork,
  ReportMethod,
  WorkChange,
} from '../../../shared/cases/workChannels';
import type { Result } from '../../../shared/result';
import { api } from '../api/client';
import type { StoreState } from './index';
import type { DiseaseSearch } from '../../../shared/cases/diseaseSearch';
import type { Language } from '../../../shared/i18n/languages';
import { appErrorText } from '../i18n/appErrorText';
import { serialQueue } from '../../../shared/serialQueue';

/**
 * A change worked out from the case's work as main last answered it, when its turn comes (an edit
 * of an evidence sheet); undefined: nothing to send any more.
 */
export type WorkChangeOf = (work: CaseWork) => WorkChange | undefined;

/** The open case's work (issue 18): status, tags, notes, evidence sheets, sign-off; kept by main. */
export interface CaseWorkSlice {
  caseWork: { caseId: string; work: CaseWork } | undefined;
  caseWorkError: string | undefined;
  /** ClinVar for the reviewed variants and their genes. */
  caseClinvar: ClinvarLookup | undefined;
  loadCaseWork: (caseId: string) => Promise<void>;
  /**
   * One change, sent after main answered the ones asked for before it; false (with caseWorkError
   * set) when main refused it, or when a `WorkChangeOf` found nothing to change.
   */
  changeCaseWork: (caseId: string, change: WorkChange | WorkChangeOf) => Promise<boolean>;
  lookupClinvar: (variantKeys: string[], genes: string[]) => Promise<ClinvarLookup | undefined>;
  caseReport: (
    caseId: string,
    format: 'html' | 'pdf' | 'preview',
    method: ReportMethod,
    /** The report's language (issue 22); main writes English when absent. */
    language?: Language,
  ) => Promise<Result<CaseReport>>;
  casePhenopacket: (caseId: string) => Promise<Result<{ fileName: string; json: string }>>;
  /** The diagnosis picker's matches (issue 18); undefined when main could not answer. */
  searchDiseases: (query: string) => Promise<DiseaseSearch | undefined>;
}

export const createCaseWorkSlice: StateCreator<StoreState, [], [], CaseWorkSlice> = (set, get) => {
  const refreshClinvar = async (work: CaseWork): Promise<void> => {
    const keys = work.variants.map((v) => v.variant.variantKey);
    const genes = [...new Set(work.variants.flatMap((v) => v.variant.gene ?? []))];
    const cv = await get().lookupClinvar(keys, genes);
    if (cv !== undefined) set({ caseClinvar: cv });
  };
  // Changes go to main one at a time, each after the answer to the one before: a sheet edit is
  // worked out from that answer, not from the sheet on screen when it was clicked. Two quick
  // clicks (accept PM2, accept PVS1) once each sent a whole sheet drawn before either answer, the
  // second undid the first, and main rightly refused to confirm the class (cancer-germline flake).
  const queued = serialQueue();
  const send = async (caseId: string, change: WorkChange | WorkChangeOf): Promise<boolean> => {
    let c: WorkChange | undefined;
    if (typeof change === 'function') {
      const held = get().caseWork;
      c = held?.caseId === caseId ? change(held.work) : undefined;
    } else c = change;
    if (c === undefined) return false;
    const r = await api().invoke('case:updateWork', { caseId, change: c });
    if (!r.ok) {
      set({ caseWorkError: appErrorText(r.error) });
      return false;
    }
    took(caseId, r.value);
    return true;
  };
  const took = (caseId: string, work: CaseWork): void => {
    const before = get().caseWork?.work.variants.length;
    set({ caseWork: { caseId, work }, caseWorkError: undefined });
    if (before !== work.variants.length) void refreshClinvar(work);
  };
  return {
    caseWork: undefined,
    caseWorkError: undefined,
    caseClinvar: undefined,
    async loadCaseWork(caseId) {
      set({ caseWork: undefined, caseWorkError: undefined, caseClinvar: undefined });
      const r = await api().invoke('case:work', { caseId });
      if (r.ok) took(caseId, r.value);
      else set({ caseWorkError: appErrorText(r.error) });
    },
    changeCaseWork: (caseId, change) => queued(() => send(caseId, change)),
    async lookupClinvar(variantKeys, genes) {
      const r = await api().invoke('case:clinvar', { variantKeys, genes });
      return r.ok ? r.value : undefined;
    },
    caseReport: (caseId, format, method, language) =>
      api().invoke('case:report', {
        caseId,
        format,
        method,
        ...(language === undefined ? {} : { language }),
      }),
    casePhenopacket: (caseId) => api().invoke('case:phenopacket', { caseId }),
    async searchDiseases(query) {
      const r = await api().invoke('case:diseases', { query: query.slice(0, 200) });
      return r.ok ? r.value : undefined;
    },
  };
};
