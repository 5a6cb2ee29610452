import type { Handlers } from '../ipc/router';
import type { SettingsStore } from './settingsStore';

/** Handlers for settings:* channels. */
export function settingsHandlers(
  store: SettingsStore,
): Pick<Handlers, 'settings:get' | 'settings:set' | 'settings:dismissNotice'> {
  return {
    'settings:get': () => store.view(),
    'settings:set': (patch) => store.set(patch),
    'settings:dismissNotice': ({ id }) => store.dismissNotice(id),
  };
}
