import type { StateCreator } from 'zustand';
import type { HostList } from '../../../shared/it/hosts';
import type { LicenceNotices } from '../../../shared/it/licences';
import { LICENCE_NOTICES_FILE, LicenceNoticesSchema } from '../../../shared/it/licences';
import { api } from '../api/client';
import type { StoreState } from './index';
import type { Wordable } from '../i18n/appErrorText';
import { errorText } from '../i18n/said';

export interface ItSlice {
  /** Every host the app may contact (issue 21), as main lists it now. */
  hosts: HostList | undefined;
  /** Worded when shown (a code in the reader's language, else marked as written: issue 22). */
  hostsError: Wordable | undefined;
  loadHosts: () => Promise<void>;
  /** Third-party licence notices shipped with the app (Help → About → Licences). */
  licences: LicenceNotices | undefined;
  licencesError: string | undefined;
  loadLicences: () => Promise<void>;
}

/** What hospital IT checks in the app: the host list and the licence notices. */
export const createItSlice: StateCreator<StoreState, [], [], ItSlice> = (set) => ({
  hosts: undefined,
  hostsError: undefined,
  async loadHosts() {
    const result = await api().invoke('hosts:list');
    if (result.ok) set({ hosts: result.value, hostsError: undefined });
    else set({ hostsError: result.error });
  },
  licences: undefined,
  licencesError: undefined,
  async loadLicences() {
    // A static file of the app's own origin (written by the build), not an IPC call.
    try {
      const res = await fetch(new URL(LICENCE_NOTICES_FILE, document.baseURI));
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      set({ licences: LicenceNoticesSchema.parse(await res.json()), licencesError: undefined });
    } catch (error: unknown) {
      set({ licencesError: errorText(error) });
    }
  },
});
