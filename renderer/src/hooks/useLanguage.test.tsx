// @vitest-environment jsdom
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppInfo } from '../../../shared/app/appInfo';
import type { LanguageSetting } from '../../../shared/i18n/languages';
import { defaultSettings } from '../../../shared/settings/settings';
import i18n from '../i18n';
import { resetStore, useStore } from '../store';
import { useLanguage } from './useLanguage';

afterEach(async () => {
  cleanup();
  resetStore();
  await i18n.changeLanguage('en');
});

const info = (systemLanguages?: string[]): AppInfo => ({
  name: 'Cohort Desk',
  version: '0',
  platform: 'linux',
  runtime: { kind: 'browser', transport: 'loopback-websocket', node: '22' },
  paths: { data: '/d', logs: '/l', policy: '/p' },
  ...(systemLanguages === undefined ? {} : { systemLanguages }),
});

function show(language: LanguageSetting, systemLanguages?: string[]): void {
  useStore.setState({
    info: info(systemLanguages),
    settings: {
      values: { ...defaultSettings(), language },
      locked: [],
      notices: [],
      policyPath: '/p',
      policyActive: false,
    },
  });
  renderHook(() => useLanguage());
}

describe('issue 22: the app shows the chosen language, or the OS language when supported', () => {
  it('"system" follows the OS languages main reports (the first supported one)', async () => {
    show('system', ['ja-JP', 'sv-SE', 'de-DE']);
    await waitFor(() => expect(document.documentElement.lang).toBe('sv'));
    expect(i18n.language).toBe('sv');
  });

  it('"system" with no supported OS language is English', async () => {
    show('system', ['ja-JP']);
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
  });

  it('a chosen language wins over the OS', async () => {
    show('it', ['de-DE']);
    await waitFor(() => expect(i18n.language).toBe('it'));
  });

  it('browser mode (no OS languages from main) follows the browser', async () => {
    show('system');
    // jsdom's navigator.languages is ["en-US", "en"].
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
  });

  it('a language whose file has not landed shows English, not keys or a crash', async () => {
    const had = i18n.getResourceBundle('fi', 'translation') as Record<string, unknown> | undefined;
    i18n.removeResourceBundle('fi', 'translation');
    try {
      show('fi');
      await waitFor(() => expect(i18n.language).toBe('fi'));
      expect(i18n.t('settings.language')).toBe('Language');
    } finally {
      if (had !== undefined) i18n.addResourceBundle('fi', 'translation', had);
    }
  });
});
