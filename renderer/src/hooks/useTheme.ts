import { useEffect } from 'react';
import { useStore } from '../store';

/** Applies the theme setting to <html data-theme>; 'system' follows prefers-color-scheme in CSS. */
export function useTheme(): void {
  const theme = useStore((s) => s.settings?.values.theme ?? 'system');
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}
