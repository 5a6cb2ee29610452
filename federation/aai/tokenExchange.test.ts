import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ResourceServerClient } from './resourceServers';
import { loginAs, tokenRequest } from './testing/loginAs';
import { exchangeForNode, exchangeForPassport, nodeToken } from './testing/nodeTokens';
import { startTestAai, userinfo, type TestAai } from './testing/startTestAai';
import { PASSPORT_TYP } from './tokenTypes';

let aai: TestAai;
let nodeA: ResourceServerClient;
let nodeB: ResourceServerClient;
const A = 'http://127.0.0.1:1/';
const B = 'http://127.0.0.1:2/';

beforeAll(async () => {
  aai = await startTestAai();
  nodeA = await aai.registerResourceServer({ resource: A, name: 'A' });
  nodeB = await aai.registerResourceServer({ resource: B, name: 'B' });
});
afterAll(async () => {
  await aai.dispose();
});

describe('issue 12 item 12: audience-restricted node tokens (RFC 8707 + RFC 8693)', () => {
  test('the sign-in token is exchanged for a JWT access token whose only audience is the node', async () => {
    const { accessToken } = await loginAs({ issuer: aai.issuer, username: 'clinician' });
    const token = await nodeToken(aai.issuer, accessToken, A);
    expect(decodeProtectedHeader(token).typ).toBe('at+jwt');
    const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL('/jwks', aai.issuer)), {
      issuer: aai.issuer,
      audience: A,
      typ: 'at+jwt',
    });
    expect(payload).toMatchObject({ sub: 'clinician', aud: A, scope: 'ga4gh_passport_v1' });
    expect(payload['ga4gh_passport_v1']).toBeUndefined();
  });

  test('attack: a node token is refused at UserInfo and cannot be exchanged again', async () => {
    const { accessToken } = await loginAs({ issuer: aai.issuer, username: 'clinician' });
    const forA = await nodeToken(aai.issuer, accessToken, A);
    expect((await userinfo(aai.issuer, forA)).status).toBe(401);
    const chained = await exchangeForNode(aai.issuer, forA, B);
    expect(chained.status).toBe(400);
    expect(chained.body['error']).toBe('invalid_grant');
  });

  test('attack: no token for a resource the federation did not register (a fake node)', async () => {
    const { accessToken } = await loginAs({ issuer: aai.issuer, username: 'clinician' });
    const r = await exchangeForNode(aai.issuer, accessToken, 'http://127.0.0.1:9/');
    expect(r.status).toBe(400);
    expect(r.body['error']).toBe('invalid_target');
  });

  test('a node exchanges its own token for the passport; another node cannot', async () => {
    const { accessToken } = await loginAs({ issuer: aai.issuer, username: 'clinician' });
    const forA = await nodeToken(aai.issuer, accessToken, A);
    const ok = await exchangeForPassport(aai.issuer, nodeA, forA);
    expect(ok.status).toBe(200);
    expect(ok.body['issued_token_type']).toBe('urn:ga4gh:params:oauth:token-type:passport');
    const passport = ok.body['access_token'] as string;
    const { payload, protectedHeader } = await jwtVerify(
      passport,
      createRemoteJWKSet(new URL('/jwks', aai.issuer)),
      { issuer: aai.issuer, audience: nodeA.clientId },
    );
    expect(protectedHeader.typ).toBe(PASSPORT_TYP);
    expect(payload.sub).toBe('clinician');
    expect((payload['ga4gh_passport_v1'] as unknown[]).length).toBeGreaterThan(0);

    const stolen = await exchangeForPassport(aai.issuer, nodeB, forA);
    expect(stolen.status).toBe(400);
    expect(stolen.body['error']).toBe('invalid_grant');
    const unauthenticated = await exchangeForPassport(
      aai.issuer,
      { clientId: nodeA.clientId, clientSecret: 'wrong' },
      forA,
    );
    expect(unauthenticated.status).toBe(401);
    const publicClient = await tokenRequest(aai.issuer, {
      grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      subject_token: forA,
      subject_token_type: 'urn:ietf:params:oauth:token-type:access_token',
      requested_token_type: 'urn:ga4gh:params:oauth:token-type:passport',
    });
    expect(publicClient.body['error']).toBe('unauthorized_client');
  });

  test('AUTH-07: after the refresh token is revoked (sign-out), node tokens no longer give a passport', async () => {
    const tokens = await loginAs({ issuer: aai.issuer, username: 'researcher' });
    const forA = await nodeToken(aai.issuer, tokens.accessToken, A);
    expect((await exchangeForPassport(aai.issuer, nodeA, forA)).status).toBe(200);
    const res = await fetch(new URL('/token/revocation', aai.issuer), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: 'cohort-desk',
        token: tokens.refreshToken!,
        token_type_hint: 'refresh_token',
      }),
    });
    expect(res.status).toBe(200);
    expect((await exchangeForPassport(aai.issuer, nodeA, forA)).body['error']).toBe(
      'invalid_grant',
    );
    expect((await exchangeForNode(aai.issuer, tokens.accessToken, A)).body['error']).toBe(
      'invalid_grant',
    );
    expect(decodeJwt(forA).aud).toBe(A);
  });
});
