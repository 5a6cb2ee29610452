import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adoptLegacyDataDir, appPaths, defaultDataDir } from './paths';

const HOME = '/home/ana';

describe('issue 21: one data folder for the app, browser mode and the command line', () => {
  it("is Electron's userData for the product name on every OS (what app.getPath('userData') gives unset)", () => {
    // Electron: userData = appData + app name; appData is %APPDATA%, ~/Library/Application
    // Support, or $XDG_CONFIG_HOME / ~/.config. index.ts sets userData to this same function.
    expect(defaultDataDir('linux', {}, HOME)).toBe('/home/ana/.config/Cohort Desk');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/xdg' }, HOME)).toBe('/xdg/Cohort Desk');
    expect(defaultDataDir('darwin', {}, HOME)).toBe(
      '/home/ana/Library/Application Support/Cohort Desk',
    );
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, HOME)).toBe(
      'C:\\Users\\ana\\AppData\\Roaming\\Cohort Desk',
    );
    expect(defaultDataDir('linux', { COHORT_DESK_DATA_DIR: '/srv/cd' }, HOME)).toBe('/srv/cd');
  });

  it('the cache stays off the roaming profile on Windows; logs are in the data folder', () => {
    const win = appPaths('win32', { APPDATA: 'C:\\R', LOCALAPPDATA: 'C:\\L' }, 'C:\\Users\\ana');
    expect(win).toEqual({
      data: 'C:\\R\\Cohort Desk',
      logs: 'C:\\R\\Cohort Desk\\logs',
      cache: 'C:\\L\\Cohort Desk\\vault',
      sessionData: 'C:\\L\\Cohort Desk\\Session',
    });
    expect(appPaths('linux', {}, HOME).cache).toBe('/home/ana/.config/Cohort Desk/vault');
    // An explicit data folder is self-contained (tests, a staged copy).
    expect(appPaths('win32', { COHORT_DESK_DATA_DIR: 'D:\\cd', LOCALAPPDATA: 'C:\\L' }).cache).toBe(
      'D:\\cd\\vault',
    );
  });

  it('the CLI and browser-mode folder of before (~/.config/cohort-desk) is adopted when it is the only one', () => {
    const home = mkdtempSync(join(tmpdir(), 'cd-home-'));
    const legacy = join(home, '.config', 'cohort-desk');
    mkdirSync(legacy, { recursive: true });
    writeFileSync(join(legacy, 'settings.json'), '{"version":2}');
    expect(adoptLegacyDataDir('linux', {}, home)).toMatch(/^moved .*cohort-desk to .*Cohort Desk$/);
    expect(existsSync(legacy)).toBe(false);
    expect(readFileSync(join(home, '.config', 'Cohort Desk', 'settings.json'), 'utf8')).toBe(
      '{"version":2}',
    );
    // Both exist: nothing moves (the app's folder wins).
    mkdirSync(legacy);
    expect(adoptLegacyDataDir('linux', {}, home)).toBeUndefined();
    expect(existsSync(legacy)).toBe(true);
  });
});
