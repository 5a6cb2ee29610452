import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { missingDisplay } from './openBrowser';
import { openAppWindow } from './openWindow';
import type { LoopbackApp } from './testing/loopbackApp';
import { startLoopbackApp } from './testing/loopbackApp';

let app: LoopbackApp;
let scratch: string;

beforeEach(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'cohort-desk-window-'));
  writeFileSync(join(scratch, 'index.html'), '<!doctype html><title>Cohort Desk</title>');
  app = await startLoopbackApp(scratch);
});

afterEach(async () => {
  await app.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** Runs openAppWindow against the real server with `browser` and `env`; returns what it printed. */
async function open(browser: string | undefined, env: NodeJS.ProcessEnv, patienceMs = 20_000) {
  const lines: string[] = [];
  const outcome = await openAppWindow({
    launchUrl: app.server.launchUrl,
    launched: app.server.launched,
    dataDir: scratch,
    browser,
    platform: 'linux',
    env,
    write: (line) => lines.push(line),
    patienceMs,
  });
  return { outcome, text: lines.join('\n') };
}

describe('opening the app window, or printing the link (issue 14)', () => {
  it('issue 14: without a display no window is claimed: the one-time link is printed, and why', async () => {
    const { outcome, text } = await open('/bin/true', {});
    expect(outcome).toBe('link-printed');
    expect(text).toContain('no display');
    expect(text).toContain(app.server.launchUrl);
    expect(text).not.toContain('Opened in');
  });

  it('issue 14: a browser that exits at once gets the link printed with its exit code', async () => {
    const { outcome, text } = await open('/bin/false', { DISPLAY: ':99' });
    expect(outcome).toBe('link-printed');
    expect(text).toContain('/bin/false cannot show the app: it exited at once (exit code 1)');
    expect(text).toContain(app.server.launchUrl);
  });

  it('a browser that opens the app (spends the launch code) is reported as opened, without the link', async () => {
    // A real client in the browser's place: it reads --app=<link> and spends the code as the page does.
    const browser = join(scratch, 'fake-browser.mjs');
    writeFileSync(
      browser,
      [
        '#!/usr/bin/env node',
        "const link = new URL(process.argv.find((a) => a.startsWith('--app=')).slice(6));",
        "await fetch(new URL('/session', link), { method: 'POST', headers: { origin: link.origin,",
        "  'content-type': 'application/json' }, body: JSON.stringify({ code: link.searchParams.get('code') }) });",
        'setTimeout(() => undefined, 3000);',
      ].join('\n'),
    );
    chmodSync(browser, 0o755);
    const { outcome, text } = await open(browser, { DISPLAY: ':99' });
    expect(outcome).toBe('opened');
    expect(text).toBe(`Opened in ${browser}. Close its window or press Ctrl-C here to stop.`);
  });

  it('a browser that hands the link on and exits 0 but never opens the app: the link after the wait', async () => {
    const { outcome, text } = await open('/bin/true', { DISPLAY: ':99' }, 500);
    expect(outcome).toBe('link-printed');
    expect(text).toContain('/bin/true has not opened the app yet.');
    expect(text).toContain(app.server.launchUrl);
  });

  it('knows where a window can open', () => {
    expect(missingDisplay('linux', {})).toContain('no display');
    expect(missingDisplay('linux', { DISPLAY: '' })).toContain('no display');
    expect(missingDisplay('linux', { DISPLAY: ':0' })).toBeUndefined();
    expect(missingDisplay('freebsd', { WAYLAND_DISPLAY: 'wayland-0' })).toBeUndefined();
    expect(missingDisplay('darwin', {})).toBeUndefined();
    expect(missingDisplay('win32', {})).toBeUndefined();
  });
});
