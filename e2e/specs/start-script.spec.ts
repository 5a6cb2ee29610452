import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '../fixtures/app';
import { AppShell } from '../pages/AppShell';
import { runStartScript } from '../pages/startScript';

test('npm start without an Electron binary says why in one line and serves browser mode', async ({
  sandbox,
}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cohort-desk-e2e-start-'));
  const script = runStartScript({
    COHORT_DESK_SKIP_ELECTRON_DOWNLOAD: '1',
    // The demo federation binds fixed ports (4400-4405): parallel tests must not start it.
    COHORT_DESK_NO_FEDERATION: '1',
    COHORT_DESK_NO_BROWSER: '1',
    COHORT_DESK_DATA_DIR: dataDir,
    COHORT_DESK_POLICY: join(dataDir, 'no-policy.json'),
    COHORT_DESK_FEDERATION_FILE: join(dataDir, 'no-federation.json'),
  });
  try {
    const [, launchUrl] = await script.waitFor(
      /one-time link[^:]*: (http:\/\/127\.0\.0\.1:\d+\/launch\?code=\S+)/,
    );
    const lines = script.output().split('\n');
    expect(lines.filter((line) => line.startsWith('Electron not started: '))).toEqual([
      'Electron not started: the Electron binary is not available on this machine; starting browser mode instead.',
    ]);
    expect(script.output()).toContain(`(data: ${dataDir})`);

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
    rmSync(dataDir, { recursive: true, force: true });
  }
});
