import { describe, expect, it } from 'vitest';
import { groundTruth } from './testing/groundTruth';
import type { PullFederation, PullHarness } from './testing/pullHarness';
import { signedIn, tmp, usePullFederation } from './testing/pullHarness';
import { vaultRows } from './testing/vaultRows';

let fed: PullFederation;
usePullFederation((started) => (fed = started));

const target = { nodeId: 'FI', datasetId: 'FI-RD-01', purpose: 'clinical-care' } as const;
const fi = (): PullFederation['nodes'][number] => {
  const node = fed.nodes.find((n) => n.id === 'FI');
  if (node === undefined) throw new Error('no FI node');
  return node;
};

/** Every key of the node's table is in the vault exactly once. */
async function expectExactlyOnce(h: PullHarness): Promise<void> {
  for (const [table, key] of [
    ['individuals', (r: Record<string, unknown>) => String(r.individual_id)],
    ['variants', (r: Record<string, unknown>) => String(r.variant_key)],
    [
      'genotypes',
      (r: Record<string, unknown>) => `${String(r.variant_key)} ${String(r.individual_id)}`,
    ],
  ] as const) {
    const got = (await vaultRows(h.services.vault, 'FI-RD-01', table)).map(key);
    const want = (await groundTruth('FI', 'FI-RD-01', table)).map(key);
    expect(new Set(got).size, `${table} distinct`).toBe(got.length);
    expect([...got].sort(), table).toEqual([...want].sort());
  }
}

describe('pull paging that does not trust the request (issue 12 item 2, issue 15 items 4 and 6)', () => {
  it('issue 12: a node capping pages at 100 gives every record exactly once, by the dataset routes', async () => {
    fi().setFaults({ pageCap: 100 });
    const urls: string[] = [];
    const bodies: string[] = [];
    const spy: typeof fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      // Pull pages only (the sign-in's one-record access probes ask for limit 1).
      if (
        init?.method === 'POST' &&
        url.includes('/datasets/') &&
        !(typeof init.body === 'string' && init.body.includes('"limit":1}'))
      ) {
        urls.push(new URL(url).pathname);
        bodies.push(typeof init.body === 'string' ? init.body : '');
      }
      return fetch(input, init);
    };
    const h = await signedIn({ fed, dataDir: tmp('vault-cap-'), user: 'clinician', fetch: spy });
    try {
      const { jobId } = await h.invoke('pull:start', target);
      const done = await h.until(jobId, (p) => p.state !== 'running');
      expect(done).toMatchObject({ state: 'done', records: 400 + 1153, totalRecords: 400 + 1153 });
      await expectExactlyOnce(h);
      // 400 individuals in pages of 100, 1,153 variants in 12 pages: never page x 500.
      expect(urls.filter((u) => u.endsWith('/datasets/FI-RD-01/individuals'))).toHaveLength(4);
      expect(urls.filter((u) => u.endsWith('/datasets/FI-RD-01/g_variants'))).toHaveLength(12);
      expect(urls.every((u) => /\/datasets\/FI-RD-01\/(individuals|g_variants)$/.test(u))).toBe(
        true,
      );
      expect(bodies.some((b) => b.includes('datasetIds'))).toBe(false);
    } finally {
      fi().setFaults({});
      h.close();
    }
  }, 120_000);

  it('issue 12: a node sending fewer records than it counts: nothing sealed, "200 of 400" said', async () => {
    fi().setFaults({ pageCap: 100, servedRecords: 200 });
    const h = await signedIn({ fed, dataDir: tmp('vault-short-'), user: 'clinician' });
    try {
      const { jobId } = await h.invoke('pull:start', target);
      const end = await h.until(jobId, (p) => p.state !== 'running');
      expect(end.state).toBe('failed');
      expect(end.message).toMatch(
        /Node FI sent 200 of 400 individuals and 200 of 1153 variants it counted for FI-RD-01: the copy would be incomplete, so nothing was kept/,
      );
      // Issue 22: the same as a code with its numbers, which the window words (decision 0070).
      expect(end.said).toEqual({
        key: 'countMismatchBoth',
        params: {
          node: 'FI',
          dataset: 'FI-RD-01',
          gotIndividuals: 200,
          totalIndividuals: 400,
          gotVariants: 200,
          totalVariants: 1153,
        },
      });
      expect((await h.invoke('vault:list')).datasets).toEqual([]);
    } finally {
      fi().setFaults({});
      h.close();
    }
  }, 120_000);

  it('issue 20: a node answering 429 to a page fetched ahead pauses the pull at the first page not staged; resume completes it exactly once', async () => {
    let refusals = 0;
    const spy: typeof fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      const body = typeof init?.body === 'string' ? init.body : '';
      // Page 2 of the variants (1,153 in pages of 500) says "too many requests" three times: the
      // first try and both retries.
      if (url.endsWith('/g_variants') && body.includes('"skip":2,') && refusals < 3) {
        refusals++;
        return Promise.resolve(Response.json({ error: { errorCode: 429 } }, { status: 429 }));
      }
      return fetch(input, init);
    };
    const h = await signedIn({ fed, dataDir: tmp('vault-429-'), user: 'clinician', fetch: spy });
    try {
      const { jobId } = await h.invoke('pull:start', target);
      const paused = await h.until(jobId, (p) => p.state !== 'running');
      expect(paused).toMatchObject({ state: 'paused', records: 400 + 1000 });
      expect(paused.message).toMatch(/Node FI asked Cohort Desk to slow down \(HTTP 429\)/);
      expect(paused.said).toEqual({ key: 'throttled', params: { node: 'FI' } });
      expect(await h.invoke('pull:resume', { jobId })).toEqual({ ok: true });
      const done = await h.until(jobId, (p) => p.state === 'done' || p.state === 'failed');
      expect(done).toMatchObject({ state: 'done', records: 400 + 1153 });
      await expectExactlyOnce(h);
    } finally {
      h.close();
    }
  }, 120_000);
});
