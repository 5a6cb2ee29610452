import type { StateCreator } from 'zustand';
import type { AppInfo } from '../../../shared/app/appInfo';
import { api } from '../api/client';
import type { StoreState } from './index';
import { appErrorText } from '../i18n/appErrorText';

export interface AppSlice {
  info: AppInfo | undefined;
  infoError: string | undefined;
  online: boolean;
  loadInfo: () => Promise<void>;
  setOnline: (online: boolean) => void;
}

/** App facts from main (app:info) and the OS's connectivity. */
export const createAppSlice: StateCreator<StoreState, [], [], AppSlice> = (set) => ({
  info: undefined,
  infoError: undefined,
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  async loadInfo() {
    const result = await api().invoke('app:info');
    if (result.ok) set({ info: result.value, infoError: undefined });
    else set({ infoError: appErrorText(result.error) });
  },
  setOnline(online) {
    set({ online });
  },
});
