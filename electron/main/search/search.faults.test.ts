import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FederationDirectory } from '../../../shared/federation/directory';
import { createHarness } from './testing/searchHarness';
import { startCaptureServer, type CaptureServer } from './testing/captureServer';
import { startTokenFederation, type TokenFederation } from './testing/tokenFederation';

let demo: TokenFederation;
const servers: CaptureServer[] = [];
beforeAll(async () => {
  demo = await startTokenFederation();
});
afterEach(async () => {
  for (const n of demo.fed.nodes) n.setFaults({});
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(async () => {
  await demo.close();
});

const withNodes =
  (...extra: FederationDirectory['nodes']) =>
  (): FederationDirectory => {
    const d = demo.directory();
    return { ...d, nodes: [...d.nodes, ...extra] };
  };
const node = (id: string, url: string) => ({ id, name: id, country: id, beaconUrl: url });
const capture = async (...args: Parameters<typeof startCaptureServer>) => {
  const s = await startCaptureServer(...args);
  servers.push(s);
  return s;
};

describe('a slow, dead or hostile node never holds back the others', () => {
  it('down, slow (timeout) and malformed nodes say what happened; the others answer', async () => {
    demo.setFaults('IT', { down: true });
    demo.setFaults('PT', { latencyMs: 2_000 });
    demo.setFaults('SE', { malformedJson: true });
    const h = createHarness(() => demo.directory(), {
      nodeTimeoutMs: () => 1_000,
      slowAfterMs: 300,
    });
    const { final, done } = await h.search({ genomic: 'BRCA1' });
    expect(final.get('FI')?.status).toBe('ok');
    expect(final.get('ES')?.status).toBe('ok');
    expect(final.get('IT')).toMatchObject({
      status: 'error',
      message: 'Node IT could not be reached.',
    });
    expect(final.get('PT')).toMatchObject({
      status: 'timeout',
      message: 'Node PT timed out after 1 s.',
    });
    expect(final.get('SE')).toMatchObject({ status: 'error' });
    expect(final.get('SE')?.message).toContain('not valid JSON');
    // PT said "slow" before it timed out.
    const pt = h.updates.filter((u) => u.nodeId === 'PT').map((u) => u.status);
    expect(pt).toEqual(['waiting', 'slow', 'timeout']);
    // A dead node costs no more than its timeout.
    expect(done.totalMs).toBeLessThan(1_000 + 500);
  });

  it('an oversized answer is dropped once it passes the size limit', async () => {
    const big = await capture((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(`{"pad":"${'x'.repeat(64 * 1024)}`);
      res.end(`${'y'.repeat(64 * 1024)}"}`);
    });
    const h = createHarness(withNodes(node('BIG', `${big.url}/api`)), { maxBytes: 32 * 1024 });
    const { final } = await h.search({ genomic: 'BRCA1' });
    expect(final.get('BIG')?.message).toMatch(/sent more than .* MB/);
    expect(final.get('FI')?.status).toBe('ok');
  });

  it('401 with a Beacon error envelope is "unauthorised" with the node’s reason, not an error', async () => {
    const refusing = await capture((_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ meta: {}, error: { errorCode: 401, errorMessage: 'token expired' } }),
      );
    });
    const h = createHarness(withNodes(node('NOPE', `${refusing.url}/api`)));
    const { final } = await h.search({ genomic: 'BRCA1' });
    expect(final.get('NOPE')).toMatchObject({ status: 'unauthorised', method: 'POST' });
    expect(final.get('NOPE')?.message).toContain('token expired');
    expect(refusing.seen).toHaveLength(1);
  });

  it('retrying one node asks only that node again, as a new attempt', async () => {
    demo.setFaults('IT', { down: true });
    const h = createHarness(() => demo.directory());
    const { queryId, final } = await h.search({ genomic: 'BRCA1' });
    expect(final.get('IT')?.status).toBe('error');
    demo.setFaults('IT', {});
    expect(h.service.retryNode(queryId, 'IT')).toBe(true);
    const again = await h.waitFor((u) => u.nodeId === 'IT' && u.attempt === 2 && u.status === 'ok');
    expect(again.exists).toBeDefined();
    expect(h.updates.filter((u) => u.attempt === 2).every((u) => u.nodeId === 'IT')).toBe(true);
  });
});

describe('cancellation', () => {
  it('aborts requests in flight: the node sees the connection close, and no events follow', async () => {
    const hang = await capture();
    demo.setFaults('FI', { latencyMs: 3_000 });
    const h = createHarness(withNodes(node('HANG', `${hang.url}/api`)));
    const { queryId } = await h.service.run({
      target: 'individuals',
      genomic: 'BRCA1',
      filters: [],
      granularity: 'record',
    });
    await hang.first;
    expect(h.service.cancel(queryId)).toBe(true);
    await h.service.settled(queryId);
    expect(h.done.find((d) => d.queryId === queryId)?.cancelled).toBe(true);
    const seenAbort = await hang.aborted;
    expect(seenAbort.method).toBe('POST');
    const last = (id: string) => h.updates.filter((u) => u.nodeId === id).at(-1)?.status;
    expect(last('HANG')).toBe('cancelled');
    expect(last('FI')).toBe('cancelled');
    const count = h.updates.length;
    await h.service.settled(queryId);
    expect(h.updates.length).toBe(count);
  });
});

describe('request forms and token scoping (STANDARDS 3.6 tests 2 and 5, BCN-02, PASS-04)', () => {
  it('a GET-only node gives the same responseSummary as POST to the same node', async () => {
    const fi = demo.directory().nodes.find((n) => n.id === 'FI')!;
    const getOnly = await capture(async (req, res) => {
      if (req.method !== 'GET') {
        res.writeHead(405, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { errorCode: 405, errorMessage: 'POST not supported' } }));
        return;
      }
      const upstream = await fetch(`${fi.beaconUrl}${(req.url ?? '').replace(/^\/api/, '')}`, {
        headers: req.headers.authorization ? { authorization: req.headers.authorization } : {},
      });
      res.writeHead(upstream.status, { 'content-type': 'application/json' });
      res.end(await upstream.text());
    });
    // The proxy serves FI's API, so the directory names FI's resource for it
    // (decision 0015-node-audience-tokens).
    const h = createHarness(
      withNodes({ ...node('FI-GET', `${getOnly.url}/api`), resource: fi.resource }),
      { getAccessToken: await demo.tokenFor('researcher') },
    );
    for (const q of [
      { genomic: 'BRCA1' },
      { genomic: '17:43044295-43125483', sex: 'female' as const },
      { filters: [{ id: 'HP:0001250' }] },
    ]) {
      const { final } = await h.search(q);
      const post = final.get('FI')!;
      const get = final.get('FI-GET')!;
      expect(post.method).toBe('POST');
      expect(get.method).toBe('GET');
      for (const k of ['status', 'exists', 'count', 'returnedGranularity', 'datasets'] as const)
        expect(get[k], `${k} ${get.message ?? ''}`).toEqual(post[k]);
    }
  });

  it('never sends the token to a node off the allow-list, nor follows a redirect with it', async () => {
    const outside = await capture((_req, res) => {
      res.writeHead(404).end();
    });
    const target = await capture((_req, res) => {
      res.writeHead(404).end();
    });
    const redirect = await capture((_req, res) => {
      res.writeHead(302, { location: `${target.url}/api/individuals` }).end();
    });
    const real = await demo.tokenFor('clinician');
    const token = 'token-for-REDIR-only';
    const directory = withNodes(
      node('OUT', `${outside.url}/api`),
      node('REDIR', `${redirect.url}/api`),
    );
    const h = createHarness(directory, {
      // The broker knows neither capture server; the test's own token stands in for REDIR's.
      getAccessToken: (n) => (n.id === 'REDIR' ? Promise.resolve(token) : real(n)),
      allowList: (d) => d.nodes.filter((n) => n.id !== 'OUT').map((n) => n.beaconUrl),
    });
    const { final } = await h.search({ genomic: 'BRCA1' });
    expect(final.get('FI')?.returnedGranularity).toBe('record');
    expect(outside.seen.length).toBeGreaterThan(0);
    expect(outside.seen.every((r) => r.authorization === undefined)).toBe(true);
    expect(redirect.seen[0]?.authorization).toBe(`Bearer ${token}`);
    expect(final.get('REDIR')?.message).toContain('does not follow redirects');
    expect(target.seen).toEqual([]);
  });
});
