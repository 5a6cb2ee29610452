import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '../fixtures/app';
import { AppShell } from '../pages/AppShell';
import { runStartScript } from '../pages/startScript';

const LINK = /one-time link[^:]*:\s+(http:\/\/127\.0\.0\.1:\d+\/launch\?code=\S+)/;
const RUNNING = /is running at (http:\/\/127\.0\.0\.1:(\d+))/;

/** A fresh data folder and the environment for one hermetic `npm start` (no Electron, no browser). */
function hermetic(dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    COHORT_DESK_SKIP_ELECTRON_DOWNLOAD: '1',
    // The demo federation binds fixed ports (4400-4405): parallel tests must not start it.
    COHORT_DESK_NO_FEDERATION: '1',
    COHORT_DESK_NO_BROWSER: '1',
    COHORT_DESK_DATA_DIR: dataDir,
    COHORT_DESK_POLICY: join(dataDir, 'no-policy.json'),
    COHORT_DESK_FEDERATION_FILE: join(dataDir, 'no-federation.json'),
    ...extra,
  };
}

/** Runs the start script until it has printed `pattern`, then stops it; returns the output. */
async function startAndStop(env: Record<string, string>, pattern: RegExp): Promise<string> {
  const script = runStartScript(env);
  try {
    await script.waitFor(pattern);
    return script.output();
  } finally {
    await script.stop();
  }
}

test.describe('npm start', () => {
  let dataDir: string;
  test.beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'cohort-desk-e2e-start-'));
  });
  test.afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  test('without an Electron binary it says why in one line and serves browser mode', async ({
    sandbox,
  }) => {
    const script = runStartScript(hermetic(dataDir));
    try {
      const [, launchUrl] = await script.waitFor(LINK);
      const lines = script.output().split('\n');
      expect(lines.filter((line) => line.startsWith('Electron not started: '))).toEqual([
        'Electron not started: the Electron binary is not available on this machine; starting browser mode instead.',
      ]);
      expect(script.output()).toContain(`data: ${dataDir}`);

      sandbox.allowOrigin(new URL(launchUrl!).origin);
      await sandbox.page.goto(launchUrl!);
      const shell = new AppShell(sandbox.page);
      await shell.waitUntilReady();
      await shell.expectOnPage('federation');
      await expect(shell.statusMode()).toHaveText('Browser mode');
      expect(sandbox.outsideRequests).toEqual([]);
    } finally {
      await sandbox.close();
      await script.stop();
    }
  });

  test('issue 13: the browser-mode port stays the same for a data folder, and another is used (and said) when it is taken', async () => {
    const first = RUNNING.exec(await startAndStop(hermetic(dataDir), LINK));
    const second = RUNNING.exec(await startAndStop(hermetic(dataDir), LINK));
    expect(first?.[1]).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(second?.[1]).toBe(first?.[1]);

    const usual = Number(first?.[2]);
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(usual, '127.0.0.1', resolve));
    try {
      const output = await startAndStop(hermetic(dataDir), LINK);
      expect(output).toContain(`Port ${usual}, this data folder's usual address, is in use`);
      expect(RUNNING.exec(output)?.[2]).not.toBe(String(usual));
    } finally {
      blocker.close();
    }
    // Once free again, the usual port is back.
    expect(RUNNING.exec(await startAndStop(hermetic(dataDir), LINK))?.[1]).toBe(first?.[1]);
  });

  test('issue 14: without a display it prints the one-time link and never says a window opened', async () => {
    const env = hermetic(dataDir, { COHORT_DESK_BROWSER: '/usr/bin/chromium' });
    delete env.COHORT_DESK_NO_BROWSER;
    const output = await startAndStop(env, LINK);
    expect(output).toContain('No window can open: there is no display');
    expect(output).toContain('Running without a display');
    expect(output).not.toContain('Opened in');
  });

  test('issue 14: a browser that exits at once gets the link printed', async () => {
    const env = hermetic(dataDir, { COHORT_DESK_BROWSER: '/bin/false', DISPLAY: ':99' });
    delete env.COHORT_DESK_NO_BROWSER;
    const output = await startAndStop(env, LINK);
    expect(output).toContain('/bin/false cannot show the app: it exited at once (exit code 1)');
    expect(output).not.toContain('Opened in');
  });

  test('issue 14: the console shows one short federation summary and no logs; the logs go to the files it names', async () => {
    test.setTimeout(180_000);
    const runDir = join(dataDir, 'federation-run');
    const env = hermetic(dataDir, {
      // Ephemeral ports and a run folder of its own: parallel tests and a developer's federation stay untouched.
      FEDERATION_AAI_PORT: '0',
      FEDERATION_BASE_PORT: '0',
      FEDERATION_RUN_DIR: runDir,
    });
    delete env.COHORT_DESK_NO_FEDERATION;
    delete env.COHORT_DESK_FEDERATION_FILE;
    const script = runStartScript(env);
    try {
      await script.waitFor(LINK);
      const info = JSON.parse(readFileSync(join(runDir, 'federation.json'), 'utf8')) as {
        issuer: string;
        nodes: { beaconUrl: string }[];
      };
      // Traffic that the nodes and the broker log as JSON lines.
      for (const node of info.nodes) await fetch(`${node.beaconUrl}/info`);
      await fetch(`${info.issuer}/.well-known/openid-configuration`);
      await expect
        .poll(() => readFileSync(join(runDir, 'federation.log'), 'utf8'))
        .toContain('"access"');

      const printed = `${script.output()}\n${script.errors()}`;
      expect(printed.match(/Demo federation/g)).toHaveLength(1);
      expect(printed).toContain(`sign-in broker  ${info.issuer}`);
      expect(printed).toContain('clinician');
      expect(printed).toContain('password for all: demo-password');
      expect(printed).toContain(join(runDir, 'federation.log'));
      expect(printed).toContain(join(dataDir, 'logs', 'browser-mode.log'));
      expect(printed).toContain('Press Ctrl-C here to stop.');
      expect(printed.split('\n').filter((line) => line.trimStart().startsWith('{'))).toEqual([]);
    } finally {
      await script.stop();
    }
  });
});
