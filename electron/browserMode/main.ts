import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMainServices } from '../main/app/createServices';
import { createFileLogger } from '../main/logging/logger';
import { createNodePlatform } from '../main/platform/nodePlatform';
import { adoptLegacyDataDir, appPaths } from '../main/platform/paths';
import { isAppUrl } from '../main/security/navigation';
import { defaultPolicyPath } from '../main/settings/policy';
import { findChromium } from './openBrowser';
import { openAppWindow } from './openWindow';
import type { BrowserModeServer } from './server';
import { startBrowserModeServer } from './server';
import { portTakenNotice, rememberPort, rememberedPort } from './stablePort';

// Browser mode (issue 7): the same services and router as Electron, served to the same renderer
// bundle over loopback, opened in the system's Chromium. Run by `npm start` when Electron is absent.
const outDir = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(outDir, '..', 'package.json'), 'utf8')) as {
  productName: string;
  version: string;
};
const say = (line: string): void => void process.stdout.write(`${line}\n`);
const adopted = adoptLegacyDataDir(process.platform, process.env);
const paths = appPaths(process.platform, process.env);
const dataDir = paths.data;
const platform = createNodePlatform({
  dataDir,
  cache: paths.cache,
  transport: 'loopback-websocket',
});
const logger = createFileLogger({ dir: platform.paths.logs, fileName: 'browser-mode.log' });
if (adopted !== undefined) logger.info('app.data_folder_adopted', { detail: adopted });
// COHORT_DESK_PORT fixes the port; otherwise the data folder keeps the one it had (issue 13).
const port = Number(process.env.COHORT_DESK_PORT ?? '0');
const usualPort = port === 0 ? rememberedPort(dataDir) : undefined;

let server: BrowserModeServer;
try {
  server = await startBrowserModeServer({
    rendererDir: join(outDir, 'renderer'),
    logger,
    port,
    ...(usualPort === undefined ? {} : { preferredPort: usualPort }),
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
} catch (error: unknown) {
  if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
  say(`Port ${port} (COHORT_DESK_PORT) is in use by another program: choose another or unset it.`);
  process.exit(1);
}

async function shutdown(reason: string): Promise<void> {
  say(`Cohort Desk browser mode stopped: ${reason}.`);
  await server.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('Ctrl-C'));
process.on('SIGTERM', () => void shutdown('terminated'));

if (port === 0 && usualPort === undefined) rememberPort(dataDir, server.port);
if (usualPort !== undefined && server.preferredPortTaken)
  say(portTakenNotice(usualPort, server.port));
say(`Cohort Desk (browser mode) is running at ${server.origin}`);
say(`  data: ${dataDir}`);
say(`  log:  ${join(platform.paths.logs, 'browser-mode.log')}`);
await openAppWindow({
  launchUrl: server.launchUrl,
  launched: server.launched,
  dataDir,
  browser: findChromium(process.env),
  platform: process.platform,
  env: process.env,
  write: say,
});
