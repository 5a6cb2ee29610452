import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignInFederation, ScriptedBrowserLike } from './testing/signInFederation';
import { newScriptedBrowser, startSignInFederation } from './testing/signInFederation';
import { createHarness } from './testing/harness';

let fed: SignInFederation;
const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));

beforeAll(async () => {
  fed = await startSignInFederation({ runDir: tmp('fed-run-') });
}, 120_000);
afterAll(async () => {
  await fed.close();
});

/**
 * platform.fetch that counts authorization-code token requests and can rewrite their responses.
 * Node token exchanges (node-audience-tokens) go to the same endpoint and are not counted.
 */
function spyFetch(rewriteIdToken?: (idToken: string) => string) {
  const spy = { tokenRequests: 0, fetch: undefined as unknown as typeof fetch };
  spy.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : input.toString();
    const res = await fetch(input, init);
    if (!url.endsWith('/token')) return res;
    const sent = init?.body;
    const form = sent instanceof URLSearchParams || typeof sent === 'string' ? sent : '';
    const grant = new URLSearchParams(form).get('grant_type');
    if (grant !== 'authorization_code') return res;
    spy.tokenRequests += 1;
    if (rewriteIdToken === undefined) return res;
    const body = (await res.json()) as { id_token: string };
    const headers = new Headers(res.headers);
    headers.delete('content-length');
    return new Response(JSON.stringify({ ...body, id_token: rewriteIdToken(body.id_token) }), {
      status: res.status,
      headers,
    });
  };
  return spy;
}

/** Runs the broker pages and stops before the redirect reaches the app: returns the callback URL. */
async function authorizeOnly(
  browser: ScriptedBrowserLike,
  authorizationUrl: string,
  user: string,
): Promise<URL> {
  let page = await browser.navigate(authorizationUrl);
  const action = (suffix: string) => {
    const m = [...page.body.matchAll(/<form[^>]*\baction="([^"]+)"/gu)]
      .map((x) => (x[1] ?? '').replaceAll('&amp;', '&'))
      .find((a) => a.endsWith(suffix));
    return m === undefined ? undefined : new URL(m, page.url).href;
  };
  const login = action('/login');
  if (login !== undefined)
    page = await browser.navigate(login, {
      method: 'POST',
      form: { username: user, password: 'demo-password' },
    });
  let res = await browser.request(action('/confirm')!, {
    method: 'POST',
    form: { decision: 'allow' },
  });
  const redirect = new URL(authorizationUrl).searchParams.get('redirect_uri')!;
  for (;;) {
    const next = new URL(res.headers.get('location')!, res.url);
    if (next.href.startsWith(redirect)) return next;
    res = await browser.request(next.href);
  }
}

async function pendingSignIn(spy = spyFetch()) {
  const h = await createHarness({ fed, dataDir: tmp('app-'), delegate: true, fetch: spy.fetch });
  const done = h.invoke('auth:signIn', {});
  const { authorizationUrl } = await h.next((s) => s.authorizationUrl !== undefined);
  return { h, done, url: authorizationUrl!, spy, browser: await newScriptedBrowser() };
}

describe('client attack tests (STANDARDS 1.4)', () => {
  it('1.4.3: wrong or missing state → 400, no token request; a replayed callback finds the listener closed', async () => {
    const { h, done, url, spy, browser } = await pendingSignIn();
    const callback = await authorizeOnly(browser, url, 'researcher');
    for (const state of ['wrong', null]) {
      const forged = new URL(callback);
      if (state === null) forged.searchParams.delete('state');
      else forged.searchParams.set('state', state);
      const res = await fetch(forged);
      expect(res.status).toBe(400);
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    expect(spy.tokenRequests).toBe(0);
    expect((await fetch(callback)).status).toBe(200);
    expect(await done).toMatchObject({ state: 'signed-in' });
    expect(spy.tokenRequests).toBe(1);
    await expect(fetch(callback)).rejects.toThrow();
    h.close();
  });

  it('1.4.2: the code without the PKCE verifier is refused by the broker; plain never appears', async () => {
    const { h, done, url, browser } = await pendingSignIn();
    expect(new URL(url).searchParams.get('code_challenge_method')).toBe('S256');
    const callback = await authorizeOnly(browser, url, 'novisa');
    const stolen = await fetch(new URL('/token', fed.info.issuer), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: 'cohort-desk',
        grant_type: 'authorization_code',
        code: callback.searchParams.get('code')!,
        redirect_uri: `${callback.origin}${callback.pathname}`,
      }),
    });
    expect(stolen.status).toBe(400);
    await h.invoke('auth:cancelSignIn');
    await done;
    h.close();
  });

  it('1.4.5 mix-up: a response carrying another broker’s iss is rejected before any token request', async () => {
    const { h, done, url, spy, browser } = await pendingSignIn();
    const callback = await authorizeOnly(browser, url, 'clinician');
    callback.searchParams.set('iss', 'https://other-broker.example');
    expect((await fetch(callback)).status).toBe(200);
    expect(await done).toMatchObject({ state: 'signed-out', error: { code: 'invalid_response' } });
    expect(spy.tokenRequests).toBe(0);
    h.close();
  });

  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  for (const [name, rewrite] of [
    [
      'a tampered ID-token signature',
      (t: string) => `${t.slice(0, -6)}${t.endsWith('AAAAAA') ? 'BBBBBB' : 'AAAAAA'}`,
    ],
    [
      'an ID token with alg none',
      (t: string) => `${b64({ alg: 'none' })}.${t.split('.')[1] ?? ''}.`,
    ],
    [
      'an ID token for another audience',
      (t: string) => {
        const claims = JSON.parse(
          Buffer.from(t.split('.')[1] ?? '', 'base64url').toString(),
        ) as object;
        return `${t.split('.')[0] ?? ''}.${b64({ ...claims, aud: 'someone-else' })}.${t.split('.')[2] ?? ''}`;
      },
    ],
  ] as const) {
    it(`1.4.6: ${name} is rejected and nothing is kept`, async () => {
      const { h, done, url, browser } = await pendingSignIn(spyFetch(rewrite));
      const callback = await authorizeOnly(browser, url, 'clinician');
      await fetch(callback);
      const summary = await done;
      expect(summary).toMatchObject({ state: 'signed-out', error: { code: 'invalid_response' } });
      expect(await h.services.auth.accessToken()).toBeUndefined();
      h.close();
    });
  }
});
