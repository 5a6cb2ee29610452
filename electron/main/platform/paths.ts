import { existsSync, renameSync } from 'node:fs';
import { homedir } from 'node:os';
import { join as nativeJoin, posix, win32 } from 'node:path';
import { defaultCacheRoot } from '../vault/cacheLocation';

/** The folder name under the OS's application-data folder (Electron's userData uses the product name). */
export const APP_FOLDER = 'Cohort Desk';

/** Where Cohort Desk keeps its files on this machine. */
export interface AppPaths {
  /** Settings, window state, session, audit log, browser-mode port. */
  readonly data: string;
  readonly logs: string;
  /** The encrypted cache when no policy moves it (STANDARDS 5.6: never in a roaming profile). */
  readonly cache: string;
  /** Chromium's session data (HTTP cache, cookies) in Electron: beside the cache, so it does not roam. */
  readonly sessionData: string;
}

/**
 * The one data folder of Cohort Desk, the same for the Electron app, browser mode and the command
 * line (issue 21: they used to differ): Electron's own userData convention, `<appData>/Cohort Desk`
 * (%APPDATA% on Windows, ~/Library/Application Support on macOS, $XDG_CONFIG_HOME or ~/.config
 * elsewhere). Electron is told to use it (app.setPath), so the two cannot drift.
 * `COHORT_DESK_DATA_DIR` overrides it for every one of them.
 */
export function defaultDataDir(
  os: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  home: string = homedir(),
): string {
  const override = env.COHORT_DESK_DATA_DIR;
  if (override !== undefined && override !== '') return override;
  if (os === 'win32')
    return win32.join(env.APPDATA ?? win32.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (os === 'darwin') return posix.join(home, 'Library', 'Application Support', APP_FOLDER);
  return posix.join(env.XDG_CONFIG_HOME ?? posix.join(home, '.config'), APP_FOLDER);
}

/**
 * Data, logs and cache folders, for every entry point. Logs live in `<data>/logs` everywhere; the
 * cache defaults to `<data>/vault`, except on Windows (%LOCALAPPDATA%, which does not roam) unless
 * COHORT_DESK_DATA_DIR names a self-contained folder (tests, a staged copy).
 */
export function appPaths(os: NodeJS.Platform, env: NodeJS.ProcessEnv, home?: string): AppPaths {
  const data = defaultDataDir(os, env, home);
  const isolated = (env.COHORT_DESK_DATA_DIR ?? '') !== '';
  const path = os === 'win32' ? win32 : posix;
  const join = (...parts: string[]): string => path.join(...parts);
  const cache = isolated ? join(data, 'vault') : defaultCacheRoot(os, env, data, APP_FOLDER);
  return { data, logs: join(data, 'logs'), cache, sessionData: join(cache, '..', 'Session') };
}

/**
 * Browser mode and the CLI used `~/.config/cohort-desk` on Linux before issue 21 (the app used
 * `~/.config/Cohort Desk`). When only the old folder exists it is renamed to the shared one, so a
 * user keeps their settings, audit log and cache; returns what was done, for the log.
 */
export function adoptLegacyDataDir(
  os: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  home: string = homedir(),
): string | undefined {
  if (os === 'win32' || os === 'darwin' || (env.COHORT_DESK_DATA_DIR ?? '') !== '')
    return undefined;
  const legacy = posix.join(env.XDG_CONFIG_HOME ?? posix.join(home, '.config'), 'cohort-desk');
  const current = defaultDataDir(os, env, home);
  if (!existsSync(legacy) || existsSync(current)) return undefined;
  renameSync(legacy, current);
  return `moved ${legacy} to ${current}`;
}

/** The log folder inside a data folder. */
export const logDirFor = (dataDir: string): string => nativeJoin(dataDir, 'logs');
