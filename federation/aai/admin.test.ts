import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DATASETS, datasetVisaValue } from '../catalogue';
import { parseAdminArgs } from './adminCli';
import { startAai } from './index';
import { loginAs } from './testing/loginAs';
import { startTestAai, userinfo, type TestAai } from './testing/startTestAai';

let aai: TestAai;
let accessToken: string;
beforeAll(async () => {
  aai = await startTestAai();
  accessToken = (await loginAs({ issuer: aai.issuer, username: 'researcher' })).accessToken;
});
afterAll(async () => {
  await aai.dispose();
});

const valueOf = (id: string): string => datasetVisaValue(DATASETS.find((d) => d.id === id)!);

/** The researcher's ControlledAccessGrants as {value: exp}, from a fresh UserInfo call. */
async function grants(): Promise<Map<string, number>> {
  const { body } = await userinfo(aai.issuer, accessToken);
  const out = new Map<string, number>();
  for (const jwt of body['ga4gh_passport_v1'] as string[]) {
    const p = decodeJwt(jwt) as { exp: number; ga4gh_visa_v1: { type: string; value: string } };
    if (p.ga4gh_visa_v1.type === 'ControlledAccessGrants') out.set(p.ga4gh_visa_v1.value, p.exp);
  }
  return out;
}

async function admin(
  action: string,
  body: unknown,
  secret: string | null = aai.adminSecret,
): Promise<Response> {
  return fetch(`${aai.adminUrl}/${action}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(secret === null ? {} : { Authorization: `Bearer ${secret}` }),
    },
    body: JSON.stringify(body),
  });
}

describe('admin endpoint', () => {
  test('grant, expire and revoke change the next UserInfo', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await grants()).size).toBe(0);
    expect(
      (await admin('grant', { username: 'researcher', datasetId: 'PT-RD-01', expiresInSec: 600 }))
        .status,
    ).toBe(200);
    const exp = (await grants()).get(valueOf('PT-RD-01'));
    expect(exp).toBeGreaterThanOrEqual(now + 599);
    expect(exp).toBeLessThanOrEqual(now + 605);
    expect((await admin('expire', { username: 'researcher', datasetId: 'PT-RD-01' })).status).toBe(
      200,
    );
    expect((await grants()).get(valueOf('PT-RD-01'))).toBeLessThan(Math.floor(Date.now() / 1000));
    expect((await admin('revoke', { username: 'researcher', datasetId: 'PT-RD-01' })).status).toBe(
      200,
    );
    expect((await grants()).has(valueOf('PT-RD-01'))).toBe(false);
  });

  test('requires the bearer secret: 401 without it or with a wrong one, and nothing changes', async () => {
    const none = await admin('grant', { username: 'researcher', datasetId: 'FI-RD-01' }, null);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    expect(
      (await admin('grant', { username: 'researcher', datasetId: 'FI-RD-01' }, 'wrong')).status,
    ).toBe(401);
    expect((await grants()).has(valueOf('FI-RD-01'))).toBe(false);
  });

  test('rejects unknown users, datasets, grants and actions', async () => {
    expect((await admin('grant', { username: 'ghost', datasetId: 'FI-RD-01' })).status).toBe(404);
    expect((await admin('grant', { username: 'researcher', datasetId: 'XX-00' })).status).toBe(400);
    expect((await admin('revoke', { username: 'researcher', datasetId: 'SE-CA-01' })).status).toBe(
      404,
    );
    expect((await admin('grant', { username: 'researcher' })).status).toBe(400);
    expect((await admin('delete-everything', {})).status).toBe(404);
  });

  test('handle.admin grants persist in stateDir across a restart', async () => {
    await aai.admin.grant('researcher', 'SE-CA-01');
    expect((await grants()).has(valueOf('SE-CA-01'))).toBe(true);
    const again = await startAai({ port: 0, stateDir: aai.stateDir });
    try {
      const token = (await loginAs({ issuer: again.issuer, username: 'researcher' })).accessToken;
      const { body } = await userinfo(again.issuer, token);
      const values = (body['ga4gh_passport_v1'] as string[]).map(
        (j) => (decodeJwt(j) as { ga4gh_visa_v1: { value: string } }).ga4gh_visa_v1.value,
      );
      expect(values).toContain(valueOf('SE-CA-01'));
    } finally {
      await again.close();
    }
    await aai.admin.revoke('researcher', 'SE-CA-01');
  });
});

describe('admin CLI', () => {
  test('parses grant|revoke|expire <username> <datasetId> [--expires-in N]', () => {
    expect(parseAdminArgs(['grant', 'researcher', 'FI-RD-01'])).toEqual({
      action: 'grant',
      username: 'researcher',
      datasetId: 'FI-RD-01',
    });
    expect(parseAdminArgs(['grant', 'a', 'b', '--expires-in', '60'])).toMatchObject({
      expiresInSec: 60,
    });
    expect(() => parseAdminArgs(['delete', 'a', 'b'])).toThrow(/usage/u);
    expect(() => parseAdminArgs(['grant', 'a'])).toThrow(/usage/u);
    expect(() => parseAdminArgs(['revoke', 'a', 'b', '--expires-in', '5'])).toThrow(/usage/u);
    expect(() => parseAdminArgs(['grant', 'a', 'b', '--expires-in', '-1'])).toThrow(/positive/u);
  });

  test('talks to the running broker using federation.json', async () => {
    const info = join(aai.stateDir, 'federation.json');
    await writeFile(
      info,
      JSON.stringify({ issuer: aai.issuer, adminUrl: aai.adminUrl, adminSecret: aai.adminSecret }),
    );
    const run = promisify(execFile);
    const { stdout } = await run(
      'node_modules/.bin/tsx',
      ['federation/aai/adminCli.ts', 'grant', 'researcher', 'IT-CA-01'],
      {
        env: { ...process.env, FEDERATION_INFO: info },
      },
    );
    expect(stdout).toContain('grant researcher IT-CA-01: ok');
    expect((await grants()).has(valueOf('IT-CA-01'))).toBe(true);
  }, 60_000);
});
