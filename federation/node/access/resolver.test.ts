import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS, datasetVisaValue, nodeDacSource } from '../../catalogue';
import { createMemoryLogger } from '../log';
import {
  startPassportIssuer,
  TEST_RESOURCE,
  visaPayload,
  type PassportIssuer,
} from '../testing/passportIssuer';
import { BONA_FIDE_DOI } from './policy';
import { createAccessResolver, InvalidTokenError } from './resolver';

const FI_RD = DATASETS.find((d) => d.id === 'FI-RD-01');
if (!FI_RD) throw new Error('catalogue changed');
const GRANT = {
  type: 'ControlledAccessGrants',
  value: datasetVisaValue(FI_RD),
  source: nodeDacSource('FI'),
  by: 'dac',
};

let issuer: PassportIssuer;
let other: PassportIssuer;
let attacker: Server;
let attackerHits = 0;
let attackerUrl = '';

beforeAll(async () => {
  issuer = await startPassportIssuer();
  other = await startPassportIssuer();
  attacker = createServer((_req, res) => {
    attackerHits++;
    res.end('{}');
  });
  await new Promise<void>((r) => attacker.listen(0, '127.0.0.1', r));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/jwks`;
});
afterAll(async () => {
  await issuer.close();
  await other.close();
  attacker.closeAllConnections();
  await new Promise<void>((r) =>
    attacker.close(() => {
      r();
    }),
  );
});

function resolver(logger = createMemoryLogger('t'), cacheTtlMs = 0) {
  return createAccessResolver({
    trustedIssuers: [
      { iss: issuer.iss, jku: issuer.jku },
      { iss: other.iss, jku: other.jku },
    ],
    resource: () => TEST_RESOURCE,
    brokers: () => [issuer.client],
    cacheTtlMs,
    logger,
  });
}

/** A token for this node whose passport holds `visas`, resolved. */
async function access(visas: string[], logger = createMemoryLogger('t')) {
  return resolver(logger).resolve(`Bearer ${await issuer.tokenFor('alice', visas)}`);
}

const sign = (
  visa: Record<string, unknown>,
  extra: Record<string, unknown> = {},
  header: Record<string, unknown> = {},
) => issuer.sign(visaPayload(issuer.iss, 'alice', visa, extra), header);

describe('PASS-02 passport validation at the node', () => {
  it('accepts a valid ControlledAccessGrants visa and registered-access pair', async () => {
    const a = await access([
      await sign(GRANT),
      await sign({
        type: 'AcceptedTermsAndPolicies',
        value: BONA_FIDE_DOI,
        source: BONA_FIDE_DOI,
        by: 'self',
      }),
      await sign({
        type: 'ResearcherStatus',
        value: BONA_FIDE_DOI,
        source: BONA_FIDE_DOI,
        by: 'so',
      }),
    ]);
    expect([...a.controlledDatasets]).toEqual(['FI-RD-01']);
    expect(a.registered).toBe(true);
  });

  it('registered access needs both visas with the same value (test 2.7.6)', async () => {
    const a = await access([
      await sign({
        type: 'ResearcherStatus',
        value: BONA_FIDE_DOI,
        source: BONA_FIDE_DOI,
        by: 'so',
      }),
    ]);
    expect(a.registered).toBe(false);
  });

  it('ignores a visa with a tampered signature (test 2.7.1)', async () => {
    const good = await sign(GRANT);
    const [h, p, s = ''] = good.split('.');
    const flipped = (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    const logger = createMemoryLogger('t');
    const a = await access([`${h ?? ''}.${p ?? ''}.${flipped}`], logger);
    expect(a.controlledDatasets.size).toBe(0);
    expect(a.rejectedVisas[0]?.reason).toMatch(/verification failed/);
    // Rejections are logged by reason only, never the raw visa.
    expect(JSON.stringify(logger.events)).not.toContain(p);
  });

  it('never contacts an untrusted jku (test 2.7.2)', async () => {
    const a = await access([await sign(GRANT, {}, { jku: attackerUrl })]);
    expect(a.controlledDatasets.size).toBe(0);
    expect(a.rejectedVisas[0]?.reason).toBe('untrusted (iss, jku) pair');
    expect(attackerHits).toBe(0);
  });

  it("rejects a trusted iss with another trusted issuer's jku (test 2.7.3)", async () => {
    const before = other.hits.get('/jwks') ?? 0;
    const a = await access([await sign(GRANT, {}, { jku: other.jku })]);
    expect(a.controlledDatasets.size).toBe(0);
    expect(other.hits.get('/jwks') ?? 0).toBe(before);
  });

  it('rejects alg none and HS256 (test 2.7.4)', async () => {
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const none = `${b64({ alg: 'none', typ: 'vnd.ga4gh.visa+jwt', jku: issuer.jku })}.${b64(visaPayload(issuer.iss, 'alice', GRANT))}.`;
    const hs = await new SignJWT(visaPayload(issuer.iss, 'alice', GRANT))
      .setProtectedHeader({ alg: 'HS256', typ: 'vnd.ga4gh.visa+jwt', jku: issuer.jku })
      .sign(new TextEncoder().encode('public-key-as-hmac-secret-0123456789'));
    const a = await access([none, hs]);
    expect(a.controlledDatasets.size).toBe(0);
    expect(a.rejectedVisas.map((r) => r.reason)).toEqual([
      'alg none not allowed',
      'alg HS256 not allowed',
    ]);
  });

  it('rejects expired visas and visas issued in the future (test 2.7.5)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const a = await access([
      await sign(GRANT, { exp: now - 120, iat: now - 7200 }),
      await sign(GRANT, { iat: now + 3600 }),
    ]);
    expect(a.controlledDatasets.size).toBe(0);
    expect(a.rejectedVisas).toHaveLength(2);
  });

  it('requires by=dac on ControlledAccessGrants (test 2.7.8)', async () => {
    const noBy = Object.fromEntries(Object.entries(GRANT).filter(([k]) => k !== 'by'));
    const a = await access([await sign(noBy), await sign({ ...GRANT, by: 'self' })]);
    expect(a.controlledDatasets.size).toBe(0);
  });

  it('matches the dataset value case-sensitively (test 2.7.9, PASS-05)', async () => {
    const a = await access([
      await sign({ ...GRANT, value: GRANT.value.replace('FI-RD-01', 'fi-rd-01') }),
    ]);
    expect(a.controlledDatasets.size).toBe(0);
  });

  it('rejects a visa for another subject (no LinkedIdentities)', async () => {
    const a = await access([await issuer.sign(visaPayload(issuer.iss, 'mallory', GRANT))]);
    expect(a.controlledDatasets.size).toBe(0);
  });

  it('evaluates conditions against other valid visas without conditions (test 2.7.7)', async () => {
    const conditions = [
      [{ type: 'AffiliationAndRole', value: 'pattern:faculty@*', by: 'const:so' }],
    ];
    const aff = (by: string) =>
      sign({
        type: 'AffiliationAndRole',
        value: 'faculty@uni.example',
        source: 'https://uni.example',
        by,
      });
    const met = await access([await sign({ ...GRANT, conditions }), await aff('so')]);
    expect(met.controlledDatasets.has('FI-RD-01')).toBe(true);
    const unmet = await access([await sign({ ...GRANT, conditions }), await aff('system')]);
    expect(unmet.controlledDatasets.size).toBe(0);
    const unknownPrefix = [[{ type: 'AffiliationAndRole', value: 'regex:.*' }]];
    const rx = await access([await sign({ ...GRANT, conditions: unknownPrefix }), await aff('so')]);
    expect(rx.controlledDatasets.size).toBe(0);
  });

  it('anonymous without a token; 401-class error for a token no issuer accepts', async () => {
    const r = resolver();
    expect((await r.resolve(undefined)).registered).toBe(false);
    await expect(r.resolve('Bearer unknown-token')).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('caches the passport per token hash within the TTL', async () => {
    const token = await issuer.tokenFor('alice', [await sign(GRANT)]);
    const r = resolver(createMemoryLogger('t'), 60_000);
    const before = issuer.hits.get('/token') ?? 0;
    await r.resolve(`Bearer ${token}`);
    await r.resolve(`Bearer ${token}`);
    expect((issuer.hits.get('/token') ?? 0) - before).toBe(1);
  });
});

describe('issue 12 item 12: a node accepts only access tokens addressed to it (RFC 8707/9068)', () => {
  const refused = async (token: string, reason: RegExp): Promise<void> => {
    const before = issuer.hits.get('/token') ?? 0;
    const error = await resolver()
      .resolve(`Bearer ${token}`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidTokenError);
    expect((error as Error).message).toMatch(reason);
    // Refused before the passport exchange: the broker never sees a token meant for someone else.
    expect((issuer.hits.get('/token') ?? 0) - before).toBe(0);
  };

  it('attack: a token minted for another node is refused', async () => {
    const forB = await issuer.tokenFor('alice', [await sign(GRANT)], {
      aud: 'http://127.0.0.1:2/',
    });
    await refused(forB, /ERR_JWT_CLAIM_VALIDATION_FAILED/);
  });

  it('attack: a token from a broker the node is not registered with is refused unheard', async () => {
    const before = other.hits.get('/.well-known/openid-configuration') ?? 0;
    await refused(await other.tokenFor('alice', [await sign(GRANT)]), /trusted broker/);
    expect((other.hits.get('/.well-known/openid-configuration') ?? 0) - before).toBe(0);
  });

  it('attack: an opaque (UserInfo) token, a JWT of another type, or an expired token is refused', async () => {
    await refused('opaque-userinfo-token', /not a JWT access token/);
    await refused(await issuer.tokenFor('alice', [], { typ: 'JWT' }), /not a JWT access token/);
    const now = Math.floor(Date.now() / 1000);
    const expired = await issuer.tokenFor('alice', [], { claims: { exp: now - 60 } });
    await refused(expired, /ERR_JWT_EXPIRED/);
  });

  it('attack: a passport for another subject than the token is refused', async () => {
    const token = await issuer.tokenFor('alice', [await sign(GRANT)], { passportSub: 'mallory' });
    await expect(resolver().resolve(`Bearer ${token}`)).rejects.toThrow(/another subject/);
  });
});
