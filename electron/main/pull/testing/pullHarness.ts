import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { PullProgress, VaultList } from '../../../../shared/vault/vault';
import type { Harness } from '../../auth/testing/harness';
import { createHarness } from '../../auth/testing/harness';
import type { SignInFederation, ScriptedBrowserLike } from '../../auth/testing/signInFederation';
import { newScriptedBrowser, startSignInFederation } from '../../auth/testing/signInFederation';
import { testKeyStorage } from '../../platform/keyStorage';
import type { SharedFederation } from '../../testing/sharedFederation';
import { sharedFederation } from '../../testing/sharedFederation';

export type { SharedFederation };

/** The demo federation's extra test handles the pull tests use (faults, grant admin). */
export interface PullFederation extends SignInFederation {
  readonly nodes: { id: string; setFaults(f: Record<string, unknown>): void }[];
  readonly aai: SignInFederation['aai'] & {
    admin: SignInFederation['aai']['admin'] & {
      expire(username: string, datasetId: string): Promise<void>;
      grant(username: string, datasetId: string, o?: { expiresInSec?: number }): Promise<void>;
    };
  };
}

export const tmp = (p: string): string => mkdtempSync(join(tmpdir(), p));
export const TEST_KEYS = testKeyStorage(Buffer.alloc(32, 7));

/** Starts the real demo federation in-process (UserInfo not cached, so admin changes act at once). */
export async function startPullFederation(
  extra: Record<string, unknown> = {},
): Promise<PullFederation> {
  return (await startSignInFederation({
    runDir: tmp('vault-fed-'),
    passportCacheTtlMs: 0,
    ...extra,
  })) as PullFederation;
}

/**
 * Starts one demo federation for the calling test file (beforeAll) and closes it afterwards;
 * `onStarted` receives it before the first test runs.
 */
export function usePullFederation(
  onStarted: (fed: PullFederation) => void,
  extra: Record<string, unknown> = {},
): void {
  let fed: PullFederation | undefined;
  beforeAll(async () => {
    fed = await startPullFederation(extra);
    onStarted(fed);
  }, 180_000);
  afterAll(async () => {
    await fed?.close();
  });
}

export interface PullHarness extends Harness {
  readonly progress: PullProgress[];
  readonly vaultChanges: VaultList[];
  /** Resolves with the first progress event (from now on, or already seen) of the job that passes `test`. */
  until(jobId: string, test: (p: PullProgress) => boolean): Promise<PullProgress>;
}

/**
 * The shared demo federation (started once by the node project's global setup) for a test file that
 * only reads from it; `onStarted` receives it before the first test runs (issue 14: test time).
 */
export function useSharedFederation(onStarted: (fed: SharedFederation) => void): void {
  beforeAll(() => {
    onStarted(sharedFederation());
  });
}

/** Real main services, signed in through the broker as `user`. */
export async function signedIn(opts: {
  fed: Pick<SignInFederation, 'infoFile'>;
  dataDir: string;
  user: string;
  keyStorage?: Parameters<typeof createHarness>[0]['keyStorage'];
  now?: () => number;
  /** The system browser at the broker (default: a fresh scripted one). */
  browser?: ScriptedBrowserLike;
  /** The platform's fetch (a test may watch the requests main sends). */
  fetch?: typeof fetch;
}): Promise<PullHarness> {
  const h = await createHarness({
    fed: opts.fed,
    dataDir: opts.dataDir,
    user: opts.user,
    keyStorage: opts.keyStorage ?? TEST_KEYS,
    ...(opts.browser === undefined ? {} : { browser: opts.browser }),
    ...(opts.now === undefined ? {} : { auth: { now: opts.now } }),
    ...(opts.fetch === undefined ? {} : { fetch: opts.fetch }),
  });
  const progress: PullProgress[] = [];
  const vaultChanges: VaultList[] = [];
  const waiters = new Set<() => void>();
  h.services.events.subscribe((event, payload) => {
    if (event === 'pull:progress') progress.push(payload as PullProgress);
    else if (event === 'vault:changed') vaultChanges.push(payload as VaultList);
    else return;
    for (const w of [...waiters]) w();
  });
  await h.invoke('auth:signIn', {});
  const until = (jobId: string, test: (p: PullProgress) => boolean): Promise<PullProgress> =>
    new Promise((resolve) => {
      const check = (): void => {
        const hit = progress.find((p) => p.jobId === jobId && test(p));
        if (hit === undefined) return;
        waiters.delete(check);
        resolve(hit);
      };
      waiters.add(check);
      check();
    });
  return Object.assign(h, { progress, vaultChanges, until });
}

/** Every file under a folder. */
export function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) =>
    statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)],
  );
}

/** Shannon entropy in bits per byte. */
export function entropy(bytes: Uint8Array): number {
  const counts = new Array<number>(256).fill(0);
  for (const b of bytes) counts[b] = (counts[b] ?? 0) + 1;
  let h = 0;
  for (const c of counts) {
    if (c === 0) continue;
    const p = c / bytes.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/**
 * A system browser whose broker cookies can be dropped, as if another person sat down at it: the
 * demo broker's session outlives an app sign-out in tests (the harness never visits the logout page).
 */
export async function switchableBrowser(): Promise<{
  browser: ScriptedBrowserLike;
  nextPerson(): Promise<void>;
}> {
  let current = await newScriptedBrowser();
  return {
    browser: {
      request: (url, init) => current.request(url, init),
      navigate: (url, init) => current.navigate(url, init),
    },
    async nextPerson() {
      current = await newScriptedBrowser();
    },
  };
}
