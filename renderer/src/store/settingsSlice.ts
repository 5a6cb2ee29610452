import type { StateCreator } from 'zustand';
import type { SettingsPatch, SettingsView } from '../../../shared/settings/settings';
import { api } from '../api/client';
import type { StoreState } from './index';
import { appErrorText } from '../i18n/appErrorText';

export interface SettingsSlice {
  settings: SettingsView | undefined;
  settingsError: string | undefined;
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
    else set({ settingsError: appErrorText(result.error) });
  },
  async updateSettings(patch) {
    const result = await api().invoke('settings:set', patch);
    if (result.ok) {
      set({ settings: result.value, settingsError: undefined });
      return true;
    }
    set({ settingsError: appErrorText(result.error) });
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
