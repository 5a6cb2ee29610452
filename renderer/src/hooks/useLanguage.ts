import { useEffect } from 'react';
import { chooseLanguage } from '../../../shared/i18n/languages';
import { setLanguage } from '../i18n';
import { useStore } from '../store';

/**
 * Shows the app in the chosen language (issue 22): the setting (which a policy may lock), or with
 * 'system' the OS's preferred languages from main (Electron), else the browser's (browser mode).
 */
export function useLanguage(): void {
  const setting = useStore((s) => s.settings?.values.language);
  const system = useStore((s) => s.info?.systemLanguages);
  useEffect(() => {
    if (setting === undefined) return;
    const preferred = system ?? (typeof navigator === 'undefined' ? [] : navigator.languages);
    void setLanguage(chooseLanguage(setting, preferred));
  }, [setting, system]);
}
