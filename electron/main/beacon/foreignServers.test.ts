import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEntry } from '../../../shared/federation/directory';
import { nodeRange } from '../../../shared/search/aggregate';
import { SearchQuerySchema, type SearchQueryInput } from '../../../shared/search/query';
import type { NodeUpdate } from '../../../shared/search/results';
import { queryParts } from './beaconRequest';
import { queryNode, type NodeAnswer } from './nodeClient';

// Decision 0096: Beacon v2 servers we did not write, in the styles public implementations answer
// (the reference implementation's HTTP-200 errors, count-only and yes/no summaries, servers that
// put the page's size in resultsCount, proxies' HTML pages), served from a real loopback HTTP
// server and asked the way the fan-out asks (queryNode). Every number read must be one the node
// said; every failure names the node and what was wrong (BCN-01, BCN-04).

interface Reply {
  status?: number;
  /** Raw headers; `content-type` absent when not given. */
  headers?: Record<string, string>;
  body: string;
}
type Handler = (req: IncomingMessage) => Reply;

let server: Server;
let base = '';
let handler: Handler = () => ({ status: 500, body: '' });
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      seen.push(`${req.method ?? ''} ${req.url ?? ''}`);
      const r = handler(req);
      res.writeHead(r.status ?? 200, r.headers ?? {});
      res.end(r.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/beacon/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const json = (body: unknown, status = 200, type = 'application/json;charset=utf-8'): Reply => ({
  status,
  headers: { 'content-type': type },
  body: JSON.stringify(body),
});

async function ask(reply: Handler, query: SearchQueryInput = { genomic: 'BRCA1' }) {
  handler = reply;
  seen.length = 0;
  const node: NodeEntry = { id: 'EGA', name: 'EGA', country: 'Europe', beaconUrl: base };
  const a: NodeAnswer = await queryNode({
    node,
    parts: queryParts(SearchQuerySchema.parse(query)),
    token: undefined,
    signal: new AbortController().signal,
    fetch,
    maxBytes: 5 * 1_048_576,
    timeoutMs: 5_000,
  });
  const update: NodeUpdate = {
    queryId: 'q',
    nodeId: 'EGA',
    nodeName: 'EGA',
    country: 'Europe',
    attempt: 1,
    ...a,
  };
  return { a, update, range: nodeRange(update) };
}

/** A v2.0-style meta as the reference implementation writes it (strings in returnedSchemas). */
const meta = (granularity: string, apiVersion = 'v2.0.0') => ({
  beaconId: 'org.example.foreign',
  apiVersion,
  returnedGranularity: granularity,
  receivedRequestSummary: { apiVersion, requestedSchemas: [], pagination: { skip: 0, limit: 10 } },
  returnedSchemas: [{ entityType: 'individual', schema: `beacon-individual-${apiVersion}` }],
});
const person = (id: string) => ({ id, sex: { id: 'NCIT:C20197', label: 'male' } });
const people = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => person(`P${String(from + i)}`));

describe('decision 0096: a Beacon error, an HTML page or a BOM names the node and what it said', () => {
  it('a beaconErrorResponse sent with HTTP 200 is the node’s error with its code and words, not “does not follow Beacon v2”', async () => {
    const { a } = await ask(() =>
      json({
        meta: { beaconId: 'org.example.foreign', apiVersion: 'v2.0.0', returnedSchemas: [] },
        error: { errorCode: 400, errorMessage: 'geneId is not a supported request parameter' },
      }),
    );
    expect(a.status).toBe('error');
    expect(a.problem).toEqual({
      code: 'error',
      http: 400,
      nodeText: 'geneId is not a supported request parameter',
    });
    expect(a.message).toBe(
      'Node EGA answered with an error (400): geneId is not a supported request parameter.',
    );
  });

  it('a Beacon error without a usable errorCode keeps the HTTP status and the node’s words, at 200 and at 5xx', async () => {
    const body = { error: { errorCode: 'E_TIMEOUT', errorMessage: 'upstream database timed out' } };
    const at200 = await ask(() => json(body));
    expect(at200.a.problem).toEqual({
      code: 'error',
      http: 200,
      nodeText: 'upstream database timed out',
    });
    const at503 = await ask(() => json(body, 503));
    expect(at503.a.problem).toEqual({
      code: 'error',
      http: 503,
      nodeText: 'upstream database timed out',
    });
  });

  it('a proxy’s HTML page says what the proxy said (its title), with the status or as not JSON', async () => {
    const page = (title: string): Reply => ({
      headers: { 'content-type': 'text/html' },
      body: `<!DOCTYPE html><html><head><title>\n  ${title}\n</title></head><body><h1>${title}</h1></body></html>`,
    });
    const gateway = await ask(() => ({ ...page('502 Bad Gateway'), status: 502 }));
    expect(gateway.a.problem).toEqual({ code: 'error', http: 502, nodeText: '502 Bad Gateway' });
    const portal = await ask(() => page('Sign in – Institutional access'));
    expect(portal.a.status).toBe('error');
    expect(portal.a.problem).toEqual({
      code: 'not-json',
      nodeText: 'Sign in – Institutional access',
    });
    expect(portal.range).toBeUndefined();
  });

  it('a body with a byte order mark, a charset parameter or no Content-Type is read (RFC 8259 §8.1)', async () => {
    const answer = { meta: meta('count'), responseSummary: { exists: true, numTotalResults: 7 } };
    const bom = await ask(() => ({
      headers: { 'content-type': 'application/json; charset=UTF-8' },
      body: `\uFEFF${JSON.stringify(answer)}`,
    }));
    expect(bom.a.status).toBe('ok');
    expect(bom.range?.display).toBe('7');
    const bare = await ask(() => ({ body: JSON.stringify(answer) }));
    expect(bare.range?.display).toBe('7');
  });
});

describe('decision 0096: counts as the node said them, never more and never a silent zero', () => {
  it('a resultsCount below the records the set carries is not the set’s count: “at least 2”, never “first 2 of 0”', async () => {
    const { a, range } = await ask(() =>
      json({
        meta: meta('record'),
        responseSummary: { exists: true },
        response: {
          resultSets: [
            { id: 'EGAD1', setType: 'dataset', exists: true, resultsCount: 0, results: people(2) },
          ],
        },
      }),
    );
    expect(a.status).toBe('ok');
    expect(a.datasets?.[0]).toEqual({
      id: 'EGAD1',
      exists: true,
      granularity: 'record',
      recordsReceived: 2,
    });
    expect(range).toMatchObject({ min: 2, max: Infinity, display: '≥2' });
    expect(a.notes).toContain(
      'response.resultSets[0].resultsCount is 0 but the set carries 2 records; read as at least 2.',
    );
  });

  it('a node whose resultsCount is its page (10) while numTotalResults says 113 is shown as 113', async () => {
    const { a, range } = await ask(() =>
      json({
        meta: meta('record'),
        responseSummary: { exists: true, numTotalResults: 113 },
        response: {
          resultSets: [
            {
              id: 'EGAD1',
              setType: 'dataset',
              exists: true,
              resultsCount: 10,
              results: people(10),
            },
          ],
        },
      }),
    );
    expect(range).toMatchObject({ min: 113, max: 113, exact: true, display: '113' });
    expect(a.notes).toContain(
      "responseSummary.numTotalResults (113) is more than the result sets' resultsCount add up to (10); the node's total is shown.",
    );
  });

  it('per-dataset counts that add up to the total, or more (the same individual in two datasets), stay per dataset', async () => {
    const sets = (x: number, y: number) => [
      { id: 'A', setType: 'dataset', exists: x > 0, resultsCount: x, results: [] },
      { id: 'B', setType: 'dataset', exists: y > 0, resultsCount: y, results: [] },
    ];
    const equal = await ask(() =>
      json({
        meta: meta('count'),
        responseSummary: { exists: true, numTotalResults: 9 },
        response: { resultSets: sets(4, 5) },
      }),
    );
    expect(equal.range?.display).toBe('9');
    expect(equal.a.notes ?? []).not.toContainEqual(expect.stringContaining('numTotalResults ('));
    const overlapping = await ask(() =>
      json({
        meta: meta('count'),
        responseSummary: { exists: true, numTotalResults: 8 },
        response: { resultSets: sets(4, 5) },
      }),
    );
    expect(overlapping.range?.display).toBe('9');
  });

  it('count-only, yes/no-only and contradictory summaries read as the node said them (v2.0.1, v2.1.0 metas)', async () => {
    const countOnly = await ask(() =>
      json({
        meta: meta('count', 'v2.1.0'),
        responseSummary: { exists: true, numTotalResults: 25 },
        response: {
          resultSets: [
            { id: 'A', setType: 'dataset', exists: true, resultsCount: 25, results: null },
          ],
        },
      }),
    );
    expect(countOnly.range).toMatchObject({ display: '25', exact: true });
    const yesOnly = await ask(() =>
      json({ meta: meta('boolean', 'v2.0.1'), responseSummary: { exists: true } }),
    );
    expect(yesOnly.a.returnedGranularity).toBe('boolean');
    expect(yesOnly.range).toMatchObject({ min: 1, max: Infinity, counted: false, withheld: true });
    // exists true with numTotalResults 0 contradicts itself: matches exist, at least one, never 0.
    const zeroYes = await ask(() =>
      json({ meta: meta('count'), responseSummary: { exists: true, numTotalResults: 0 } }),
    );
    expect(zeroYes.range).toMatchObject({ min: 1, max: Infinity });
    // A boolean answer whose sets carry resultsCount 0 (required by the schema) is not a count of 0.
    const boolSets = await ask(() =>
      json({
        meta: meta('boolean'),
        responseSummary: { exists: true },
        response: {
          resultSets: [
            { id: 'A', setType: 'dataset', exists: true, resultsCount: 0, results: [] },
            { id: 'B', setType: 'dataset', exists: false, resultsCount: 0, results: [] },
          ],
        },
      }),
    );
    expect(boolSets.range).toMatchObject({ min: 1, max: Infinity, counted: false });
  });

  it('a GET-only server (POST 405) is asked by GET; its answer counts', async () => {
    const { a, range } = await ask((req) =>
      req.method === 'POST'
        ? { status: 405, headers: { allow: 'GET' }, body: '' }
        : json({ meta: meta('count'), responseSummary: { exists: true, numTotalResults: 3 } }),
    );
    expect(seen.map((s) => s.split('?')[0])).toEqual([
      'POST /beacon/individuals',
      'GET /beacon/individuals',
    ]);
    expect(a.method).toBe('GET');
    expect(range?.display).toBe('3');
  });
});
