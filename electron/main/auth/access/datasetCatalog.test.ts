import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEntry } from '../../../../shared/federation/directory';
import { fetchNodeDatasets } from './datasetCatalog';
import { withGrantedAccess } from './grantedAccess';

// Decision 0096: a Beacon we did not write lists its datasets with `info` blocks of its own (the
// model leaves `info` free): members that share a name with the demo's hints but not their shape.
// Served from a real loopback server.

let server: Server;
let base = '';
let collections: unknown[] = [];
let probes: Record<string, unknown> = {};

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    res.setHeader('content-type', 'application/json;charset=utf-8');
    const probe = /^\/beacon\/datasets\/([^/]+)\/individuals$/.exec(req.url ?? '');
    if (probe !== null) {
      res.end(JSON.stringify(probes[probe[1] ?? ''] ?? {}));
      return;
    }
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

describe('decision 0096: what a node we did not write returns to this user, from its answer', () => {
  it('records without returnedGranularity are record level, a bare total is a count, a Beacon error is not “yes/no”', async () => {
    const meta = { beaconId: 'org.example.cat', apiVersion: 'v2.0.0', returnedSchemas: [] };
    const set = (id: string, results: unknown[]) => ({
      id,
      setType: 'dataset',
      exists: results.length > 0,
      resultsCount: results.length,
      results,
    });
    probes = {
      'CAT-1': {
        meta,
        responseSummary: { exists: true, numTotalResults: 40 },
        response: { resultSets: [set('CAT-1', [{ id: 'P1', sex: { id: 'NCIT:C16576' } }])] },
      },
      'CAT-2': { meta, error: { errorCode: 400, errorMessage: 'limit must be at least 10' } },
      'CAT-3': { meta, responseSummary: { exists: true, numTotalResults: 5 } },
      'CAT-4': {
        meta: { ...meta, returnedGranularity: 'boolean' },
        responseSummary: { exists: true },
      },
    };
    const datasets = ['CAT-1', 'CAT-2', 'CAT-3', 'CAT-4'].map((id) => ({
      node: node(),
      id,
      title: id,
      level: 'public' as const,
      duo: [],
    }));
    const granted = await withGrantedAccess(datasets, undefined, fetch, 5_000);
    expect(granted.map((d) => [d.id, d.granted])).toEqual([
      ['CAT-1', 'record'],
      ['CAT-2', undefined],
      ['CAT-3', 'count'],
      ['CAT-4', 'boolean'],
    ]);
  });
});
