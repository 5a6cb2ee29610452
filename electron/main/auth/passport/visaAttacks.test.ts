import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublishedDataset } from '../access/datasetCatalog';
import { buildAccessList } from '../access/accessList';
import type { SignInFederation } from '../testing/signInFederation';
import { startSignInFederation } from '../testing/signInFederation';
import { decidePassport } from './clearinghouse';
import type { VerifiedVisa } from './visaVerifier';
import { createVisaVerifier } from './visaVerifier';
import { VisaReasonSchema } from '../../../../shared/auth/visaReason';

let fed: SignInFederation;
let counter: { url: string; hits: number; close(): Promise<void> };
const now = () => Math.floor(Date.now() / 1000);
const VALUE = 'https://fi.demo-federation.cohortdesk.test/datasets/FI-RD-01';
const DAC = 'https://fi.demo-federation.cohortdesk.test/dac';

beforeAll(async () => {
  fed = await startSignInFederation({ runDir: mkdtempSync(join(tmpdir(), 'fed-run-')) });
  // An "attacker" JWKS host that counts every request it receives (STANDARDS 2.7.2).
  let hits = 0;
  const server = createServer((_req, res) => {
    hits += 1;
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"keys":[]}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  counter = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`,
    get hits() {
      return hits;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}, 120_000);
afterAll(async () => {
  await counter.close();
  await fed.close();
});

const verifier = (extraTrusted: { iss: string; jku: string }[] = []) =>
  createVisaVerifier({
    trusted: () => [{ iss: fed.info.issuer, jku: fed.info.jwksUri }, ...extraTrusted],
    fetchImpl: fetch,
    nowSec: now,
  });

const grant = (over: Record<string, unknown> = {}, visa: Record<string, unknown> = {}) =>
  fed.aai.signVisa({
    iss: fed.info.issuer,
    sub: 'clinician',
    iat: now(),
    exp: now() + 3600,
    ga4gh_visa_v1: {
      type: 'ControlledAccessGrants',
      asserted: now(),
      value: VALUE,
      source: DAC,
      by: 'dac',
      ...visa,
    },
    ...over,
  });

const expectIgnored = async (
  jws: string,
  reason: RegExp,
  trusted: { iss: string; jku: string }[] = [],
) => {
  const check = await verifier(trusted)(jws, 'clinician');
  expect(check.ok).toBe(false);
  if (!check.ok) expect(check.reason).toMatch(reason);
  // Issue 22: every reason also travels as a code the page words (decision 0071).
  if (!check.ok) expect(VisaReasonSchema.safeParse(check.said).success).toBe(true);
};

describe('visa validation as a clearinghouse for the app (PASS-02, STANDARDS 2.7)', () => {
  it('accepts a well-formed grant signed by the trusted broker', async () => {
    const check = await verifier()(await grant(), 'clinician');
    expect(check).toMatchObject({
      ok: true,
      visa: { type: 'ControlledAccessGrants', value: VALUE, by: 'dac' },
    });
  });

  it('2.7.1: a flipped signature byte is ignored', async () => {
    const jws = await grant();
    const i = jws.lastIndexOf('.') + 5;
    const tampered = jws.slice(0, i) + (jws[i] === 'A' ? 'B' : 'A') + jws.slice(i + 1);
    await expectIgnored(tampered, /signature does not verify|could not be verified/);
  });

  it('2.7.2: an untrusted jku is never fetched', async () => {
    const jws = await fed.aai.signVisa(
      {
        iss: fed.info.issuer,
        sub: 'clinician',
        iat: now(),
        exp: now() + 3600,
        ga4gh_visa_v1: {
          type: 'ControlledAccessGrants',
          asserted: now(),
          value: VALUE,
          source: DAC,
          by: 'dac',
        },
      },
      { jku: counter.url },
    );
    await expectIgnored(jws, /not on the trusted list/);
    expect(counter.hits).toBe(0);
  });

  it('2.7.3: a trusted iss with the jku of another trusted issuer is rejected before any request', async () => {
    const other = { iss: 'https://other-broker.example', jku: counter.url };
    const jws = await fed.aai.signVisa(
      {
        iss: fed.info.issuer,
        sub: 'clinician',
        iat: now(),
        exp: now() + 3600,
        ga4gh_visa_v1: {
          type: 'ControlledAccessGrants',
          asserted: now(),
          value: VALUE,
          source: DAC,
          by: 'dac',
        },
      },
      { jku: counter.url },
    );
    await expectIgnored(jws, /not on the trusted list/, [other]);
    expect(counter.hits).toBe(0);
  });

  it('2.7.4: alg none and HS256 are rejected', async () => {
    const valid = await grant();
    const [, payload] = valid.split('.');
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const none = `${b64({ alg: 'none', typ: 'vnd.ga4gh.visa+jwt', jku: fed.info.jwksUri })}.${payload}.`;
    await expectIgnored(none, /only RS256 or ES256/);
    const hs = `${b64({ alg: 'HS256', typ: 'vnd.ga4gh.visa+jwt', jku: fed.info.jwksUri })}.${payload}.c2ln`;
    await expectIgnored(hs, /only RS256 or ES256/);
  });

  it('2.7.5: an expired visa is not used', async () => {
    await expectIgnored(await grant({ exp: now() - 5, iat: now() - 100 }), /expired/);
  });

  it('typ other than a visa is refused; another subject needs LinkedIdentities', async () => {
    await expectIgnored(
      await fed.aai.signVisa(
        {
          iss: fed.info.issuer,
          sub: 'clinician',
          iat: now(),
          exp: now() + 60,
          ga4gh_visa_v1: {
            type: 'ResearcherStatus',
            asserted: now(),
            value: 'x',
            source: 'y',
            by: 'so',
          },
        },
        { typ: 'at+jwt' },
      ),
      /not a visa/,
    );
    await expectIgnored(await grant({ sub: 'mallory' }), /another identity/);
  });

  it('2.7.8: a ControlledAccessGrants visa without `by` is ignored with its reason', async () => {
    const check = await verifier()(await grant({}, { by: undefined }), 'clinician');
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    const decision = decidePassport([check.visa], []);
    expect(decision.grants).toEqual([]);
    expect(decision.ignored[0]?.reason).toMatch(/who granted it/);
    expect(decision.ignored[0]?.said).toEqual({ code: 'no-by-grant' });
  });

  it('2.7.9 / PASS-05: a value differing only in case matches no dataset', () => {
    const node = {
      id: 'FI',
      name: 'FI node',
      country: 'Finland',
      beaconUrl: 'http://127.0.0.1:1/api',
    };
    const dataset: PublishedDataset = {
      node,
      id: 'FI-RD-01',
      title: 'FI',
      level: 'controlled',
      duo: [],
      publishedUrl: VALUE,
      dacSource: DAC,
    };
    const visa: VerifiedVisa = {
      iss: fed.info.issuer,
      sub: 'clinician',
      exp: now() + 600,
      iat: now(),
      type: 'ControlledAccessGrants',
      value: VALUE.replace('FI-RD-01', 'fi-rd-01'),
      source: DAC,
      asserted: now(),
      by: 'dac',
    };
    const list = buildAccessList([dataset], decidePassport([visa], []), Date.now());
    expect(list.access[0]?.granularity).toBe('boolean');
    expect(list.unmatched[0]?.reason).toMatch(/including case/);
    expect(list.unmatched[0]?.said).toEqual({ code: 'no-dataset' });
    const exact = buildAccessList(
      [dataset],
      decidePassport([{ ...visa, value: VALUE }], []),
      Date.now(),
    );
    expect(exact.access[0]?.granularity).toBe('record');
    // PASS-05 per-node mapping: an EGA-style node names datasets by bare id.
    const ega = {
      ...dataset,
      node: { ...node, visaValueMapping: { kind: 'dataset-id' as const } },
    };
    expect(
      buildAccessList([ega], decidePassport([{ ...visa, value: 'FI-RD-01' }], []), Date.now())
        .access[0]?.granularity,
    ).toBe('record');
  });

  it('a grant from another DAC than the dataset publishes is not used', () => {
    const node = {
      id: 'FI',
      name: 'FI node',
      country: 'Finland',
      beaconUrl: 'http://127.0.0.1:1/api',
    };
    const dataset: PublishedDataset = {
      node,
      id: 'FI-RD-01',
      title: 'FI',
      level: 'controlled',
      duo: [],
      publishedUrl: VALUE,
      dacSource: DAC,
    };
    const visa: VerifiedVisa = {
      iss: 'x',
      sub: 's',
      exp: now() + 600,
      iat: now(),
      type: 'ControlledAccessGrants',
      value: VALUE,
      source: 'https://rogue.example/dac',
      asserted: now(),
      by: 'dac',
    };
    const list = buildAccessList([dataset], decidePassport([visa], []), Date.now());
    expect(list.access[0]?.granularity).toBe('boolean');
    expect(list.unmatched[0]?.reason).toMatch(/not by the committee/);
    expect(list.unmatched[0]?.said?.code).toBe('other-committee');
  });
});
