import type { SettingsStore } from '../settings/settingsStore';
import type { LocalCacheSource } from './vaultService';

/**
 * allowLocalCache and cacheMaxDays as the vault needs them (issues 13, 21): the effective values,
 * whether hospital policy locks them (then existing copies are purged, not only locked), and a
 * signal when either changes.
 */
export function localCacheFrom(
  settings: Pick<SettingsStore, 'view' | 'onChange'>,
): LocalCacheSource {
  const get = () => {
    const view = settings.view();
    return {
      allowed: view.values.allowLocalCache,
      managed: view.locked.includes('allowLocalCache'),
      maxDays: view.values.cacheMaxDays,
      maxDaysManaged: view.locked.includes('cacheMaxDays'),
    };
  };
  // A shorter maximum age purges at once, like turning local copies off (issue 21).
  const key = (): string => JSON.stringify([get().allowed, get().maxDays]);
  return {
    get,
    onChange(listener) {
      let last = key();
      return settings.onChange(() => {
        const now = key();
        if (now === last) return;
        last = now;
        listener();
      });
    },
  };
}
