/**
 * startFederation in-process on ephemeral ports: every server answers, federation.json is written,
 * and htsget works end to end through a node with a real passport from the AAI.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from './aai/testing/loginAs';
import { nodeToken } from './aai/testing/nodeTokens';
import { DATASETS, NODES } from './catalogue';
import { DEFAULT_DATA_ROOT } from './federationInfo';
import { htsgetErrorSchema, htsgetTicketSchema } from './htsget/schema';
import { fetchTicketBytes, parseVcf } from './htsget/testing/fetchTicket';
import { describeFederation, startFederation, type Federation } from './run';

let fed: Federation;
let runDir: string;

beforeAll(async () => {
  runDir = await mkdtemp(join(tmpdir(), 'federation-run-'));
  fed = await startFederation({
    aaiPort: 0,
    basePort: 0,
    runDir,
    dataRoot: process.env.FEDERATION_DATA_DIR ?? DEFAULT_DATA_ROOT,
    extraNodes: 1,
    foreignNode: true,
    faults: { PT: { errorRate: 1 } },
    passportCacheTtlMs: 0,
  });
});

afterAll(async () => {
  await fed.close();
  await rm(runDir, { recursive: true, force: true });
});

describe('startFederation', () => {
  it('writes federation.json with issuer, accounts and every node', async () => {
    const info = JSON.parse(
      await readFile(join(runDir, 'federation.json'), 'utf8'),
    ) as typeof fed.info;
    expect(info).toEqual(fed.info);
    expect((await stat(join(runDir, 'federation.json'))).mode & 0o077).toBe(0);
    expect(info.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(info.clientId).toBe('cohort-desk');
    expect(info.accounts.map((a) => a.username)).toEqual(
      expect.arrayContaining(['clinician', 'researcher', 'expiring', 'conditional', 'novisa']),
    );
    expect(info.nodes.map((n) => n.id)).toEqual([...NODES.map((n) => n.id), 'DE', 'X01']);
    // Issue 15: the foreign node is listed without htsget or assembly (it states its own).
    expect(info.nodes.find((n) => n.id === 'DE')).not.toHaveProperty('assembly');
    expect(info.nodes.find((n) => n.id === 'DE')).not.toHaveProperty('htsgetUrl');
    expect(info.nodes.find((n) => n.id === 'DE')?.localCopies).toBe('allowed');
    expect(info.nodes.find((n) => n.id === 'FI')?.assembly).toBe('GRCh38');
    const ports = new Set(info.nodes.map((n) => new URL(n.beaconUrl).port));
    expect(ports.size).toBe(info.nodes.length);
    expect(describeFederation(info, 'federation.json')).toContain(info.issuer);
  });

  it('the AAI publishes its OIDC discovery document', async () => {
    const res = await fetch(`${fed.info.issuer}/.well-known/openid-configuration`);
    expect(((await res.json()) as { issuer: string }).issuer).toBe(fed.info.issuer);
  });

  it('every node answers Beacon GET /api/info; faults apply per node', async () => {
    for (const node of fed.info.nodes) {
      const res = await fetch(`${node.beaconUrl}/info`);
      if (node.id === 'PT') {
        expect(res.status).toBe(500);
        await res.body?.cancel();
        continue;
      }
      expect(res.status).toBe(200);
      const body = (await res.json()) as { meta: { beaconId: string }; response: unknown };
      expect(body.response).toBeDefined();
    }
  });

  it('the extra node serves renamed copies of a national node’s datasets', async () => {
    const res = await fetch(`${fed.info.nodes.at(-1)?.beaconUrl ?? ''}/datasets`);
    const text = await res.text();
    for (const d of DATASETS.filter((x) => x.node === 'FI'))
      expect(text).toContain(`X01${d.id.slice(2)}`);
  });
});

describe('htsget through a node with a real passport (PASS-02, HTS-02)', () => {
  it('clinician (FI-RD-01 grant) gets a ticket whose data decodes to a VCF; researcher is denied', async () => {
    const fi = fed.info.nodes.find((n) => n.id === 'FI');
    const url = `${fi?.htsgetUrl ?? ''}/variants/FI-RD-01?referenceName=17`;
    const tokenAtFi = async (username: string): Promise<string> =>
      nodeToken(
        fed.info.issuer,
        (await loginAs({ issuer: fed.info.issuer, username })).accessToken,
        fi?.resource ?? '',
      );
    const res = await fetch(url, {
      headers: { Authorization: `Bearer ${await tokenAtFi('clinician')}` },
    });
    expect(res.status).toBe(200);
    const ticket = htsgetTicketSchema.parse(await res.json());
    const { records } = parseVcf(await fetchTicketBytes(ticket));
    expect(records.every((r) => r.chrom === '17')).toBe(true);

    const denied = await fetch(url, {
      headers: { Authorization: `Bearer ${await tokenAtFi('researcher')}` },
    });
    expect(denied.status).toBe(403);
    expect(htsgetErrorSchema.parse(await denied.json()).htsget.error).toBe('PermissionDenied');
    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(401);
  });
});

describe('revocation mid-session (STANDARDS 4.4 test 6)', () => {
  it('after the DAC revokes the grant, ticket and data URLs answer 403 with the same token', async () => {
    const se = fed.info.nodes.find((n) => n.id === 'SE');
    const clinician = await loginAs({ issuer: fed.info.issuer, username: 'clinician' });
    const token = await nodeToken(fed.info.issuer, clinician.accessToken, se?.resource ?? '');
    const auth = { Authorization: `Bearer ${token}` };
    const url = `${se?.htsgetUrl ?? ''}/variants/SE-CA-01?referenceName=13`;
    const ticket = htsgetTicketSchema.parse(await (await fetch(url, { headers: auth })).json());
    const data = ticket.htsget.urls.find((u) => u.headers?.Authorization !== undefined);
    expect(data).toBeDefined();

    await fed.aai.admin.revoke('clinician', 'SE-CA-01');
    const again = await fetch(url, { headers: auth });
    expect(again.status).toBe(403);
    await again.body?.cancel();
    const block = await fetch(data?.url ?? '', { headers: data?.headers ?? {} });
    expect(block.status).toBe(403);
    expect(htsgetErrorSchema.parse(await block.json()).htsget.error).toBe('PermissionDenied');
  });
});
