import { join } from 'node:path';

/**
 * The demo federation as tests that sign in through the app see it (auth, pull, vault): the broker's
 * HTTP surface and its test admin. Tests that take tokens straight from the broker use
 * search/testing/tokenFederation.ts instead.
 */
export interface SignInFederation {
  readonly info: { issuer: string; jwksUri: string; clientId: string };
  readonly infoFile: string;
  readonly aai: {
    signVisa(payload: Record<string, unknown>, header?: Record<string, unknown>): Promise<string>;
    admin: { revoke(username: string, datasetId: string): Promise<void> };
  };
  close(): Promise<void>;
}

export interface BrowserResponse {
  url: string;
  status: number;
  headers: Headers;
  body: string;
}

/** The demo federation's scripted HTTP browser (cookie jar, redirects, no JavaScript). */
export interface ScriptedBrowserLike {
  request(
    url: string,
    init?: { method?: 'GET' | 'POST'; form?: Record<string, string> },
  ): Promise<BrowserResponse>;
  navigate(
    url: string,
    init?: { method?: 'GET' | 'POST'; form?: Record<string, string> },
  ): Promise<BrowserResponse>;
}

const federationDir = join(import.meta.dirname, '..', '..', '..', '..', 'federation');

// Loaded by path at run time, in tests only: the app never links federation/ code (CONVENTIONS
// rule 1, lint zones); it only speaks HTTP to the federation these modules start.
const load = async <T>(relative: string): Promise<T> =>
  (await import(join(federationDir, relative))) as T;

/** Starts the real demo federation in-process on ephemeral loopback ports. */
export async function startSignInFederation(opts: {
  runDir: string;
  accessTokenTtlSec?: number;
  /** How long nodes cache a token's passport (0: every request asks the broker). */
  passportCacheTtlMs?: number;
  /** The demo data's size (federation/generator): 'small' unless a benchmark asks for 'large'. */
  profile?: 'small' | 'large';
}): Promise<SignInFederation> {
  const mod = await load<{
    startFederation: (o: Record<string, unknown>) => Promise<SignInFederation>;
  }>('startFederation.ts');
  return mod.startFederation({ aaiPort: 0, basePort: 0, ...opts });
}

/** A fresh scripted browser (its cookies are the broker session). */
export async function newScriptedBrowser(): Promise<ScriptedBrowserLike> {
  const mod = await load<{ ScriptedBrowser: new () => ScriptedBrowserLike }>(
    'aai/testing/browser.ts',
  );
  return new mod.ScriptedBrowser();
}
