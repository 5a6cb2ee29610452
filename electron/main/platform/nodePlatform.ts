import type { RuntimeTransport } from '../../../shared/app/appInfo';
import type { KeyStorage } from './keyStorage';
import { memoryOnlyKeyStorage } from './keyStorage';
import type { Platform } from './platform';
import { readManagedPolicy } from './managedPolicy';
import { logDirFor } from './paths';
import type { PolicySourceRead } from '../settings/policySource';
import { chromiumPrintToPdf } from './chromiumPdf';

/** Why browser mode keeps sign-ins in memory: Node has no access to the OS secret store here. */
export const BROWSER_MODE_KEY_REASON =
  'browser mode has no access to the operating system secret store, so you will sign in again after restarting Cohort Desk';

/**
 * The platform outside Electron: browser mode and tests. Opening links is left to the page (the
 * page already runs in the system browser), unless a test injects `openExternal` (a scripted browser).
 */
export function createNodePlatform(opts: {
  dataDir: string;
  /** The cache folder when it is not `<data>/vault` (appPaths: %LOCALAPPDATA% on Windows). */
  cache?: string;
  /** How the window reaches main, a code the renderer words (decision 0076). */
  transport: RuntimeTransport;
  keyStorage?: KeyStorage;
  openExternal?: (url: string) => Promise<boolean>;
  fetch?: typeof fetch;
  /** Tests read a fixture instead of this machine's Group Policy or configuration profile. */
  managedPolicy?: () => PolicySourceRead[];
}): Platform {
  const keys = opts.keyStorage ?? memoryOnlyKeyStorage(BROWSER_MODE_KEY_REASON, 'browser-mode');
  return {
    kind: 'browser',
    paths: {
      data: opts.dataDir,
      logs: logDirFor(opts.dataDir),
      ...(opts.cache === undefined ? {} : { cache: opts.cache }),
    },
    fetch: opts.fetch ?? globalThis.fetch.bind(globalThis),
    openExternal: opts.openExternal ?? (() => Promise.resolve(false)),
    keyStorage: () => Promise.resolve(keys),
    managedPolicy: opts.managedPolicy ?? (() => readManagedPolicy(process.platform)),
    printToPdf: (html) => chromiumPrintToPdf(html),
    runtime: () => ({ kind: 'browser', transport: opts.transport, node: process.versions.node }),
  };
}
