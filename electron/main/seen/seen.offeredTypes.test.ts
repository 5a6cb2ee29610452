import { beforeAll, describe, expect, it } from 'vitest';
import { TUMOUR_TYPES } from '../../../shared/cancer/tumourTypes';
import type { SeenAnswer, SeenCandidate } from '../../../shared/seen/channels';
// Tests only: the generator's catalogue says which datasets a node serves.
import { DATASETS } from '../../../federation/catalogue';
import { createAssemblyResolver } from '../beacon/nodeAssembly';
import {
  sharedTokenFederation,
  type ReadOnlyTokenFederation,
} from '../search/testing/tokenFederation';
import { createFilteringTermsCache } from '../search/filteringTerms';
import { createOfferedTumourTypes, offeredCodes } from './offeredTumourTypes';
import { SEEN_BATCH_DEFAULTS, startSeenBatch } from './seenBatch';

/**
 * Issue 19: the per-tumour-type view asked every node 1 + 34 requests per call. A node is now asked
 * only for the types it lists in /filtering_terms (read once per session); the requests are counted
 * at the fetch the batch uses, against the demo federation's real nodes.
 */
let demo: ReadOnlyTokenFederation;
const TIMEOUT_MS = 30_000;
// AKT1 E17K, planted in IT and SE (decision 0039).
const BASE = { chrom: '14', pos: 104780214, ref: 'C', alt: 'T' };
const CANDIDATES: SeenCandidate[] = [
  BASE,
  ...TUMOUR_TYPES.map((t) => ({ ...BASE, tumourType: t.code })),
];

beforeAll(() => {
  demo = sharedTokenFederation();
});

/** Subset codes any of a node's datasets records, from the generator's truth. */
function truthTypes(nodeId: string): Set<string> {
  return offeredCodes(
    DATASETS.filter((d) => d.node === nodeId).flatMap((d) =>
      Object.keys(demo.truth.datasets[d.id]?.tumourTypes ?? {}).map((c) => `oncotree:${c}`),
    ),
  );
}

function counting(): {
  fetch: typeof fetch;
  individuals: Map<string, number>;
  terms: Map<string, number>;
} {
  const individuals = new Map<string, number>();
  const terms = new Map<string, number>();
  const host = (u: string): string => new URL(u).host;
  const byHost = new Map(demo.directory().nodes.map((n) => [host(n.beaconUrl), n.id]));
  const counted: typeof fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const node = byHost.get(host(url)) ?? '?';
    const path = new URL(url).pathname;
    // Allele lookups only (the dataset sizes are one more individuals query, without an allele).
    const body = typeof init?.body === 'string' ? init.body : '';
    const allele = `${url}${body}`.includes('alternateBases');
    if (path.endsWith('/individuals') && allele)
      individuals.set(node, (individuals.get(node) ?? 0) + 1);
    if (path.endsWith('/filtering_terms')) terms.set(node, (terms.get(node) ?? 0) + 1);
    return fetch(input, init);
  };
  return { fetch: counted, individuals, terms };
}

describe('issue 19: tumour-type lookups only for the types a node offers', () => {
  it('issue 19: each node gets 1 + its own tumour types per call, reads its terms once per session, and the rest are stored as not offered', async () => {
    const c = counting();
    const offered = createOfferedTumourTypes({
      terms: createFilteringTermsCache({ fetch: c.fetch, timeoutMs: () => TIMEOUT_MS }),
    });
    const nodes = demo.directory().nodes;
    const run = async (): Promise<SeenAnswer[]> =>
      (
        await startSeenBatch({
          queryId: crypto.randomUUID(),
          nodes,
          candidates: CANDIDATES,
          // Signed out: yes/no answers, so no carrier pages add requests to the count.
          tokenFor: () => Promise.resolve(undefined),
          fetch: c.fetch,
          assemblies: createAssemblyResolver({ fetch, timeoutMs: () => TIMEOUT_MS }),
          timeoutMs: TIMEOUT_MS,
          ...SEEN_BATCH_DEFAULTS,
          offered: offered.of,
          onProgress: () => undefined,
        }).done
      ).answers;
    const first = await run();
    const second = await run();
    expect(new Set(nodes.map((n) => truthTypes(n.id).size))).not.toEqual(new Set([0]));
    for (const n of nodes) {
      const own = truthTypes(n.id);
      // Twice the same call: 2 × (1 + own types), never 2 × (1 + 34).
      expect(c.individuals.get(n.id) ?? 0, n.id).toBe(2 * (1 + own.size));
      expect(c.terms.get(n.id), n.id).toBeGreaterThanOrEqual(1);
      for (const answers of [first, second]) {
        const mine = answers.filter((a) => a.nodeId === n.id);
        expect(mine, n.id).toHaveLength(CANDIDATES.length);
        const skipped = mine.filter((a) => a.notOffered === true).map((a) => a.key.split('@')[1]);
        expect(new Set(skipped), n.id).toEqual(
          new Set(TUMOUR_TYPES.map((t) => t.code).filter((code) => !own.has(code))),
        );
        for (const a of mine) expect(a.status, `${n.id} ${a.key} ${a.message ?? ''}`).toBe('ok');
      }
    }
    // The terms of every node were read in the first call only (cached per session).
    const termsAfterFirst = new Map(c.terms);
    await run();
    expect(c.terms).toEqual(termsAfterFirst);
  });
});
