import { request } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  validateBeaconResponse,
  FilteringTermsResponseZ,
  InformationalResponseZ,
  ServiceInfoZ,
} from './schemas';
import { call, smallData, startTestNode } from './testing/fixture';

let node: Awaited<ReturnType<typeof startTestNode>>;

beforeAll(async () => {
  node = await startTestNode('PT', (await smallData()).dir);
});
afterEach(() => {
  node.setFaults({});
});
afterAll(async () => {
  await node.close();
});

/** Raw GET that reports how many body chunks arrived. */
function rawGet(url: string): Promise<{ status: number; chunks: number; text: string }> {
  return new Promise((resolve, reject) => {
    request(url, (res) => {
      let chunks = 0;
      let text = '';
      res.on('data', (c: Buffer) => {
        chunks++;
        text += c.toString('utf8');
      });
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, chunks, text });
      });
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

describe('Beacon framework endpoints', () => {
  it('serve info, service-info, configuration, map, entry_types and filtering_terms', async () => {
    for (const p of ['', '/', '/info', '/configuration', '/map', '/entry_types']) {
      const r = await call(node.beaconUrl, p);
      expect(r.status).toBe(200);
      InformationalResponseZ.parse(r.body);
    }
    ServiceInfoZ.parse((await call(node.beaconUrl, '/service-info')).body);
    const ft = FilteringTermsResponseZ.parse((await call(node.beaconUrl, '/filtering_terms')).body);
    const ids = new Set(ft.response.filteringTerms.map((t) => t.id));
    for (const id of ['HP:0001250', 'NCIT:C16576', 'sex', 'country', 'birth_year_band'])
      expect(ids.has(id)).toBe(true);
  });
});

describe('error envelopes (beaconErrorResponse for every 4xx/5xx)', () => {
  const cases: [string, unknown, number, RegExp][] = [
    ['/nope', undefined, 404, /no route/],
    ['/individuals/NOBODY', undefined, 404, /no individual/],
    ['/g_variants/1-1-A-C', undefined, 404, /no genomic variation/],
    ['/datasets/FI-RD-01', undefined, 404, /no dataset/],
    ['/individuals?filters=FOO:1', undefined, 400, /filter not supported/],
    ['/g_variants?start=5', undefined, 400, /referenceName/],
    ['/g_variants?referenceName=17&start=10&end=5', undefined, 400, /greater than start/],
    ['/g_variants?referenceName=chrQ&start=10&end=50', undefined, 400, /referenceName/],
    ['/g_variants?limit=-1', undefined, 400, /limit/],
    ['/individuals', { query: {} }, 400, /meta/],
    [
      '/individuals',
      { meta: { apiVersion: 'v2.1.1' }, query: { pagination: { limit: 'x' } } },
      400,
      /pagination\.limit/,
    ],
    [
      '/individuals',
      {
        meta: { apiVersion: 'v2.1.1' },
        query: { filters: [{ id: 'sex', operator: '~', value: 'x' }] },
      },
      400,
      /filters/,
    ],
  ];
  it.each(cases)('%s (case %#)', async (path, body, status, message) => {
    const r = await call(node.beaconUrl, path, body !== undefined ? { body } : {});
    expect(r.status).toBe(status);
    validateBeaconResponse(r.body);
    expect((r.body.error as { errorMessage: string }).errorMessage).toMatch(message);
    expect(JSON.stringify(r.body)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('a body over 1 MB gets a 413 envelope; invalid JSON a 400', async () => {
    const big = await fetch(`${node.beaconUrl}/individuals`, {
      method: 'POST',
      body: 'x'.repeat(1024 * 1024 + 10),
    });
    expect(big.status).toBe(413);
    validateBeaconResponse(await big.json());
    const bad = await fetch(`${node.beaconUrl}/individuals`, { method: 'POST', body: '{not json' });
    expect(bad.status).toBe(400);
  });

  it('caps limit at 1000 and reports it in receivedRequestSummary', async () => {
    const r = await call(node.beaconUrl, '/individuals?limit=5000');
    expect(
      (r.body.meta as { receivedRequestSummary: { pagination: { limit: number } } })
        .receivedRequestSummary.pagination.limit,
    ).toBe(1000);
  });

  it('writes a structured access log line per request without query strings', async () => {
    await call(node.beaconUrl, '/individuals?geneId=BRCA1');
    const last = node.logger.events.filter((e) => e.event === 'access').at(-1);
    expect(last).toMatchObject({
      method: 'GET',
      path: '/api/individuals',
      status: 200,
      granularity: 'boolean',
    });
    expect(typeof last?.ms).toBe('number');
  });
});

describe('fault injection', () => {
  it('errorRate 1 → 500 envelope', async () => {
    node.setFaults({ errorRate: 1 });
    const r = await call(node.beaconUrl, '/info');
    expect(r.status).toBe(500);
    validateBeaconResponse(r.body);
  });

  it('latency delays the answer by at least latencyMs', async () => {
    node.setFaults({ latencyMs: 150 });
    const t0 = performance.now();
    await call(node.beaconUrl, '/info');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(145);
  });

  it('down destroys connections; clearing it brings the node back', async () => {
    node.setFaults({ down: true });
    await expect(fetch(`${node.beaconUrl}/info`)).rejects.toThrow();
    node.setFaults({});
    expect((await fetch(`${node.beaconUrl}/info`)).status).toBe(200);
  });

  it('malformed JSON: 200 with an unparseable body', async () => {
    node.setFaults({ malformedJson: true });
    const r = await fetch(`${node.beaconUrl}/info`);
    expect(r.status).toBe(200);
    await expect(r.json()).rejects.toThrow();
  });

  it('slow drip: the body arrives complete in many small chunks', async () => {
    node.setFaults({ slowDripMs: 2 });
    const r = await rawGet(`${node.beaconUrl}/info`);
    expect(r.chunks).toBeGreaterThan(3);
    InformationalResponseZ.parse(JSON.parse(r.text));
  });
});

describe('overlapping requests (issue 20; found flaking search.faults under load)', () => {
  it('issue 20: a node answers requests that overlap, as a client fetching pages ahead sends them', async () => {
    const bodies = Array.from({ length: 8 }, (_, skip) => ({
      meta: { apiVersion: '2.0' },
      query: { pagination: { skip, limit: 10 }, requestedGranularity: 'record' },
    }));
    const answers = await Promise.all(
      bodies.flatMap((body) => [
        call(node.beaconUrl, '/individuals', { body }),
        call(node.beaconUrl, '/g_variants', { body }),
      ]),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    for (const a of answers) expect(a.body.responseSummary?.exists).toBe(true);
  });
});
