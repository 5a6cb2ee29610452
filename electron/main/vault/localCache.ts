import type { SettingsStore } from '../settings/settingsStore';
import type { LocalCacheSource } from './vaultService';

/**
 * allowLocalCache as the vault needs it (issue 13): the effective value, whether hospital policy
 * locks it (then existing copies are purged, not only locked), and a signal when the value changes.
 */
export function localCacheFrom(
  settings: Pick<SettingsStore, 'view' | 'onChange'>,
): LocalCacheSource {
  const get = () => {
    const view = settings.view();
    return {
      allowed: view.values.allowLocalCache,
      managed: view.locked.includes('allowLocalCache'),
    };
  };
  return {
    get,
    onChange(listener) {
      let last = get().allowed;
      return settings.onChange(() => {
        const now = get().allowed;
        if (now === last) return;
        last = now;
        listener();
      });
    },
  };
}
