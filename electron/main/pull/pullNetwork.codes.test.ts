import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEntry } from '../../../shared/federation/directory';
import type { PageRequest } from './beaconPages';
import { fetchPageBody, PULL_PAGE_MAX_BYTES } from './beaconPages';
import { datasetRoutes } from './pullRoutes';
import { codeOf } from './testing/pullCode';

// Issue 22 (decision 0070): a node that cannot be reached, times out, sends too much or declares
// its routes badly ends the pull with a code and its values, against a real server on loopback.

describe('issue 22: a node on the network ends a pull with a code (BCN-02, BCN-04)', () => {
  let server: Server;
  let base = '';
  let map: unknown = {};
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/api/map') {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(map));
      } else if (req.url?.endsWith('/silent') === true) {
        // Never answers: the pull's timeout ends the request.
        req.on('close', () => res.destroy());
      } else if (req.url?.endsWith('/huge') === true) {
        const chunk = Buffer.alloc(1 << 20, 32);
        res.writeHead(200, { 'content-type': 'application/json' });
        for (let i = 0; i <= PULL_PAGE_MAX_BYTES / chunk.length; i++) res.write(chunk);
        res.end();
      } else res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/api`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const node = (): NodeEntry => ({ id: 'XX', name: 'XX', country: 'Nowhere', beaconUrl: base });
  const request = (route: string, timeoutMs = 10_000, url = base): PageRequest => ({
    node: { ...node(), beaconUrl: url },
    entity: 'g_variants',
    datasetId: 'XX-RD-01',
    query: { filters: [] },
    routes: { individuals: `${url}/${route}`, g_variants: `${url}/${route}` },
    page: 0,
    limit: 500,
    token: undefined,
    fetch,
    signal: new AbortController().signal,
    timeoutMs,
  });

  it('a node that times out, cannot be reached, or sends a page too large', async () => {
    expect(await codeOf(() => fetchPageBody(request('silent', 200)))).toEqual({
      key: 'timeout',
      params: { node: 'XX', seconds: 0 },
    });
    const closed = 'http://127.0.0.1:9/api';
    expect(await codeOf(() => fetchPageBody(request('page', 5_000, closed)))).toEqual({
      key: 'unreachable',
      params: { node: 'XX' },
    });
    expect(await codeOf(() => fetchPageBody(request('huge')))).toEqual({
      key: 'pageTooLarge',
      params: { node: 'XX', mb: 64 },
    });
  });

  it('a /map without the dataset routes, or pointing them elsewhere (BCN-02)', async () => {
    const endpoints = (url: string) => ({
      response: {
        endpointSets: {
          dataset: {
            entryType: 'dataset',
            endpoints: {
              individuals: { returnedEntryType: 'individual', url },
              g_variants: { returnedEntryType: 'genomicVariation', url },
            },
          },
        },
      },
    });
    map = { response: { endpointSets: { dataset: { entryType: 'dataset', endpoints: {} } } } };
    expect(await codeOf(() => datasetRoutes(node(), fetch, 5_000))).toEqual({
      key: 'noRoute',
      params: { node: 'XX', route: '/datasets/{id}/individuals' },
    });
    map = endpoints('http://elsewhere.example/datasets/{id}/records');
    expect(await codeOf(() => datasetRoutes(node(), fetch, 5_000))).toEqual({
      key: 'routeOutside',
      params: { node: 'XX', route: '/datasets/{id}/individuals' },
    });
    // A relative template that climbs out of the Beacon address is outside it too.
    map = endpoints('../../other/datasets/{id}/individuals');
    expect(await codeOf(() => datasetRoutes(node(), fetch, 5_000))).toEqual({
      key: 'routeOutside',
      params: { node: 'XX', route: '/datasets/{id}/individuals' },
    });
  });

  it('decision 0096: a /map with relative URL templates (format uri-template) is read against the map’s address', async () => {
    const declare = (individuals: string, variants: string) => ({
      meta: { beaconId: 'org.example.foreign', apiVersion: 'v2.0.0', returnedSchemas: [] },
      response: {
        $schema: 'beacon-map-v2.0.0',
        endpointSets: {
          datasets: {
            entryType: 'dataset',
            rootUrl: 'datasets',
            endpoints: {
              individual: { returnedEntryType: 'individual', url: individuals },
              genomicVariant: { returnedEntryType: 'genomicVariation', url: variants },
            },
          },
        },
      },
    });
    map = declare('datasets/{id}/individuals', '/api/datasets/{id}/g_variants/');
    expect(await datasetRoutes(node(), fetch, 5_000)).toEqual({
      individuals: `${base}/datasets/{id}/individuals`,
      g_variants: `${base}/datasets/{id}/g_variants/`,
    });
    // An absolute template is kept as the node wrote it (a trailing slash on the Beacon URL too).
    map = declare(`${base}/datasets/{id}/individuals`, `${base}/datasets/{id}/g_variants`);
    expect(await datasetRoutes({ ...node(), beaconUrl: `${base}/` }, fetch, 5_000)).toEqual({
      individuals: `${base}/datasets/{id}/individuals`,
      g_variants: `${base}/datasets/{id}/g_variants`,
    });
  });
});
