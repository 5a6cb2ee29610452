import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DATASETS, datasetVisaValue, nodeDacSource } from '../catalogue';
import { BONA_FIDE_DOI, VISA_TYP } from './index';
import { loginAs } from './testing/loginAs';
import { startTestAai, userinfo, type TestAai } from './testing/startTestAai';

interface Visa extends JWTPayload {
  ga4gh_visa_v1: {
    type: string;
    asserted: number;
    value: string;
    source: string;
    by?: string;
    conditions?: unknown;
  };
}

let aai: TestAai;
let verify: (jwt: string) => Promise<Visa>;
beforeAll(async () => {
  aai = await startTestAai();
  const jwks = createRemoteJWKSet(new URL(aai.jwksUri));
  verify = async (jwt) => {
    const { payload } = await jwtVerify<Visa>(jwt, jwks, {
      issuer: aai.issuer,
      algorithms: ['ES256', 'RS256'],
      typ: VISA_TYP,
    });
    return payload;
  };
});
afterAll(async () => {
  await aai.dispose();
});

async function passportOf(
  username: string,
  scope?: string,
): Promise<{ raw: string[] | undefined; body: Record<string, unknown> }> {
  const tokens = await loginAs({
    issuer: aai.issuer,
    username,
    ...(scope === undefined ? {} : { scope }),
  });
  const { status, body } = await userinfo(aai.issuer, tokens.accessToken);
  expect(status).toBe(200);
  return { raw: body['ga4gh_passport_v1'] as string[] | undefined, body };
}

const grantOf = (id: string): { value: string; source: string } => {
  const ds = DATASETS.find((d) => d.id === id)!;
  return { value: datasetVisaValue(ds), source: nodeDacSource(ds.node) };
};

describe('GA4GH Passport 1.2 from UserInfo', () => {
  test.each([
    [
      'clinician',
      [
        'AcceptedTermsAndPolicies',
        'ResearcherStatus',
        ...Array<string>(4).fill('ControlledAccessGrants'),
      ],
    ],
    ['researcher', ['AcceptedTermsAndPolicies', 'ResearcherStatus']],
    ['expiring', ['AcceptedTermsAndPolicies', 'ResearcherStatus', 'ControlledAccessGrants']],
    [
      'conditional',
      [
        'AcceptedTermsAndPolicies',
        'ResearcherStatus',
        'AffiliationAndRole',
        'ControlledAccessGrants',
        'ControlledAccessGrants',
      ],
    ],
    ['novisa', []],
  ])(
    'PASS-02: %s holds the expected visa types, each verifiable with the published visa JWKS',
    async (username, types) => {
      const { raw } = await passportOf(username);
      expect(raw).toBeDefined();
      const visas = await Promise.all(raw!.map(verify));
      expect(visas.map((v) => v.ga4gh_visa_v1.type).sort()).toEqual([...types].sort());
      const kid = ((await (await fetch(aai.jwksUri)).json()) as { keys: { kid: string }[] })
        .keys[0]!.kid;
      for (const [i, jwt] of raw!.entries()) {
        const header = decodeProtectedHeader(jwt);
        expect(header).toMatchObject({
          alg: 'ES256',
          typ: 'vnd.ga4gh.visa+jwt',
          jku: `${aai.issuer}/visa-jwks`,
          kid,
        });
        const v = visas[i]!;
        expect(v.sub).toBe(username);
        expect(typeof v.jti).toBe('string');
        expect(v.exp).toBeGreaterThan(v.ga4gh_visa_v1.asserted);
        expect(v.ga4gh_visa_v1.asserted).toBeLessThanOrEqual(v.iat! + 5);
        expect(v.ga4gh_visa_v1.by).toBeDefined();
      }
    },
  );

  test('PASS-05: ControlledAccessGrants carry the dataset URL, the node DAC as source, by=dac', async () => {
    const visas = await Promise.all((await passportOf('clinician')).raw!.map(verify));
    const grants = visas
      .filter((v) => v.ga4gh_visa_v1.type === 'ControlledAccessGrants')
      .map((v) => v.ga4gh_visa_v1);
    const expected = ['FI-RD-01', 'IT-CA-01', 'ES-NE-01', 'SE-CA-01'].map((id) => ({
      ...grantOf(id),
      by: 'dac',
    }));
    expect(grants.map(({ value, source, by }) => ({ value, source, by }))).toEqual(
      expect.arrayContaining(expected),
    );
    const registered = visas
      .filter((v) => v.ga4gh_visa_v1.type !== 'ControlledAccessGrants')
      .map((v) => v.ga4gh_visa_v1);
    for (const r of registered)
      expect(r).toMatchObject({ value: BONA_FIDE_DOI, source: BONA_FIDE_DOI });
    expect(registered.map((r) => r.by).sort()).toEqual(['so', 'system']);
  });

  test('PASS conditions: conditional holds the faculty affiliation IT-RD-01 requires, not the one PT-RD-01 requires', async () => {
    const visas = (await Promise.all((await passportOf('conditional')).raw!.map(verify))).map(
      (v) => v.ga4gh_visa_v1,
    );
    const aff = visas.find((v) => v.type === 'AffiliationAndRole')!;
    expect(aff).toMatchObject({
      value: 'faculty@university.demo-federation.cohortdesk.test',
      by: 'so',
    });
    const it = visas.find((v) => v.value === grantOf('IT-RD-01').value)!;
    const pt = visas.find((v) => v.value === grantOf('PT-RD-01').value)!;
    expect(it.conditions).toEqual([
      [{ type: 'AffiliationAndRole', value: `const:${aff.value}`, by: 'const:so' }],
    ]);
    expect(pt.conditions).toEqual([
      [
        {
          type: 'AffiliationAndRole',
          value: 'const:faculty@hospital.demo-federation.cohortdesk.test',
          by: 'const:so',
        },
      ],
    ]);
  });

  test('expiring: the FI-RD-01 grant expires 300 s after sign-in', async () => {
    const signIn = Math.floor(Date.now() / 1000);
    const visas = await Promise.all((await passportOf('expiring')).raw!.map(verify));
    const grant = visas.find((v) => v.ga4gh_visa_v1.type === 'ControlledAccessGrants')!;
    expect(grant.ga4gh_visa_v1.value).toBe(grantOf('FI-RD-01').value);
    expect(grant.exp! - signIn).toBeGreaterThanOrEqual(299);
    expect(grant.exp! - signIn).toBeLessThanOrEqual(305);
  });

  test('PASS-01: no passport claim without the ga4gh_passport_v1 scope, and never in the ID token', async () => {
    const { raw, body } = await passportOf('clinician', 'openid profile');
    expect(raw).toBeUndefined();
    expect(body['sub']).toBe('clinician');
    expect(body['name']).toBeDefined();
    const tokens = await loginAs({ issuer: aai.issuer, username: 'clinician' });
    const idPayload = JSON.parse(
      Buffer.from(tokens.idToken.split('.')[1]!, 'base64url').toString(),
    ) as Record<string, unknown>;
    expect(idPayload['ga4gh_passport_v1']).toBeUndefined();
  });

  test('signVisa signs arbitrary payloads with the visa key; header can be overridden', async () => {
    const jwt = await aai.signVisa(
      { iss: aai.issuer, sub: 'x', iat: 1, exp: 4102444800, ga4gh_visa_v1: { type: 'Custom' } },
      { jku: 'https://attacker.example/jwks' },
    );
    expect(decodeProtectedHeader(jwt)).toMatchObject({
      jku: 'https://attacker.example/jwks',
      typ: VISA_TYP,
      alg: 'ES256',
    });
    const ok = await aai.signVisa({
      iss: aai.issuer,
      sub: 'x',
      iat: Math.floor(Date.now() / 1000),
      exp: 4102444800,
    });
    expect((await verify(ok)).sub).toBe('x');
  });
});
