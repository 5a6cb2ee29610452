import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEntry } from '../../../shared/federation/directory';
import { fetchPageBody } from './beaconPages';
import { pullSpelling } from './pullSpelling';

// Decision 0101: a cohort pull sends the query's ontology filters too, and a node comparing ids as
// strings would send no records for a spelling it does not list. The pull asks in the node's own
// spelling, read from its /filtering_terms as the search reads it. Real loopback HTTP server.

let server: Server;
let base = '';
const bodies: { filters?: { id: string }[] }[] = [];
let termsAnswer = 200;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path === '/b/filtering_terms') {
        res.statusCode = termsAnswer;
        res.end(
          JSON.stringify({
            meta: {},
            response: { filteringTerms: [{ type: 'ontology', id: 'hp:0001250' }] },
          }),
        );
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as {
        query?: { filters?: { id: string }[] };
      };
      bodies.push(body.query ?? {});
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/b`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const node = (): NodeEntry => ({ id: 'LC', name: 'LC', country: 'Lowland', beaconUrl: base });
const query = { filters: [{ id: 'HP:0001250', includeDescendantTerms: true }] };

async function page(spelling?: ReadonlyMap<string, string>): Promise<string[]> {
  bodies.length = 0;
  await fetchPageBody({
    node: node(),
    entity: 'individuals',
    datasetId: 'DS1',
    query,
    routes: {
      individuals: `${base}/datasets/{id}/individuals`,
      g_variants: `${base}/datasets/{id}/g_variants`,
    },
    page: 0,
    limit: 100,
    token: undefined,
    fetch,
    signal: new AbortController().signal,
    timeoutMs: 5_000,
    ...(spelling === undefined ? {} : { spelling }),
  });
  return (bodies[0]?.filters ?? []).map((f) => f.id);
}

describe('decision 0101: a cohort pull asks in the node’s spelling of filter ids', () => {
  it('reads hp:0001250 from the node’s terms and sends it; without terms, as written', async () => {
    termsAnswer = 200;
    const spelling = await pullSpelling(node(), query, fetch, 5_000);
    expect([...spelling]).toEqual([['HP:0001250', 'hp:0001250']]);
    expect(await page(spelling)).toEqual(['hp:0001250']);
    termsAnswer = 503;
    const none = await pullSpelling(node(), query, fetch, 5_000);
    expect(none.size).toBe(0);
    expect(await page(none)).toEqual(['HP:0001250']);
    // A pull without filters does not read the node's terms at all.
    expect((await pullSpelling(node(), { filters: [] }, fetch, 5_000)).size).toBe(0);
  });
});
