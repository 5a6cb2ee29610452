import type { StateCreator } from 'zustand';
import type {
  CaseDetail,
  CaseImportRequest,
  CaseInspection,
  CaseList,
  CaseProgress,
  FileRef,
  Panel,
  TextFile,
} from '../../../shared/cases/channels';
import type { CasePreset } from '../../../shared/cases/filters';
import type { Result } from '../../../shared/result';
import { api } from '../api/client';
import { UploadCancelled, uploadCaseFile } from '../api/caseUpload';
import type { StoreState } from './index';
import { appErrorText } from '../i18n/appErrorText';
import { errorText } from '../i18n/said';

/** The case open on the page: main's record and the alias its database has in duckdb-wasm. */
/** Electron: main opens its own file dialog (the path never reaches the page); browser mode uploads. */
export const mainPicksCaseFiles = (): boolean => api().transport === 'electron';

export interface OpenCase {
  readonly detail: CaseDetail;
  readonly alias: string;
}

export interface CaseSlice {
  /** The owner's cases as main lists them (undefined until asked). */
  caseList: CaseList | undefined;
  /** Imports main runs or ran (progress events fold in here, by job). */
  caseJobs: CaseProgress[];
  caseOpen: OpenCase | undefined;
  /** The case being opened (its database is fetched and attached), if any. */
  caseOpening: string | undefined;
  /** What went wrong with the list, an open or a delete, in the person's words. */
  caseError: string | undefined;
  casePanels: Panel[];
  casePresets: { builtIn: CasePreset[]; saved: CasePreset[] };
  loadCases: () => Promise<void>;
  receiveCases: (list: CaseList) => void;
  loadCaseJobs: () => Promise<void>;
  receiveCaseProgress: (progress: CaseProgress) => void;
  loadCaseCatalog: () => Promise<void>;
  openCase: (caseId: string) => Promise<void>;
  closeCase: () => void;
  deleteCase: (caseId: string) => Promise<boolean>;
  /** Electron: main's own file dialog; browser mode: the page uploads the File it was given. */
  /** Main's dialog (Electron) or the upload of `file` (browser mode); null: none, or cancelled. */
  chooseCaseVcf: (
    file: File | undefined,
    onProgress?: (sent: number, total: number) => void,
    signal?: AbortSignal,
  ) => Promise<Result<FileRef | null>>;
  inspectCaseFiles: (req: {
    vcf: string;
    ped?: TextFile;
    phenopacket?: TextFile;
  }) => Promise<Result<CaseInspection>>;
  startCaseImport: (req: CaseImportRequest) => Promise<Result<{ jobId: string; caseId: string }>>;
  /** A chosen file New case no longer needs (issue 16): main deletes an upload's copy. */
  releaseCaseFile: (handle: string) => void;
  cancelCaseImport: (jobId: string) => Promise<void>;
  /** Audits an export of the case's variants before it is saved; the error, if any. */
  recordCaseExport: (caseId: string, rows: number) => Promise<string | undefined>;
  saveCasePreset: (preset: CasePreset) => Promise<string | undefined>;
  deleteCasePreset: (name: string) => Promise<string | undefined>;
}

const failed = (message: string): Result<never> => ({
  ok: false,
  error: { code: 'INTERNAL', message },
});

/** Cases: main owns import, storage and the list; db/ attaches the open case's database. */
export const createCaseSlice: StateCreator<StoreState, [], [], CaseSlice> = (set, get) => ({
  caseList: undefined,
  caseJobs: [],
  caseOpen: undefined,
  caseOpening: undefined,
  caseError: undefined,
  casePanels: [],
  casePresets: { builtIn: [], saved: [] },
  async loadCases() {
    const result = await api().invoke('case:list');
    if (result.ok) get().receiveCases(result.value);
    else set({ caseError: appErrorText(result.error) });
  },
  receiveCases(list) {
    set({ caseList: list, caseError: undefined });
    const open = get().caseOpen;
    // A case deleted elsewhere (another window, the command line), or the vault locked: close it.
    if (
      open !== undefined &&
      (list.locked || !list.cases.some((c) => c.caseId === open.detail.caseId))
    )
      get().closeCase();
  },
  async loadCaseJobs() {
    const result = await api().invoke('case:jobs');
    if (result.ok) set({ caseJobs: result.value.jobs });
  },
  receiveCaseProgress(progress) {
    const others = get().caseJobs.filter((j) => j.jobId !== progress.jobId);
    set({ caseJobs: [...others, progress] });
  },
  async loadCaseCatalog() {
    const [panels, presets] = await Promise.all([
      api().invoke('case:panels'),
      api().invoke('case:presets'),
    ]);
    if (panels.ok) set({ casePanels: panels.value.panels });
    if (presets.ok) set({ casePresets: presets.value });
  },
  async openCase(caseId) {
    set({ caseOpening: caseId, caseError: undefined });
    const result = await api().invoke('case:open', { caseId });
    if (get().caseOpening !== caseId) return;
    if (!result.ok) {
      set({ caseOpening: undefined, caseError: appErrorText(result.error) });
      return;
    }
    try {
      const { attachCase } = await import('../db/cases');
      const alias = await attachCase(caseId, result.value.database);
      if (get().caseOpening !== caseId) return;
      set({ caseOpen: { detail: result.value, alias }, caseOpening: undefined });
      get().caseOpened(result.value);
    } catch (error: unknown) {
      set({
        caseOpening: undefined,
        caseError: errorText(error),
      });
    }
  },
  closeCase() {
    const open = get().caseOpen;
    set({ caseOpen: undefined, caseOpening: undefined });
    get().caseClosed();
    if (open === undefined) return;
    const caseId = open.detail.caseId;
    // The Browser's track of this case reads its database: it goes first (caseOpen is already
    // unset, so the Browser's sources no longer name it).
    for (const track of get().browserTracks)
      if (track.kind === 'case' && track.source === caseId) get().removeBrowserTrack(track.id);
    void import('../db/cases').then(({ detachCase }) => detachCase(caseId));
  },
  async deleteCase(caseId) {
    if (get().caseOpen?.detail.caseId === caseId) get().closeCase();
    const result = await api().invoke('case:delete', { caseId });
    if (!result.ok) {
      set({ caseError: appErrorText(result.error) });
      return false;
    }
    await get().loadCases();
    return result.value.deleted;
  },
  async chooseCaseVcf(file, onProgress, signal) {
    if (api().transport === 'electron') {
      const picked = await api().invoke('case:pickFile', { kind: 'vcf' });
      return picked.ok ? { ok: true, value: picked.value.file } : picked;
    }
    if (file === undefined) return { ok: true, value: null };
    try {
      return { ok: true, value: await uploadCaseFile(file, onProgress, signal) };
    } catch (error: unknown) {
      if (error instanceof UploadCancelled) return { ok: true, value: null };
      // Worded now (issue 22): the dialog shows a message without a key as it comes.
      return failed(errorText(error));
    }
  },
  inspectCaseFiles: (req) => api().invoke('case:inspect', req),
  startCaseImport: (req) => api().invoke('case:import', req),
  releaseCaseFile(handle) {
    // Best effort: main keeps a file a running import reads, and an unreleased upload still
    // goes when its handle expires or the app restarts.
    void api().invoke('case:releaseFile', { handle });
  },
  async cancelCaseImport(jobId) {
    const result = await api().invoke('case:cancel', { jobId });
    if (!result.ok) set({ caseError: appErrorText(result.error) });
  },
  async recordCaseExport(caseId, rows) {
    const result = await api().invoke('case:exported', { caseId, format: 'tsv', rows });
    return result.ok ? undefined : appErrorText(result.error);
  },
  async saveCasePreset(preset) {
    const result = await api().invoke('case:savePreset', preset);
    if (!result.ok) return appErrorText(result.error);
    set({ casePresets: result.value });
    return undefined;
  },
  async deleteCasePreset(name) {
    const result = await api().invoke('case:deletePreset', { name });
    if (!result.ok) return appErrorText(result.error);
    set({ casePresets: result.value });
    return undefined;
  },
});
