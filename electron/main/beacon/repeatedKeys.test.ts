import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEntry } from '../../../shared/federation/directory';
import { nodeRange } from '../../../shared/search/aggregate';
import { SearchQuerySchema } from '../../../shared/search/query';
import { queryParts } from './beaconRequest';
import { queryNode } from './nodeClient';

// Decision 0105: an answer naming a key twice (RFC 8259 §4 leaves its meaning to the reader;
// JSON.parse keeps the last) has no one meaning, so none of it is shown as what the node said.
// Raw bodies from a real loopback server, asked the way the fan-out asks (queryNode).

let server: Server;
let base = '';
let body = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/beacon`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function ask(text: string) {
  body = text;
  const node: NodeEntry = { id: 'RK', name: 'RK', country: 'Europe', beaconUrl: base };
  const a = await queryNode({
    node,
    parts: queryParts(SearchQuerySchema.parse({ genomic: 'BRCA1' })),
    token: undefined,
    signal: new AbortController().signal,
    fetch,
    maxBytes: 5 * 1_048_576,
    timeoutMs: 5_000,
  });
  const range = nodeRange({
    queryId: 'q',
    nodeId: 'RK',
    nodeName: 'RK',
    country: 'Europe',
    attempt: 1,
    ...a,
  });
  return { a, range };
}

const meta = {
  beaconId: 'org.example.repeats',
  apiVersion: 'v2.0.0',
  returnedGranularity: 'count',
  receivedRequestSummary: {
    apiVersion: 'v2.0.0',
    requestedSchemas: [],
    pagination: { skip: 0, limit: 10 },
  },
  returnedSchemas: [],
};

describe('decision 0105: an answer that names a key twice has no one meaning', () => {
  const head = `"meta":${JSON.stringify(meta)}`;

  it('two numTotalResults (5 and 500): no count shown, the key located for the operator', async () => {
    const { a, range } = await ask(
      `{${head},\n"responseSummary":{"exists":true,"numTotalResults":5,"numTotalResults":500}}`,
    );
    expect(a.status).toBe('error');
    expect(range).toBeUndefined();
    expect(a.problem?.code).toBe('not-beacon');
    expect(a.problem?.nodeText).toMatch(
      /^responseSummary\.numTotalResults \(line 2, column \d+\): the key "numTotalResults" is named twice/,
    );
  });

  it('a set’s id named twice, or a repeat deep in a record: refused; the same key in two objects is not a repeat', async () => {
    const set = (inner: string) =>
      `{${head},"responseSummary":{"exists":true,"numTotalResults":3},"response":{"resultSets":[${inner}]}}`;
    const twiceId = await ask(
      set(`{"id":"A","id":"B","setType":"dataset","exists":true,"resultsCount":3,"results":[]}`),
    );
    expect(twiceId.a.problem?.nodeText).toMatch(/^response\.resultSets\[0\]\.id /);
    const deep = await ask(
      set(
        `{"id":"A","exists":true,"resultsCount":1,"results":[{"id":"P1","sex":{"id":"NCIT:C20197","id":"NCIT:C16576"}}]}`,
      ),
    );
    expect(deep.a.problem?.nodeText).toMatch(/^response\.resultSets\[0\]\.results\[0\]\.sex\.id /);
    const fine = await ask(
      set(
        `{"id":"A","exists":true,"resultsCount":2,"results":[]},{"id":"B","exists":true,"resultsCount":1,"results":[]}`,
      ),
    );
    expect(fine.a.status).toBe('ok');
    expect(fine.range?.display).toBe('3');
  });
});
