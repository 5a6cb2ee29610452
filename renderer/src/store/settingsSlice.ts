import type { StateCreator } from 'zustand';
import type { SettingsPatch, SettingsView } from '../../../shared/settings/settings';
import { api } from '../api/client';
import type { StoreState } from './index';
import type { Wordable } from '../i18n/appErrorText';

export interface SettingsSlice {
  settings: SettingsView | undefined;
  /** Worded when shown (a code in the reader's language, else marked as written: issue 22). */
  settingsError: Wordable | undefined;
  loadSettings: () => Promise<void>;
  updateSettings: (patch: SettingsPatch) => Promise<boolean>;
  dismissNotice: (id: string) => Promise<void>;
  receiveSettings: (view: SettingsView) => void;
}

/** Settings as main owns them: the renderer only mirrors the view and sends patches. */
export const createSettingsSlice: StateCreator<StoreState, [], [], SettingsSlice> = (set) => ({
  settings: undefined,
  settingsError: undefined,
  async loadSettings() {
    const result = await api().invoke('settings:get');
    if (result.ok) set({ settings: result.value, settingsError: undefined });
    else set({ settingsError: result.error });
  },
  async updateSettings(patch) {
    const result = await api().invoke('settings:set', patch);
    if (result.ok) {
      set({ settings: result.value, settingsError: undefined });
      return true;
    }
    set({ settingsError: result.error });
    return false;
  },
  async dismissNotice(id) {
    const result = await api().invoke('settings:dismissNotice', { id });
    if (result.ok) set({ settings: result.value });
  },
  receiveSettings(view) {
    set({ settings: view });
  },
});
