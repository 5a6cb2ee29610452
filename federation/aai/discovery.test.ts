import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startAai } from './index';
import { startTestAai, type TestAai } from './testing/startTestAai';

let aai: TestAai;
beforeAll(async () => {
  aai = await startTestAai();
});
afterAll(async () => {
  await aai.dispose();
});

async function getJson(url: string): Promise<Record<string, unknown>> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

describe('AAI discovery and keys', () => {
  test('issuer is the loopback URL it listens on', () => {
    expect(aai.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/u);
    expect(aai.jwksUri).toBe(`${aai.issuer}/visa-jwks`);
    expect(aai.clientId).toBe('cohort-desk');
  });

  test('AUTH-01/AUTH-04/AUTH-07: discovery advertises S256 only, iss response parameter, revocation and end_session', async () => {
    const d = await getJson(`${aai.issuer}/.well-known/openid-configuration`);
    expect(d['issuer']).toBe(aai.issuer);
    expect(d['authorization_endpoint']).toBe(`${aai.issuer}/auth`);
    expect(d['token_endpoint']).toBe(`${aai.issuer}/token`);
    expect(d['userinfo_endpoint']).toBe(`${aai.issuer}/me`);
    expect(d['jwks_uri']).toBe(`${aai.issuer}/jwks`);
    expect(d['revocation_endpoint']).toBe(`${aai.issuer}/token/revocation`);
    expect(d['end_session_endpoint']).toBe(`${aai.issuer}/session/end`);
    expect(d['code_challenge_methods_supported']).toEqual(['S256']);
    expect(d['authorization_response_iss_parameter_supported']).toBe(true);
    expect(d['response_types_supported']).toEqual(['code']);
    expect(d['grant_types_supported']).toEqual(
      expect.arrayContaining(['authorization_code', 'refresh_token']),
    );
    expect(d['grant_types_supported']).not.toContain('implicit');
    expect(d['token_endpoint_auth_methods_supported']).toContain('none');
    expect(d['scopes_supported']).toEqual(
      expect.arrayContaining(['openid', 'offline_access', 'ga4gh_passport_v1']),
    );
    expect(d['claims_supported']).toContain('ga4gh_passport_v1');
  });

  test('PASS: visa JWKS is separate from the OIDC JWKS and holds public keys only', async () => {
    const oidc = (await getJson(`${aai.issuer}/jwks`))['keys'] as Record<string, unknown>[];
    const visa = (await getJson(aai.jwksUri))['keys'] as Record<string, unknown>[];
    expect(oidc.map((k) => k['alg'])).toEqual(['RS256']);
    expect(visa).toHaveLength(1);
    expect(visa[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(visa[0]!['d']).toBeUndefined();
    expect(oidc[0]!['d']).toBeUndefined();
    expect(visa[0]!['kid']).not.toBe(oidc[0]!['kid']);
  });

  test('keys persist in stateDir across restarts', async () => {
    const before = await getJson(aai.jwksUri);
    const beforeOidc = await getJson(`${aai.issuer}/jwks`);
    const again = await startAai({ port: 0, stateDir: aai.stateDir });
    try {
      expect(await getJson(again.jwksUri)).toEqual(before);
      expect(await getJson(`${again.issuer}/jwks`)).toEqual(beforeOidc);
    } finally {
      await again.close();
    }
  });
});
