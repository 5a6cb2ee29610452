import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEntry } from '../../../shared/federation/directory';
import { nodeRange } from '../../../shared/search/aggregate';
import { SearchQuerySchema } from '../../../shared/search/query';
import type { NodeUpdate } from '../../../shared/search/results';
import { queryParts } from '../beacon/beaconRequest';
import { createAssemblyResolver } from '../beacon/nodeAssembly';
import { startFanout } from './fanout';
import { createFilteringTermsCache } from './filteringTerms';

// Decision 0096: CURIE prefixes are matched without case, yet a server may compare filter ids as
// strings. A Beacon we did not write lists its terms as "hp:0001250" (lower-case prefixes, one term
// without a label, a custom and an alphanumeric term beside them) and finds only what is spelt as it
// lists it. Asked HP:0001250, it said "no": a silent zero. Served from a real loopback server.

const TERMS = [
  { type: 'ontology', id: 'hp:0001250', label: 'Seizure', scopes: ['individual'] },
  { type: 'Human Phenotype Ontology', id: 'hp:0001263' },
  { type: 'custom', id: 'cohort:founders', label: 'Founder cohort' },
  { type: 'alphanumeric', id: 'age', values: ['adult'] },
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
        // Ignores skip: every page is the whole list, as some servers do.
        res.end(JSON.stringify({ meta: {}, response: { filteringTerms: TERMS } }));
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as {
        query?: { filters?: { id: string }[] };
      };
      const ids = (body.query?.filters ?? []).map((f) => f.id);
      asked.push(ids);
      // Exact string comparison, as a plain database lookup does.
      const n = ids.every((id) => TERMS.some((t) => t.id === id)) ? 12 : 0;
      res.end(
        JSON.stringify({
          meta: { beaconId: 'org.example.lc', apiVersion: 'v2.0.0', returnedGranularity: 'count' },
          responseSummary: { exists: n > 0, numTotalResults: n },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/v2`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const node = (): NodeEntry => ({ id: 'LC', name: 'LC', country: 'Lowland', beaconUrl: base });

async function search(filters: { id: string }[]): Promise<NodeUpdate> {
  const terms = createFilteringTermsCache({ fetch, timeoutMs: () => 5_000 });
  const updates: NodeUpdate[] = [];
  const fanout = startFanout({
    queryId: 'q',
    nodes: [node()],
    parts: queryParts(SearchQuerySchema.parse({ granularity: 'count', filters })),
    tokenFor: () => Promise.resolve(undefined),
    fetch,
    timeoutMs: 5_000,
    slowAfterMs: 5_000,
    concurrency: 4,
    maxBytes: 1_048_576,
    emit: (u) => updates.push(u),
    onDone: () => undefined,
    assemblies: createAssemblyResolver({ fetch, timeoutMs: () => 5_000 }),
    spelling: (n, ids) => terms.spelling(n, ids),
  });
  await fanout.done;
  const last = updates.at(-1);
  if (last === undefined) throw new Error('no update');
  return last;
}

describe('decision 0096: a node that writes CURIE prefixes in another case', () => {
  it('is sent its own spelling (hp:0001250) and its count is read, with a note saying so', async () => {
    asked.length = 0;
    const u = await search([{ id: 'HP:0001250' }]);
    expect(asked).toEqual([['hp:0001250']]);
    expect(u.status).toBe('ok');
    expect(nodeRange(u)?.display).toBe('12');
    expect(u.notes).toContain(
      "Filter HP:0001250 was sent as hp:0001250, as the node's /filtering_terms writes it.",
    );
  });

  it('a term the node does not list goes as written; its "no" stays a no', async () => {
    asked.length = 0;
    const u = await search([{ id: 'HP:0000118' }]);
    expect(asked).toEqual([['HP:0000118']]);
    expect(nodeRange(u)?.display).toBe('0');
    expect(u.notes ?? []).not.toContainEqual(expect.stringContaining('was sent as'));
  });

  it('suggests its terms under the query builder’s prefix, labelled or by id; custom and alphanumeric terms are not ontology filters', async () => {
    const terms = createFilteringTermsCache({ fetch, timeoutMs: () => 5_000 });
    expect(await terms.suggest([node()], 'seiz', 10)).toEqual([
      { id: 'HP:0001250', label: 'Seizure', detail: 'HP · LC' },
    ]);
    expect(await terms.suggest([node()], 'hp:0001263', 10)).toEqual([
      { id: 'HP:0001263', label: 'HP:0001263', detail: 'HP · LC' },
    ]);
    expect(await terms.suggest([node()], 'founder', 10)).toEqual([]);
    expect(await terms.suggest([node()], 'age', 10)).toEqual([]);
  });
});
