import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEntry } from '../../../shared/federation/directory';
import type { PageRequest, PageSent } from './beaconPages';
import { pageSent, parsePage } from './beaconPages';
import { fetchWithRetry } from './pullLoop';
import { openPageThread } from './pageThread';
import { codeOf } from './testing/pullCode';

// Decision 0105 (leftover of 0101): a cohort pull asks a dataset's route with filters only. A node
// that says it did not use one of them (its receivedRequestSummary leaves it out, or a warning
// names it) sends the records of a broader query, and a node that serves the route as its plain
// /individuals sends another dataset's records: both were kept as the cohort asked for.

const female = { id: 'NCIT:C16576', label: 'female' };
const seizure = { id: 'HP:0001250', includeDescendantTerms: true };
const sent: PageSent = {
  filters: [seizure, { id: 'NCIT:C16576', includeDescendantTerms: false }],
  written: [],
};
const asked = { nodeId: 'XX', datasetId: 'XX-RD-01', entity: 'individuals', sent } as const;

const page = (extra: { meta?: object; info?: object; setId?: string } = {}): string =>
  JSON.stringify({
    meta: { apiVersion: 'v2.0.0', returnedGranularity: 'record', ...extra.meta },
    responseSummary: { exists: true, numTotalResults: 2 },
    ...(extra.info === undefined ? {} : { info: extra.info }),
    response: {
      resultSets: [
        {
          id: extra.setId ?? 'XX-RD-01',
          setType: 'dataset',
          exists: true,
          resultsCount: 2,
          results: [
            { id: 'I1', sex: female },
            { id: 'I2', sex: female },
          ],
        },
      ],
    },
  });

const echo = (filters: unknown[]) => ({
  receivedRequestSummary: {
    apiVersion: 'v2.0.0',
    requestedSchemas: [],
    pagination: { skip: 0, limit: 500 },
    requestedGranularity: 'record',
    filters,
  },
});

describe('decision 0105: a pull page the node says it did not filter is refused', () => {
  it('an echo that leaves a filter out: refused, naming it (the sex filter too)', async () => {
    expect(await codeOf(() => parsePage(asked, 200, page({ meta: echo(['HP:0001250']) })))).toEqual(
      {
        key: 'filterNotUsed',
        params: { node: 'XX', dataset: 'XX-RD-01', filters: 'NCIT:C16576' },
      },
    );
    expect(await codeOf(() => parsePage(asked, 200, page({ meta: echo([]) })))).toEqual({
      key: 'filterNotUsed',
      params: { node: 'XX', dataset: 'XX-RD-01', filters: 'HP:0001250, NCIT:C16576' },
    });
  });

  it('a warning naming a filter: refused with the node’s words', async () => {
    const info = {
      warnings: ['Filter HP:0001250 is not supported by this beacon and was ignored'],
    };
    expect(await codeOf(() => parsePage(asked, 200, page({ info })))).toEqual({
      key: 'filterNotUsedWhy',
      params: {
        node: 'XX',
        dataset: 'XX-RD-01',
        filters: 'HP:0001250',
        why: 'Filter HP:0001250 is not supported by this beacon and was ignored',
      },
    });
  });

  it('filters echoed (strings or objects, any prefix case) or no echo at all: the page is read', () => {
    const objects = echo([{ id: 'hp:0001250' }, { id: 'NCIT:C16576', scope: 'individual' }]);
    expect(parsePage(asked, 200, page({ meta: objects })).records).toHaveLength(2);
    // Only positive evidence counts: a summary without filters proves nothing (0101).
    expect(parsePage(asked, 200, page()).records).toHaveLength(2);
    // A page asked without filters is not checked.
    const bare = { ...asked, sent: { filters: [], written: [] } };
    expect(parsePage(bare, 200, page({ meta: echo([]) })).records).toHaveLength(2);
  });

  it('in the node’s spelling: sent hp:0001250, named as the query builder wrote it', async () => {
    const respelt: PageSent = {
      filters: [{ id: 'hp:0001250', includeDescendantTerms: true }],
      written: [['hp:0001250', 'HP:0001250']],
    };
    const info = { warnings: ['unknown filter hp:0001250'] };
    expect(await codeOf(() => parsePage({ ...asked, sent: respelt }, 200, page({ info })))).toEqual(
      {
        key: 'filterNotUsedWhy',
        params: {
          node: 'XX',
          dataset: 'XX-RD-01',
          filters: 'HP:0001250',
          why: 'unknown filter hp:0001250',
        },
      },
    );
  });

  it('a dataset’s route answered with another dataset’s records: refused; a set without id is read', async () => {
    expect(await codeOf(() => parsePage(asked, 200, page({ setId: 'XX-CA-02' })))).toEqual({
      key: 'otherDataset',
      params: { node: 'XX', dataset: 'XX-RD-01', answered: 'XX-CA-02' },
    });
    // Beacon v2.0 servers may leave the set's id empty: the route names the dataset.
    expect(parsePage(asked, 200, page({ setId: '' })).records).toHaveLength(2);
  });
});

// Through a real loopback server and the pull's page worker: the filters sent reach the check.
let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(page({ meta: echo([]) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/b`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('decision 0105: through the page worker', () => {
  it('a node echoing no filters refuses the pull’s page with the filter and sex as written', async () => {
    const node: NodeEntry = { id: 'XX', name: 'XX', country: 'Lowland', beaconUrl: base };
    const req: PageRequest = {
      node,
      entity: 'individuals',
      datasetId: 'XX-RD-01',
      query: { filters: [seizure], sex: 'female' },
      routes: {
        individuals: `${base}/datasets/{id}/individuals`,
        g_variants: `${base}/datasets/{id}/g_variants`,
      },
      page: 0,
      limit: 500,
      token: undefined,
      fetch,
      signal: new AbortController().signal,
      timeoutMs: 5_000,
      spelling: new Map([['HP:0001250', 'hp:0001250']]),
    };
    expect(pageSent(req).written).toEqual([['hp:0001250', 'HP:0001250']]);
    const pages = openPageThread();
    try {
      await pages.ready;
      expect(await codeOf(() => fetchWithRetry(req, pages, 'GRCh38'))).toEqual({
        key: 'filterNotUsed',
        params: { node: 'XX', dataset: 'XX-RD-01', filters: 'HP:0001250, NCIT:C16576' },
      });
    } finally {
      await pages.close();
    }
  });
});
