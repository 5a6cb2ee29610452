import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAai, type TestAai } from '../aai/testing/startTestAai';
import { loginAs } from '../aai/testing/loginAs';
import { nodeToken } from '../aai/testing/nodeTokens';
import { validateBeaconResponse } from './schemas';
import { call, smallData, startTestNode } from './testing/fixture';

let aai: TestAai;
let fi: Awaited<ReturnType<typeof startTestNode>>;
let it_: Awaited<ReturnType<typeof startTestNode>>;
let es: Awaited<ReturnType<typeof startTestNode>>;
type TestNode = Awaited<ReturnType<typeof startTestNode>>;
/** Each user's sign-in (UserInfo) token; nodes get tokens exchanged for it (0015-node-audience-tokens). */
const signIns: Record<string, string> = {};
const issued: string[] = [];

async function tokenAt(node: TestNode, user: string): Promise<string> {
  const token = await nodeToken(aai.issuer, signIns[user] ?? '', node.resource);
  issued.push(token);
  return token;
}

beforeAll(async () => {
  const data = await smallData();
  aai = await startTestAai();
  const trustedIssuers = [{ iss: aai.issuer, jku: aai.jwksUri }];
  // Cache off: revocation must be visible on the next request in these tests.
  const start = (id: 'FI' | 'IT' | 'ES') =>
    startTestNode(id, data.dir, {
      trustedIssuers,
      passportCacheTtlMs: 0,
      registerAtBrokers: async (resource) => [
        { issuer: aai.issuer, ...(await aai.registerResourceServer({ resource, name: id })) },
      ],
    });
  [fi, it_, es] = await Promise.all([start('FI'), start('IT'), start('ES')]);
  for (const u of ['clinician', 'researcher', 'conditional', 'novisa']) {
    signIns[u] = (await loginAs({ issuer: aai.issuer, username: u })).accessToken;
  }
});
afterAll(async () => {
  await Promise.all([fi.close(), it_.close(), es.close()]);
  await aai.dispose();
});

interface Summary {
  meta: { returnedGranularity: string };
  responseSummary: {
    exists: boolean;
    numTotalResults?: number;
    countPrecision?: string;
    countAdjustedTo?: number;
  };
  response?: {
    resultSets: {
      id: string;
      resultsCount: number;
      results: unknown[];
      info: { returnedGranularity: string; countPrecision?: string };
    }[];
  };
  info?: { booleanResultSets: { id: string }[] };
}

async function ask(node: TestNode, path: string, user?: string): Promise<Summary> {
  const r = await call(
    node.beaconUrl,
    path,
    user !== undefined ? { token: await tokenAt(node, user) } : {},
  );
  expect(r.status).toBe(200);
  validateBeaconResponse(r.body, 'individuals');
  return r.body as unknown as Summary;
}

const setOf = (s: Summary, id: string) => s.response?.resultSets.find((r) => r.id === id);
const ALL = '/individuals?requestedGranularity=record&includeResultsetResponses=ALL';

describe('PASS-02 / STANDARDS 3.4 access tiers with the real AAI', () => {
  it('anonymous: boolean for REGISTERED/CONTROLLED, count for PUBLIC', async () => {
    const fiAnon = await ask(fi, ALL);
    expect(fiAnon.meta.returnedGranularity).toBe('boolean');
    expect(fiAnon.responseSummary).toEqual({ exists: true });
    const esAnon = await ask(es, ALL);
    expect(esAnon.meta.returnedGranularity).toBe('count');
    expect(setOf(esAnon, 'ES-AF-01')?.info.returnedGranularity).toBe('count');
    expect(setOf(esAnon, 'ES-NE-01')).toBeUndefined();
    expect(esAnon.info?.booleanResultSets.map((b) => b.id)).toEqual(['ES-NE-01']);
  });

  it('a user without visas is treated like anonymous (valid token, no access)', async () => {
    expect((await ask(fi, ALL, 'novisa')).meta.returnedGranularity).toBe('boolean');
  });

  it('registered: rounded counts, never records', async () => {
    const r = await ask(fi, ALL, 'researcher');
    expect(r.meta.returnedGranularity).toBe('count');
    for (const s of r.response?.resultSets ?? []) {
      expect(s.results).toEqual([]);
      expect(s.resultsCount % 10).toBe(0);
      expect(s.info.countPrecision).toBe('rounded');
    }
  });

  it('registered: small counts are reported as the range "<threshold"', async () => {
    const data = await smallData();
    const [vid, p] =
      Object.entries(data.truth.datasets['FI-RD-01']?.planted ?? {}).find(
        ([, v]) => v.carriers < 5,
      ) ?? [];
    if (vid === undefined || p === undefined)
      throw new Error('ground truth lacks a rare planted variant');
    const [chrom, pos, ref, alt] = vid.split('-');
    const r = await ask(
      fi,
      `/individuals?referenceName=${chrom ?? ''}&start=${Number(pos) - 1}&referenceBases=${ref ?? ''}&alternateBases=${alt ?? ''}&requestedGranularity=count&datasetIds=FI-RD-01`,
      'researcher',
    );
    expect(setOf(r, 'FI-RD-01')).toMatchObject({
      resultsCount: 5,
      info: { countPrecision: 'range', countAdjustedTo: 5 },
    });
    expect(r.responseSummary).toMatchObject({
      exists: true,
      numTotalResults: 5,
      countPrecision: 'range',
    });
  });

  it('clinician: records for granted CONTROLLED datasets, counts elsewhere; requests can only lower', async () => {
    const r = await ask(fi, ALL, 'clinician');
    expect(r.meta.returnedGranularity).toBe('record');
    expect(setOf(r, 'FI-RD-01')?.results.length).toBe(10);
    expect(setOf(r, 'FI-NE-01')?.info.returnedGranularity).toBe('count');
    expect(setOf(r, 'FI-NE-01')?.results).toEqual([]);
    const lowered = await ask(fi, '/individuals?requestedGranularity=boolean', 'clinician');
    expect(lowered.meta.returnedGranularity).toBe('boolean');
  });

  it('conditional grants: IT-RD-01 (conditions met) record; PT-RD-01 (unmet) not', async () => {
    const r = await ask(it_, ALL, 'conditional');
    expect(setOf(r, 'IT-RD-01')?.info.returnedGranularity).toBe('record');
    expect(setOf(r, 'IT-CA-01')?.info.returnedGranularity).toBe('count');
  });

  it('a grant revoked at the AAI stops record access on the next request', async () => {
    await aai.admin.grant('researcher', 'FI-NE-01');
    const signIn = (await loginAs({ issuer: aai.issuer, username: 'researcher' })).accessToken;
    const token = await nodeToken(aai.issuer, signIn, fi.resource);
    const granted = await call(fi.beaconUrl, ALL, { token });
    expect(setOf(granted.body as unknown as Summary, 'FI-NE-01')?.info.returnedGranularity).toBe(
      'record',
    );
    await aai.admin.revoke('researcher', 'FI-NE-01');
    const revoked = await call(fi.beaconUrl, ALL, { token });
    expect(setOf(revoked.body as unknown as Summary, 'FI-NE-01')?.info.returnedGranularity).toBe(
      'count',
    );
  });

  it('an expired grant (admin expire) is never record-level', async () => {
    await aai.admin.grant('researcher', 'FI-NE-01');
    await aai.admin.expire('researcher', 'FI-NE-01');
    const signIn = (await loginAs({ issuer: aai.issuer, username: 'researcher' })).accessToken;
    const token = await nodeToken(aai.issuer, signIn, fi.resource);
    const r = await call(fi.beaconUrl, ALL, { token });
    expect(setOf(r.body as unknown as Summary, 'FI-NE-01')?.info.returnedGranularity).toBe('count');
    expect(fi.logger.events.some((e) => e.event === 'visas_rejected')).toBe(true);
  });

  it('an invalid bearer token gets a 401 error envelope; tokens never reach the access log', async () => {
    const r = await call(fi.beaconUrl, '/individuals', { token: 'not-a-token' });
    expect(r.status).toBe(401);
    validateBeaconResponse(r.body);
    const log = JSON.stringify(fi.logger.events);
    for (const t of [...Object.values(signIns), ...issued]) expect(log).not.toContain(t);
  });

  it('htsget is mounted and gated by the same access decision', async () => {
    const anon = await fetch(`${fi.htsgetUrl}/variants/FI-RD-01`);
    expect(anon.status).toBe(401);
    const denied = await fetch(`${fi.htsgetUrl}/variants/FI-RD-01`, {
      headers: { authorization: `Bearer ${await tokenAt(fi, 'researcher')}` },
    });
    expect(denied.status).toBe(403);
    const ok = await fetch(`${fi.htsgetUrl}/variants/FI-RD-01?referenceName=17`, {
      headers: { authorization: `Bearer ${await tokenAt(fi, 'clinician')}` },
    });
    expect(ok.status).toBe(200);
  });
});

describe('issue 12 item 12: an access token works only at the node it was minted for', () => {
  const beacon = (node: TestNode, token: string) => call(node.beaconUrl, ALL, { token });
  const htsget = (node: TestNode, dataset: string, token: string) =>
    fetch(`${node.htsgetUrl}/variants/${dataset}?referenceName=17`, {
      headers: { authorization: `Bearer ${token}` },
    });

  it("attack: a token minted for FI is refused at IT's Beacon and htsget (and works at FI)", async () => {
    const forFi = await tokenAt(fi, 'clinician');
    expect((await beacon(fi, forFi)).status).toBe(200);
    expect((await htsget(fi, 'FI-RD-01', forFi)).status).toBe(200);
    const atIt = await beacon(it_, forFi);
    expect(atIt.status).toBe(401);
    validateBeaconResponse(atIt.body);
    expect((await htsget(it_, 'IT-RD-01', forFi)).status).toBe(401);
    // The token IT would accept for the same user still works there.
    expect((await htsget(it_, 'IT-RD-01', await tokenAt(it_, 'conditional'))).status).toBe(200);
  });

  it('attack: the sign-in token (for UserInfo) is refused by every node', async () => {
    for (const node of [fi, it_, es]) {
      expect((await beacon(node, signIns.clinician ?? '')).status).toBe(401);
      expect((await htsget(node, 'FI-RD-01', signIns.clinician ?? '')).status).toBe(401);
    }
  });
});
