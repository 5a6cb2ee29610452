import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { authorize, LoginError, pkcePair } from './testing/authorize';
import { formAction, ScriptedBrowser } from './testing/browser';
import { loginAs } from './testing/loginAs';
import { startTestAai, type TestAai } from './testing/startTestAai';

let aai: TestAai;
beforeAll(async () => {
  aai = await startTestAai();
});
afterAll(async () => {
  await aai.dispose();
});

async function openLoginPage(
  browser: ScriptedBrowser,
): Promise<Awaited<ReturnType<ScriptedBrowser['navigate']>>> {
  const url = new URL('/auth', aai.issuer);
  url.search = new URLSearchParams({
    client_id: 'cohort-desk',
    response_type: 'code',
    redirect_uri: 'http://127.0.0.1:50999/callback',
    scope: 'openid ga4gh_passport_v1',
    state: 's',
    code_challenge: pkcePair().challenge,
    code_challenge_method: 'S256',
  }).toString();
  return browser.navigate(url.href);
}

describe('sign-in and consent pages', () => {
  test.each(['clinician', 'researcher', 'expiring', 'conditional', 'novisa'])(
    'AUTH-01: %s signs in through the real code + PKCE flow',
    async (username) => {
      const tokens = await loginAs({ issuer: aai.issuer, username });
      expect(tokens.accessToken.length).toBeGreaterThan(20);
      expect(tokens.idToken.split('.')).toHaveLength(3);
      expect(tokens.refreshToken).toBeDefined();
      expect(tokens.expiresIn).toBe(300);
    },
  );

  test('without offline_access no refresh token is issued', async () => {
    const tokens = await loginAs({
      issuer: aai.issuer,
      username: 'researcher',
      scope: 'openid ga4gh_passport_v1',
    });
    expect(tokens.refreshToken).toBeUndefined();
  });

  test('the login page is accessible HTML with a strict CSP and no script', async () => {
    const page = await openLoginPage(new ScriptedBrowser());
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.body).toContain('<html lang="en">');
    expect(page.body).not.toMatch(/<script|\sstyle=|\son[a-z]+=/iu);
    expect(page.body).toContain('<label for="username">');
    expect(page.body).toContain('<label for="password">');
    expect(page.body).toMatch(/<input id="username"[^>]*autocomplete="username"/u);
    expect(page.body).toMatch(/<input id="password"[^>]*type="password"/u);
    expect(page.body).toMatch(/<form method="post" action="\/interaction\/[^"]+\/login"/u);
  });

  test('wrong password: the login page shows an error and no code is issued', async () => {
    const browser = new ScriptedBrowser();
    const page = await openLoginPage(browser);
    const action = formAction(page, '/login')!;
    const res = await browser.request(action, {
      method: 'POST',
      form: { username: 'clinician', password: 'wrong' },
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('location')).toBeNull();
    expect(res.body).toContain('role="alert"');
    expect(res.body).toContain('Incorrect username or password');
    expect(res.body).toContain('aria-invalid="true"');
    expect(res.body).toContain('value="clinician"');
    // The same interaction still accepts the right password afterwards.
    const retry = await browser.request(action, {
      method: 'POST',
      form: { username: 'clinician', password: 'demo-password' },
    });
    expect(retry.status).toBe(303);
  });

  test('loginAs reports a wrong password as a LoginError', async () => {
    await expect(
      loginAs({ issuer: aai.issuer, username: 'clinician', password: 'nope' }),
    ).rejects.toBeInstanceOf(LoginError);
    await expect(loginAs({ issuer: aai.issuer, username: 'nobody' })).rejects.toThrow(
      /sign-in failed/u,
    );
  });

  test('RFC 8252 §8.6: consent is asked for, and denying it yields access_denied', async () => {
    await expect(
      authorize({ issuer: aai.issuer, username: 'researcher', deny: true }),
    ).rejects.toThrow(/access_denied/u);
  });
});
