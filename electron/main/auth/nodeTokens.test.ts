import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEntry } from '../../../shared/federation/directory';
import type { SearchDone } from '../../../shared/search/results';
import type { CaptureServer } from '../search/testing/captureServer';
import { startCaptureServer } from '../search/testing/captureServer';
import type { SharedFederation } from '../testing/sharedFederation';
import { sharedFederation } from '../testing/sharedFederation';
import { createHarness, type Harness } from './testing/harness';

let fed: SharedFederation;
let fake: CaptureServer;
let h: Harness;
let nodes: NodeEntry[];
const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));
const node = (id: string): NodeEntry => {
  const n = nodes.find((x) => x.id === id);
  if (n === undefined) throw new Error(`no node ${id}`);
  return n;
};

beforeAll(async () => {
  // Only reads from the federation: the shared one (issue 14: test time).
  fed = sharedFederation();
  fake = await startCaptureServer((_req, res) => {
    res.writeHead(404).end();
  });
  // The directory lists a node the broker never registered (a fake one, issue 12 item 12).
  const info = JSON.parse(readFileSync(fed.infoFile, 'utf8')) as { nodes: NodeEntry[] };
  nodes = [
    ...info.nodes,
    { id: 'FAKE', name: 'Fake', country: 'XX', beaconUrl: `${fake.url}/api` },
  ];
  const file = join(tmp('fed-file-'), 'federation.json');
  writeFileSync(file, JSON.stringify({ ...info, nodes }));
  h = await createHarness({
    fed: { ...fed, infoFile: file },
    dataDir: tmp('app-'),
    user: 'clinician',
  });
  await h.invoke('auth:signIn', {});
}, 120_000);
afterAll(async () => {
  h.close();
  await fake.close();
});

describe('issue 12 item 12: each node gets its own token, and only directory nodes the broker knows', () => {
  it('a token names exactly one node as its audience; the sign-in token never leaves for a node', async () => {
    const signIn = await h.services.auth.accessToken();
    const forFi = await h.services.auth.accessTokenFor(node('FI'));
    const forIt = await h.services.auth.accessTokenFor(node('IT'));
    expect(forFi).toBeDefined();
    expect(forIt).toBeDefined();
    expect(new Set([signIn, forFi, forIt]).size).toBe(3);
    expect(decodeJwt(forFi ?? '').aud).toBe(node('FI').resource);
    expect(decodeJwt(forIt ?? '').aud).toBe(node('IT').resource);
  });

  it('attack: the token FI receives is refused at IT Beacon, IT htsget and the broker UserInfo', async () => {
    const forFi = (await h.services.auth.accessTokenFor(node('FI'))) ?? '';
    const auth = { authorization: `Bearer ${forFi}` };
    const fiOk = await fetch(`${node('FI').beaconUrl}/individuals`, { headers: auth });
    expect(fiOk.status).toBe(200);
    const itBeacon = await fetch(`${node('IT').beaconUrl}/individuals`, { headers: auth });
    expect(itBeacon.status).toBe(401);
    const itHtsget = await fetch(
      `${node('IT').htsgetUrl ?? ''}/variants/IT-RD-01?referenceName=17`,
      {
        headers: auth,
      },
    );
    expect(itHtsget.status).toBe(401);
    const userinfo = await fetch(`${fed.info.issuer}/me`, { headers: auth });
    expect(userinfo.status).toBe(401);
  });

  it('attack: a node missing from the directory, or listed at another address, gets no token', async () => {
    const outside: NodeEntry = { ...node('FI'), id: 'ELSEWHERE' };
    expect(await h.services.auth.accessTokenFor(outside)).toBeUndefined();
    const moved: NodeEntry = { ...node('FI'), beaconUrl: `${fake.url}/api` };
    expect(await h.services.auth.accessTokenFor(moved)).toBeUndefined();
    const otherAudience: NodeEntry = { ...node('FI'), resource: node('IT').resource ?? '' };
    expect(await h.services.auth.accessTokenFor(otherAudience)).toBeUndefined();
  });

  it('attack: a fake node in the directory is queried without any token (the broker refuses to mint one)', async () => {
    const done = new Promise<SearchDone>((resolve) => {
      h.services.events.subscribe((event, payload) => {
        if (event === 'search:done') resolve(payload as SearchDone);
      });
    });
    await h.invoke('search:run', {
      queryId: 'fake-node-attack',
      query: { target: 'individuals', genomic: 'BRCA1', filters: [], granularity: 'record' },
    });
    await done;
    expect(fake.seen.length).toBeGreaterThan(0);
    expect(fake.seen.every((r) => r.authorization === undefined)).toBe(true);
    expect(await h.services.auth.accessTokenFor(node('FAKE'))).toBeUndefined();
  });
});
