import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { authorize, pkcePair } from './testing/authorize';
import { tokenRequest } from './testing/loginAs';
import { startTestAai, type TestAai } from './testing/startTestAai';

let aai: TestAai;
beforeAll(async () => {
  aai = await startTestAai();
});
afterAll(async () => {
  await aai.dispose();
});

/** GETs the authorization endpoint without following redirects. */
async function authRequest(params: Record<string, string>): Promise<Response> {
  const url = new URL('/auth', aai.issuer);
  url.search = new URLSearchParams({
    client_id: 'cohort-desk',
    response_type: 'code',
    scope: 'openid ga4gh_passport_v1',
    state: 'st',
    nonce: 'nn',
    ...params,
  }).toString();
  return fetch(url, { redirect: 'manual' });
}

const S256 = (): Record<string, string> => ({
  code_challenge: pkcePair().challenge,
  code_challenge_method: 'S256',
});

describe('PKCE (RFC 8252 §6, RFC 9700 §2.1.1)', () => {
  test('AUTH-01: authorize without code_challenge is rejected back to the client', async () => {
    const res = await authRequest({ redirect_uri: 'http://127.0.0.1:50123/callback' });
    expect(res.status).toBe(303);
    const loc = new URL(res.headers.get('location')!);
    expect(loc.origin + loc.pathname).toBe('http://127.0.0.1:50123/callback');
    expect(loc.searchParams.get('error')).toBe('invalid_request');
    expect(loc.searchParams.get('iss')).toBe(aai.issuer);
    expect(loc.searchParams.get('code')).toBeNull();
  });

  test('AUTH-01: code_challenge_method=plain is rejected', async () => {
    const res = await authRequest({
      redirect_uri: 'http://127.0.0.1:50123/callback',
      code_challenge: 'a'.repeat(43),
      code_challenge_method: 'plain',
    });
    const loc = new URL(res.headers.get('location')!);
    expect(loc.searchParams.get('error')).toBe('invalid_request');
    expect(loc.searchParams.get('code')).toBeNull();
  });

  test('AUTH-01: token request without code_verifier, or with a wrong one, fails with invalid_grant', async () => {
    const a = await authorize({ issuer: aai.issuer, username: 'researcher' });
    const base = { grant_type: 'authorization_code', code: a.code, redirect_uri: a.redirectUri };
    const missing = await tokenRequest(aai.issuer, base);
    expect(missing.status).toBe(400);
    expect(missing.body['error']).toBe('invalid_grant');
    const b = await authorize({ issuer: aai.issuer, username: 'researcher' });
    const wrong = await tokenRequest(aai.issuer, {
      grant_type: 'authorization_code',
      code: b.code,
      redirect_uri: b.redirectUri,
      code_verifier: pkcePair().verifier,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body['error']).toBe('invalid_grant');
  });

  test('RFC 9700 §4.2.4: an authorization code works once only', async () => {
    const a = await authorize({ issuer: aai.issuer, username: 'researcher' });
    const params = {
      grant_type: 'authorization_code',
      code: a.code,
      redirect_uri: a.redirectUri,
      code_verifier: a.verifier,
    };
    expect((await tokenRequest(aai.issuer, params)).status).toBe(200);
    const replay = await tokenRequest(aai.issuer, params);
    expect(replay.status).toBe(400);
    expect(replay.body['error']).toBe('invalid_grant');
  });
});

describe('loopback redirect URIs (RFC 8252 §7.3, AUTH-03)', () => {
  test.each([
    'http://127.0.0.1:50123/callback',
    'http://127.0.0.1:1/callback',
    'http://[::1]:61000/callback',
  ])('any port is accepted on an IP loopback redirect: %s', async (redirectUri) => {
    const res = await authRequest({ redirect_uri: redirectUri, ...S256() });
    expect(res.status).toBe(303);
    expect(new URL(res.headers.get('location')!, aai.issuer).pathname).toMatch(/^\/interaction\//u);
  });

  test.each([
    'http://evil.example:50123/callback',
    'https://127.0.0.1:50123/callback',
    'http://localhost:50123/callback',
    'http://127.0.0.1:50123/other',
    'http://127.0.0.1:50123/callback/extra',
    'http://127.0.0.2:50123/callback',
    'http://user@127.0.0.1:50123/callback',
  ])('non-registered redirect is refused without redirecting: %s', async (redirectUri) => {
    const res = await authRequest({ redirect_uri: redirectUri, ...S256() });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).toContain('redirect_uri');
  });
});
