import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEntry } from '../../../../shared/federation/directory';
import { fetchNodeDatasets } from './datasetCatalog';

// Decision 0096: a Beacon we did not write lists its datasets with `info` blocks of its own (the
// model leaves `info` free): members that share a name with the demo's hints but not their shape.
// Served from a real loopback server.

let server: Server;
let base = '';
let collections: unknown[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    res.setHeader('content-type', 'application/json;charset=utf-8');
    if ((req.url ?? '').startsWith('/beacon/configuration')) {
      res.end(JSON.stringify({ response: { securityAttributes: { securityLevels: ['PUBLIC'] } } }));
      return;
    }
    const skip = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('skip') ?? '0');
    res.end(
      JSON.stringify({
        meta: { beaconId: 'org.example.cat', apiVersion: 'v2.0.1', returnedSchemas: [] },
        responseSummary: { exists: true, numTotalResults: collections.length },
        response: { collections: skip === 0 ? collections : [] },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/beacon`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const node = (): NodeEntry => ({ id: 'CAT', name: 'CAT', country: 'Catland', beaconUrl: base });

describe('decision 0096: a dataset list with info blocks of the node’s own', () => {
  it('members named like the demo’s hints but shaped otherwise are not read as them, and the list is read', async () => {
    collections = [
      {
        id: 'CAT-1',
        name: 'Cohort one',
        externalUrl: 'https://example.org/cat-1',
        info: {
          securityLevel: { level: 'CONTROLLED', since: '2024-01-01' },
          visaValue: ['https://example.org/cat-1'],
          dacSource: null,
          contact: { email: 'dac@example.org' },
        },
      },
      { id: 'CAT-2', name: 'Cohort two', info: { securityLevel: 'REGISTERED' } },
      { id: 'CAT-3', name: 'Cohort three', info: 'see the catalogue' },
    ];
    const list = await fetchNodeDatasets(node(), fetch, 5_000);
    expect(
      list.map((d) => [d.id, d.level, d.levelFrom, d.publishedUrl, d.dacSource ?? null]),
    ).toEqual([
      ['CAT-1', 'public', 'configuration', 'https://example.org/cat-1', null],
      ['CAT-2', 'registered', 'dataset', undefined, null],
      ['CAT-3', 'public', 'configuration', undefined, null],
    ]);
  });
});
