/**
 * The real app for the benchmark, as the e2e fixture starts it (e2e/fixtures/app.ts): the built
 * renderer (out/renderer, `npm run build` first) and the real main services behind browser mode,
 * with a fresh data folder and no federation.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowserModeServer } from '../../electron/browserMode/server';
import type { MainServices } from '../../electron/main/app/createServices';
import { createMainServices } from '../../electron/main/app/createServices';
import { createFileLogger } from '../../electron/main/logging/logger';
import { createNodePlatform } from '../../electron/main/platform/nodePlatform';
import { isAppUrl } from '../../electron/main/security/navigation';

const root = join(import.meta.dirname, '..', '..');

export interface BenchApp {
  readonly origin: string;
  readonly launchUrl: string;
  close(): Promise<void>;
}

/** Starts browser mode over out/renderer; throws if the renderer was not built. */
export async function startApp(): Promise<BenchApp> {
  const rendererDir = join(root, 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html')))
    throw new Error('out/renderer is missing: run `npm run build` first');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    productName: string;
    version: string;
  };
  const dataDir = mkdtempSync(join(tmpdir(), 'cohort-desk-bench-igv-'));
  const platform = createNodePlatform({ dataDir, transport: 'loopback-websocket' });
  const logger = createFileLogger({ dir: platform.paths.logs, fileName: 'browser-mode.log' });
  let services: MainServices | undefined;
  const server = await startBrowserModeServer({
    rendererDir,
    logger,
    services: (origin) => {
      services = createMainServices({
        platform,
        logger,
        policyPath: join(dataDir, 'policy.json'),
        isTrustedSender: (sender) => isAppUrl(sender.url, origin),
        appName: pkg.productName,
        appVersion: pkg.version,
        demoFederationFile: join(dataDir, 'no-federation.json'),
      });
      return services;
    },
  });
  return {
    origin: server.origin,
    launchUrl: server.launchUrl,
    async close() {
      await server.close();
      services?.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
