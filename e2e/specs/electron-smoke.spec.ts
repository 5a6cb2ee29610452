import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronExecutable } from '../fixtures/electronBinary';
import { appInfoViaPreload } from '../pages/electronApp';

const SKIP_REASON =
  'Electron binary not available on this machine (cannot be downloaded here): smoke test skipped';
const root = join(import.meta.dirname, '..', '..');

test('the built Electron app starts and answers app:info through its preload', async () => {
  const executablePath = electronExecutable();
  if (executablePath === undefined) console.log(SKIP_REASON);
  test.skip(executablePath === undefined, SKIP_REASON);

  const dataDir = mkdtempSync(join(tmpdir(), 'cohort-desk-e2e-electron-'));
  const app = await electron.launch({
    executablePath: executablePath!,
    // The repository root: package.json "main" is out/main/index.js, and its productName names the app.
    args: [root, `--user-data-dir=${dataDir}`, '--no-sandbox', '--disable-gpu'],
    env: {
      ...process.env,
      COHORT_DESK_POLICY: join(dataDir, 'no-policy.json'),
      COHORT_DESK_FEDERATION_FILE: join(dataDir, 'no-federation.json'),
    },
  });
  try {
    const window = await app.firstWindow();
    await expect(window.getByTestId('status-version')).toBeVisible();
    const info = await appInfoViaPreload(window);
    expect(info).toMatchObject({
      ok: true,
      value: { name: 'Cohort Desk', runtime: { kind: 'electron' } },
    });
    await expect(window.getByTestId('status-mode')).toHaveCount(0);
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
