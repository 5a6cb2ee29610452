import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEntry } from '../../../shared/federation/directory';
import type { PageRequest } from './beaconPages';
import { fetchWithRetry } from './pullLoop';
import { openPageThread } from './pageThread';
import type { PageThread } from './pageThread';
import { codeOf } from './testing/pullCode';

// STANDARDS 3.6 test 8 for pulls (decision 0105): a 401/403 with a beaconErrorResponse asks the
// person to sign in again or request access, and is never retried (no retry storm); a server error
// gets the two quick retries and then pauses the pull. A real loopback server counts the requests.

let server: Server;
let base = '';
let status = 401;
let requests = 0;
let pages: PageThread;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      requests += 1;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          meta: { apiVersion: 'v2.0.0' },
          error: { errorCode: status, errorMessage: 'visa expired' },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/b`;
  pages = openPageThread();
});
afterAll(async () => {
  await pages.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const request = (): PageRequest => {
  const node: NodeEntry = { id: 'XX', name: 'XX', country: 'Lowland', beaconUrl: base };
  return {
    node,
    entity: 'individuals',
    datasetId: 'XX-RD-01',
    query: { filters: [] },
    routes: {
      individuals: `${base}/datasets/{id}/individuals`,
      g_variants: `${base}/datasets/{id}/g_variants`,
    },
    page: 0,
    limit: 500,
    token: 'not-a-real-token',
    fetch,
    signal: new AbortController().signal,
    timeoutMs: 5_000,
  };
};

describe('STANDARDS 3.6 test 8: refusals are not retried; server errors twice, then the pull pauses', () => {
  it('401 and 403: one request each, refused with the node’s words', async () => {
    for (const http of [401, 403]) {
      status = http;
      requests = 0;
      expect(await codeOf(() => fetchWithRetry(request(), pages, 'GRCh38'))).toEqual({
        key: 'refusedWhy',
        params: { node: 'XX', http, why: 'visa expired' },
      });
      expect(requests, String(http)).toBe(1);
    }
  });

  it('503: the first request and two quick retries, then paused as a server error', async () => {
    status = 503;
    requests = 0;
    expect(await codeOf(() => fetchWithRetry(request(), pages, 'GRCh38'))).toEqual({
      key: 'serverError',
      params: { node: 'XX', http: 503 },
    });
    expect(requests).toBe(3);
  });
});
