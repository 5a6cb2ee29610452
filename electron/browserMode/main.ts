import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMainServices } from '../main/app/createServices';
import { createFileLogger } from '../main/logging/logger';
import { createNodePlatform } from '../main/platform/nodePlatform';
import { defaultDataDir } from '../main/platform/paths';
import { isAppUrl } from '../main/security/navigation';
import { defaultPolicyPath } from '../main/settings/policy';
import { findChromium, openInChromium } from './openBrowser';
import { startBrowserModeServer } from './server';

// Browser mode (issue 7): the same services and router as Electron, served to the same renderer
// bundle over loopback, opened in the system's Chromium. Run by `npm start` when Electron is absent.
const outDir = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(outDir, '..', 'package.json'), 'utf8')) as {
  productName: string;
  version: string;
};
const dataDir = defaultDataDir(process.platform, process.env);
const platform = createNodePlatform({ dataDir, transport: 'loopback WebSocket' });
const logger = createFileLogger({ dir: platform.paths.logs, fileName: 'browser-mode.log' });
const port = Number(process.env.COHORT_DESK_PORT ?? '0');

const server = await startBrowserModeServer({
  rendererDir: join(outDir, 'renderer'),
  logger,
  port,
  services: (origin) =>
    createMainServices({
      platform,
      logger,
      policyPath: defaultPolicyPath(process.platform, process.env),
      isTrustedSender: (sender) => isAppUrl(sender.url, origin),
      appName: pkg.productName,
      appVersion: pkg.version,
    }),
  onIdle: () => void shutdown('the last Cohort Desk tab was closed'),
});

async function shutdown(reason: string): Promise<void> {
  process.stdout.write(`Cohort Desk browser mode stopped: ${reason}.\n`);
  await server.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('Ctrl-C'));
process.on('SIGTERM', () => void shutdown('terminated'));

process.stdout.write(
  `Cohort Desk (browser mode) is running at ${server.origin} (data: ${dataDir}).\n`,
);
const browser = findChromium(process.env);
if (browser !== undefined && process.env.COHORT_DESK_NO_BROWSER !== '1') {
  openInChromium(browser, server.launchUrl, dataDir);
  process.stdout.write(`Opened in ${browser}. Close its window or press Ctrl-C to stop.\n`);
} else {
  // The one-time link is only printed here; once used it is worthless (the session lives in a cookie).
  process.stdout.write(
    `Open this one-time link in a Chromium-based browser: ${server.launchUrl}\n`,
  );
}
