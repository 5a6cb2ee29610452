import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/microsoft-edge',
];

/** Finds a Chromium-based browser: COHORT_DESK_BROWSER, else Debian's chromium and friends. */
export function findChromium(env: NodeJS.ProcessEnv): string | undefined {
  const chosen = env.COHORT_DESK_BROWSER;
  if (chosen !== undefined && chosen !== '') return existsSync(chosen) ? chosen : undefined;
  return CANDIDATES.find((path) => existsSync(path));
}

/**
 * Why no window can open here, or undefined when one can (issue 14). On Linux and the BSDs a
 * window needs an X11 or Wayland display; macOS and Windows always have one for a logged-in user.
 */
export function missingDisplay(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
): string | undefined {
  if (platform === 'darwin' || platform === 'win32') return undefined;
  const set = (name: string): boolean => (env[name] ?? '') !== '';
  return set('DISPLAY') || set('WAYLAND_DISPLAY')
    ? undefined
    : 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)';
}

/**
 * Opens the launch URL in app mode with a profile of its own inside the data folder, so the one-time
 * link never lands in the user's everyday browser history.
 */
export function openInChromium(browser: string, launchUrl: string, dataDir: string): ChildProcess {
  const child = spawn(
    browser,
    [
      `--app=${launchUrl}`,
      `--user-data-dir=${join(dataDir, 'browser-profile')}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    { stdio: 'ignore', detached: true },
  );
  child.unref();
  return child;
}
