import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { assertChromiumPresent, chromiumArgs, chromiumPath } from './fixtures/chromium';

const root = join(import.meta.dirname, '..');
const rendererIndex = join(root, 'out', 'renderer', 'index.html');

// The suite serves the built renderer; a missing build would otherwise surface as 404s in every test.
if (!existsSync(rendererIndex)) {
  throw new Error(
    `The renderer is not built (${rendererIndex} is missing). Run \`npm run build\` first.`,
  );
}
assertChromiumPresent();

export default defineConfig({
  testDir: join(import.meta.dirname, 'specs'),
  outputDir: join(import.meta.dirname, 'artifacts', 'test-results'),
  fullyParallel: true,
  forbidOnly: true,
  workers: 2,
  retries: 0,
  // Generous: the suite shares a 2-core machine; every wait is on an app signal, so this only bounds hangs.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: {
    headless: true,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
