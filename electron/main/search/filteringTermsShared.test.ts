import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEntry } from '../../../shared/federation/directory';
import { SearchQuerySchema } from '../../../shared/search/query';
import type { NodeUpdate } from '../../../shared/search/results';
import { queryParts } from '../beacon/beaconRequest';
import { createAssemblyResolver } from '../beacon/nodeAssembly';
import { createOfferedTumourTypes } from '../seen/offeredTumourTypes';
import { startFanout } from './fanout';
import { createFilteringTermsCache } from './filteringTerms';

// Decision 0105. (1) One read of a node's /filtering_terms serves search's spelling and its
// unlisted-term notes and seen-before's tumour types (they were two caches reading it apart).
// (2) STANDARDS 3.6 test 9: a filter the node's own terms do not list is said beside its answer,
// before a "no" is read as one about that term. A real loopback server, paging as the spec says.

const TERMS = [
  { type: 'ontology', id: 'hp:0001250', label: 'Seizure' },
  { type: 'ontology', id: 'ONCOTREE:LUAD', label: 'Lung adenocarcinoma' },
];

let server: Server;
let base = '';
let termsGets = 0;
/** How the node answers /filtering_terms: whole, 503, or its second page failing. */
let termsMode: 'whole' | 'down' | 'second-page-fails' = 'whole';

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/v2/filtering_terms') {
        termsGets += 1;
        const skip = Number(url.searchParams.get('skip') ?? '0');
        if (termsMode === 'down' || (termsMode === 'second-page-fails' && skip > 0)) {
          res.statusCode = 503;
          res.end('{}');
          return;
        }
        const filteringTerms = skip === 0 ? TERMS : [];
        res.end(JSON.stringify({ meta: {}, response: { filteringTerms } }));
        return;
      }
      res.end(
        JSON.stringify({
          meta: { beaconId: 'org.example.t', apiVersion: 'v2.0.0', returnedGranularity: 'count' },
          responseSummary: { exists: false, numTotalResults: 0 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/v2`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const node = (): NodeEntry => ({ id: 'T', name: 'T', country: 'Lowland', beaconUrl: base });

describe('decision 0105: one read of a node’s /filtering_terms for every feature', () => {
  it('spelling, unlisted ids and the tumour types offered: one read (its two pages), shared while in flight', async () => {
    termsMode = 'whole';
    termsGets = 0;
    const terms = createFilteringTermsCache({ fetch, timeoutMs: () => 5_000 });
    const offered = createOfferedTumourTypes({ terms });
    const [spelt, unlisted, types] = await Promise.all([
      terms.spelling(node(), ['HP:0001250']),
      terms.unlisted(node(), ['HP:0001250', 'HP:0000118', 'oncotree:LUAD']),
      offered.of(node()),
    ]);
    expect([...spelt]).toEqual([['HP:0001250', 'hp:0001250']]);
    expect(unlisted).toEqual(['HP:0000118']);
    expect(types?.codes).toEqual(new Set(['LUAD']));
    // The list's page, then the empty page that ends it.
    expect(termsGets).toBe(2);
    await offered.of(node());
    await terms.suggest([node()], 'seiz', 5);
    expect(termsGets).toBe(2);
  });

  it('a node whose terms could not be read: no unlisted ids, every type asked, read again after 30 s', async () => {
    termsMode = 'down';
    termsGets = 0;
    let now = 1_000_000;
    const terms = createFilteringTermsCache({ fetch, timeoutMs: () => 5_000, now: () => now });
    const offered = createOfferedTumourTypes({ terms });
    expect(await terms.unlisted(node(), ['HP:0000118'])).toEqual([]);
    expect(await offered.of(node())).toBeUndefined();
    expect(termsGets).toBe(1);
    termsMode = 'whole';
    now += 29_000;
    expect(await offered.of(node())).toBeUndefined();
    now += 2_000;
    expect((await offered.of(node()))?.codes).toEqual(new Set(['LUAD']));
    expect(termsGets).toBe(3);
  });

  it('a list cut off by a failing page says nothing of what the node does not list', async () => {
    termsMode = 'second-page-fails';
    const terms = createFilteringTermsCache({ fetch, timeoutMs: () => 5_000 });
    expect(await terms.unlisted(node(), ['HP:0000118'])).toEqual([]);
    expect((await terms.of(node())).terms).toHaveLength(2);
  });
});

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
    unlisted: (n, ids) => terms.unlisted(n, ids),
  });
  await fanout.done;
  const last = updates.at(-1);
  if (last === undefined) throw new Error('no update');
  return last;
}

describe('STANDARDS 3.6 test 9: a filter the node does not list is said beside its answer', () => {
  it('HP:0000118 (unlisted): the node’s “0” comes with a note naming it; a listed term gets none', async () => {
    termsMode = 'whole';
    const unlisted = await search([{ id: 'HP:0000118' }]);
    expect(unlisted.status).toBe('ok');
    expect(unlisted.notes).toContain(
      "Filter HP:0000118 is not among the terms the node's /filtering_terms lists; the node may not know it, so its answer may not apply it.",
    );
    const listed = await search([{ id: 'HP:0001250' }]);
    expect(listed.notes ?? []).not.toContainEqual(expect.stringContaining('is not among'));
  });
});
