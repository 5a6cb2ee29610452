import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChannelName, RequestOf, ResponseOf } from '../../../../shared/ipc';
import type { SessionSummary } from '../../../../shared/auth/session';
import type { MainServices } from '../../app/createServices';
import { createMainServices } from '../../app/createServices';
import { createMemoryLogger } from '../../logging/logger';
import type { KeyStorage } from '../../platform/keyStorage';
import { createNodePlatform } from '../../platform/nodePlatform';
import { completeLogin } from './completeLogin';
import type { BrowserResponse, SignInFederation, ScriptedBrowserLike } from './signInFederation';
import { newScriptedBrowser } from './signInFederation';

export interface Harness {
  readonly services: MainServices;
  readonly opened: string[];
  readonly changes: SessionSummary[];
  /** What the scripted browser saw at the end of the last login. */
  lastLogin: Promise<BrowserResponse> | undefined;
  /** Who logs in at the broker next; `undefined` leaves the browser step to the test. */
  user: string | undefined;
  invoke<C extends ChannelName>(channel: C, payload?: RequestOf<C>): Promise<ResponseOf<C>>;
  /** Resolves with the first auth:changed payload (from now on) that satisfies `test`. */
  next(test: (s: SessionSummary) => boolean): Promise<SessionSummary>;
  close(): void;
}

/**
 * The real main services over the real demo federation, with a scripted system browser behind
 * platform.openExternal (`delegate: true` makes it return false, as browser mode does).
 */
export async function createHarness(opts: {
  /** The federation whose federation.json is the app's directory (a private or the shared one). */
  fed: Pick<SignInFederation, 'infoFile'>;
  dataDir: string;
  user?: string;
  keyStorage?: KeyStorage;
  delegate?: boolean;
  browser?: ScriptedBrowserLike;
  auth?: Parameters<typeof createMainServices>[0]['auth'];
  fetch?: typeof fetch;
  /** Write the main log to <data>/logs as the app does (default: an in-memory logger). */
  fileLogs?: boolean;
  /** A machine policy document (decision 0004), written where the services read it. */
  policy?: Record<string, unknown>;
}): Promise<Harness> {
  const browser = opts.browser ?? (await newScriptedBrowser());
  const waiters = new Set<{
    test: (s: SessionSummary) => boolean;
    resolve: (s: SessionSummary) => void;
  }>();
  const harness: Harness = {
    opened: [],
    changes: [],
    lastLogin: undefined,
    user: opts.user,
  } as unknown as Harness;
  const platform = createNodePlatform({
    dataDir: opts.dataDir,
    transport: 'in-process',
    ...(opts.keyStorage === undefined ? {} : { keyStorage: opts.keyStorage }),
    ...(opts.fetch === undefined ? {} : { fetch: opts.fetch }),
    openExternal: (url) => {
      harness.opened.push(url);
      if (opts.delegate === true) return Promise.resolve(false);
      if (harness.user !== undefined && new URL(url).pathname === '/auth') {
        harness.lastLogin = completeLogin(browser, url, harness.user);
        harness.lastLogin.catch(() => undefined);
      }
      return Promise.resolve(true);
    },
  });
  const services = createMainServices({
    platform,
    policyPath: policyFile(opts.dataDir, opts.policy),
    isTrustedSender: () => true,
    appName: 'Cohort Desk',
    appVersion: '0.0.0-test',
    ...(opts.fileLogs === true ? {} : { logger: createMemoryLogger() }),
    demoFederationFile: opts.fed.infoFile,
    ...(opts.auth === undefined ? {} : { auth: opts.auth }),
  });
  services.events.subscribe((event, payload) => {
    if (event !== 'auth:changed') return;
    const summary = payload as SessionSummary;
    harness.changes.push(summary);
    for (const w of [...waiters]) {
      if (!w.test(summary)) continue;
      waiters.delete(w);
      w.resolve(summary);
    }
  });
  return Object.assign(harness, {
    services,
    async invoke<C extends ChannelName>(
      channel: C,
      payload?: RequestOf<C>,
    ): Promise<ResponseOf<C>> {
      const result = await services.router.invoke(channel, payload, { url: 'test://' });
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
      return result.value as ResponseOf<C>;
    },
    next: (test: (s: SessionSummary) => boolean) =>
      new Promise<SessionSummary>((resolve) => waiters.add({ test, resolve })),
    close: () => services.close(),
  });
}

/** Where the services read the machine policy: the test's document, else a file that is absent. */
function policyFile(dataDir: string, policy: Record<string, unknown> | undefined): string {
  if (policy === undefined) return join(dataDir, 'no-policy.json');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, 'policy.json'), JSON.stringify(policy));
  return join(dataDir, 'policy.json');
}
