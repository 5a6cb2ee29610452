import { spawn } from 'node:child_process';
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
 * Opens the launch URL in app mode with a profile of its own inside the data folder, so the one-time
 * link never lands in the user's everyday browser history.
 */
export function openInChromium(browser: string, launchUrl: string, dataDir: string): void {
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
  child.on('error', () => undefined);
  child.unref();
}
