import type { ChildProcess } from 'node:child_process';
import { missingDisplay, openInChromium } from './openBrowser';

/** How the app reached (or did not reach) a window, for the start script's summary and tests. */
export type WindowOutcome = 'opened' | 'link-printed';

export interface OpenWindowOptions {
  readonly launchUrl: string;
  /** Resolves when a page has spent the launch code: the only proof a window opened the app. */
  readonly launched: Promise<void>;
  readonly dataDir: string;
  /** A Chromium-based browser, or undefined when none was found. */
  readonly browser: string | undefined;
  readonly platform: NodeJS.Platform;
  readonly env: NodeJS.ProcessEnv;
  readonly write: (line: string) => void;
  /** How long a browser may take to open the app before the link is printed anyway. */
  readonly patienceMs?: number;
}

/** Why the browser will not show the app: it failed to start or exited before opening it. */
function browserFailure(child: ChildProcess): Promise<string> {
  return new Promise((resolve) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      resolve(`it could not be started (${error.code ?? error.message})`),
    );
    child.once('exit', (code, signal) => {
      // Exit 0 at once is Chromium handing the link to a window already open on this profile.
      if (code !== 0) resolve(`it exited at once (${signal ?? `exit code ${String(code)}`})`);
    });
  });
}

/**
 * Opens the app in a window when one can open, and otherwise, or when the browser fails or has not
 * opened the app in time, prints the one-time link (issue 14: "Opened in /usr/bin/chromium" on a
 * machine without a display, and no link).
 */
export async function openAppWindow(opts: OpenWindowOptions): Promise<WindowOutcome> {
  const printLink = (why: string): WindowOutcome => {
    opts.write(`${why}\nOpen this one-time link in a Chromium-based browser on this computer:`);
    opts.write(`  ${opts.launchUrl}`);
    opts.write('Press Ctrl-C here to stop.');
    return 'link-printed';
  };
  if (opts.env.COHORT_DESK_NO_BROWSER === '1')
    return printLink('No window opened (COHORT_DESK_NO_BROWSER=1).');
  if (opts.browser === undefined)
    return printLink('No Chromium-based browser found (COHORT_DESK_BROWSER names one).');
  const noDisplay = missingDisplay(opts.platform, opts.env);
  if (noDisplay !== undefined)
    return printLink(
      `No window can open: ${noDisplay}. See "Running without a display" in README.md.`,
    );
  const child = openInChromium(opts.browser, opts.launchUrl, opts.dataDir);
  let timer: NodeJS.Timeout | undefined;
  const patience = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), opts.patienceMs ?? 20_000);
  });
  const first = await Promise.race([
    opts.launched.then(() => 'launched' as const),
    browserFailure(child),
    patience,
  ]);
  clearTimeout(timer);
  if (first === 'launched') {
    opts.write(`Opened in ${opts.browser}. Close its window or press Ctrl-C here to stop.`);
    return 'opened';
  }
  if (first === 'late') return printLink(`${opts.browser} has not opened the app yet.`);
  return printLink(`${opts.browser} cannot show the app: ${first}.`);
}
