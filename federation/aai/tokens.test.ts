import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formAction, ScriptedBrowser } from './testing/browser';
import { loginAs, tokenRequest } from './testing/loginAs';
import { startLoopbackListener } from './testing/loopback';
import { startTestAai, userinfo, type TestAai } from './testing/startTestAai';

let aai: TestAai;
beforeAll(async () => {
  aai = await startTestAai({ accessTokenTtlSec: 120 });
});
afterAll(async () => {
  await aai.dispose();
});

const refresh = (refreshToken: string): ReturnType<typeof tokenRequest> =>
  tokenRequest(aai.issuer, { grant_type: 'refresh_token', refresh_token: refreshToken });

async function revoke(token: string, hint: string): Promise<number> {
  const res = await fetch(new URL('/token/revocation', aai.issuer), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: 'cohort-desk', token, token_type_hint: hint }),
  });
  return res.status;
}

describe('tokens: lifetime, refresh rotation, revocation, logout', () => {
  test('accessTokenTtlSec option sets expires_in', async () => {
    const tokens = await loginAs({ issuer: aai.issuer, username: 'researcher' });
    expect(tokens.expiresIn).toBe(120);
  });

  test('AUTH-06 / RFC 9700 §4.14: refresh tokens rotate; the old one fails after use and its reuse kills the family', async () => {
    const tokens = await loginAs({ issuer: aai.issuer, username: 'clinician' });
    const first = await refresh(tokens.refreshToken!);
    expect(first.status).toBe(200);
    const rotated = first.body['refresh_token'] as string;
    expect(rotated).toBeTypeOf('string');
    expect(rotated).not.toBe(tokens.refreshToken);
    const newAccess = first.body['access_token'] as string;
    const ui = await userinfo(aai.issuer, newAccess);
    expect(ui.status).toBe(200);
    expect(ui.body['ga4gh_passport_v1']).toHaveLength(6);

    const replay = await refresh(tokens.refreshToken!);
    expect(replay.status).toBe(400);
    expect(replay.body['error']).toBe('invalid_grant');
    // Reuse detected: the whole grant is revoked, including the rotated token.
    expect((await refresh(rotated)).body['error']).toBe('invalid_grant');
    expect((await userinfo(aai.issuer, newAccess)).status).toBe(401);
  });

  test('AUTH-07: revoking the refresh token then the access token ends both (RFC 7009)', async () => {
    const tokens = await loginAs({ issuer: aai.issuer, username: 'researcher' });
    expect((await userinfo(aai.issuer, tokens.accessToken)).status).toBe(200);
    expect(await revoke(tokens.refreshToken!, 'refresh_token')).toBe(200);
    expect((await refresh(tokens.refreshToken!)).body['error']).toBe('invalid_grant');
    expect(await revoke(tokens.accessToken, 'access_token')).toBe(200);
    expect((await userinfo(aai.issuer, tokens.accessToken)).status).toBe(401);
  });

  test('AUTH-07: RP-initiated logout ends the session and redirects to a loopback post_logout_redirect_uri', async () => {
    const browser = new ScriptedBrowser();
    const tokens = await loginAs({
      issuer: aai.issuer,
      username: 'researcher',
      scope: 'openid ga4gh_passport_v1',
      browser,
    });
    const listener = await startLoopbackListener('/logout');
    try {
      const end = new URL('/session/end', aai.issuer);
      end.search = new URLSearchParams({
        id_token_hint: tokens.idToken,
        post_logout_redirect_uri: listener.redirectUri,
        state: 'bye',
      }).toString();
      const page = await browser.navigate(end.href);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(page.body).not.toContain('<script');
      const action = formAction(page, '/session/end/confirm')!;
      const xsrf = /name="xsrf" value="([^"]+)"/u.exec(page.body)?.[1] ?? '';
      await browser.navigate(action, { method: 'POST', form: { xsrf, logout: 'yes' } });
      const params = await listener.result;
      expect(params.get('state')).toBe('bye');
    } finally {
      await listener.close();
    }
    // Tokens of a non-offline grant die with the session, and the next authorization asks to sign in again.
    expect((await userinfo(aai.issuer, tokens.accessToken)).status).toBe(401);
    const again = await browser.navigate(
      `${aai.issuer}/auth?${new URLSearchParams({
        client_id: 'cohort-desk',
        response_type: 'code',
        redirect_uri: 'http://127.0.0.1:1/callback',
        scope: 'openid',
        code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        code_challenge_method: 'S256',
      }).toString()}`,
    );
    expect(formAction(again, '/login')).toBeDefined();
  });

  test('post_logout_redirect_uri must be a registered loopback path', async () => {
    const tokens = await loginAs({ issuer: aai.issuer, username: 'novisa', scope: 'openid' });
    const end = new URL('/session/end', aai.issuer);
    end.search = new URLSearchParams({
      id_token_hint: tokens.idToken,
      post_logout_redirect_uri: 'http://evil.example/logout',
    }).toString();
    const res = await fetch(end, { redirect: 'manual' });
    expect(res.status).toBe(400);
  });
});
