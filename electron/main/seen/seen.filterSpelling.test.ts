import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEntry } from '../../../shared/federation/directory';
import type { LikeTerm } from '../../../shared/seen/channels';
import { createAssemblyResolver } from '../beacon/nodeAssembly';
import { createFilteringTermsCache } from '../search/filteringTerms';
import { likePreview } from './likeMine';
import { createOfferedTumourTypes, offeredCodes } from './offeredTumourTypes';
import { SEEN_BATCH_DEFAULTS, startSeenBatch } from './seenBatch';

// Decision 0101 (issue 15 follow-up): seen-before, the tumour-type counts and "patients like mine"
// send ontology filters too, and a node comparing ids as strings answers "no" (or "not offered")
// to a spelling it does not list. A Beacon we did not write lists "ONCOTREE:LUAD" and "hp:0001250"
// and finds only what is spelt so; served from a real loopback HTTP server.

const TERMS = [
  { type: 'ontology', id: 'ONCOTREE:LUAD', label: 'Lung Adenocarcinoma' },
  { type: 'ontology', id: 'hp:0001250', label: 'Seizure' },
];

let server: Server;
let base = '';
const asked: string[][] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/v2/filtering_terms') {
        res.end(JSON.stringify({ meta: {}, response: { filteringTerms: TERMS } }));
        return;
      }
      if (url.pathname !== '/v2/individuals') {
        res.statusCode = 404;
        res.end('{}');
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as {
        query?: { filters?: { id: string }[]; requestParameters?: unknown };
      };
      const ids = (body.query?.filters ?? []).map((f) => f.id);
      if (body.query?.requestParameters !== undefined) asked.push(ids);
      // Exact string comparison, as a plain database lookup does.
      const n = ids.every((id) => TERMS.some((t) => t.id === id)) ? 7 : 0;
      res.end(
        JSON.stringify({
          meta: {
            beaconId: 'org.example.uc',
            apiVersion: 'v2.0.0',
            returnedGranularity: 'count',
            receivedRequestSummary: {
              apiVersion: 'v2.0.0',
              requestedSchemas: [],
              filters: ids,
              pagination: { skip: 0, limit: 100 },
              requestedGranularity: 'count',
            },
          },
          responseSummary: { exists: n > 0, numTotalResults: n },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/v2`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const node = (): NodeEntry => ({ id: 'UC', name: 'UC', country: 'Upland', beaconUrl: base });

describe('decision 0101: every path that sends ontology filters uses the node’s spelling', () => {
  it('a tumour type listed as ONCOTREE:LUAD is offered (not stored as "not offered")', () => {
    expect(offeredCodes(['ONCOTREE:LUAD', 'oncotree:BRCA'])).toEqual(new Set(['LUAD', 'BRCA']));
    expect(offeredCodes(['ONCOTREE:LUADX'])).toEqual(new Set());
  });

  it('seen-before by tumour type asks the node for ONCOTREE:LUAD and reads its count', async () => {
    asked.length = 0;
    const terms = createFilteringTermsCache({ fetch, timeoutMs: () => 5_000 });
    const offered = createOfferedTumourTypes({ terms });
    const { answers } = await startSeenBatch({
      queryId: 'q',
      nodes: [node()],
      candidates: [{ chrom: '14', pos: 104780214, ref: 'C', alt: 'T', tumourType: 'LUAD' }],
      tokenFor: () => Promise.resolve(undefined),
      fetch,
      assemblies: createAssemblyResolver({ fetch, timeoutMs: () => 5_000 }),
      timeoutMs: 5_000,
      ...SEEN_BATCH_DEFAULTS,
      offered: offered.of,
      spelling: (n, ids) => terms.spelling(n, ids),
      onProgress: () => undefined,
    }).done;
    expect(asked).toEqual([['ONCOTREE:LUAD']]);
    const a = answers.find((x) => x.key.endsWith('@LUAD'));
    expect(a?.notOffered).toBeUndefined();
    expect(a?.status).toBe('ok');
    expect(a?.count?.value).toBe(7);
  });

  it('"patients like mine" previews (and so sends) hp:0001250 to this node', async () => {
    const terms = createFilteringTermsCache({ fetch, timeoutMs: () => 5_000 });
    const spelt = await terms.spelling(node(), ['HP:0001250']);
    const chosen: LikeTerm[] = [{ id: 'HP:0001250', label: 'Seizure', ic: 3 }];
    const preview = likePreview(
      'SCN1A',
      chosen,
      [node()],
      () => false,
      () => spelt,
    );
    const body = JSON.parse(preview.sent[0]?.body ?? '{}') as {
      query: { filters: { id: string }[] };
    };
    expect(body.query.filters.map((f) => f.id)).toEqual(['hp:0001250']);
  });
});
