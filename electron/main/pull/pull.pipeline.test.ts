import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groundTruth } from './testing/groundTruth';
import { PULL_PAGES_IN_FLIGHT } from './pullLoop';
import type { PullFederation, PullHarness } from './testing/pullHarness';
import { signedIn, tmp, usePullFederation, walk } from './testing/pullHarness';
import { vaultRows } from './testing/vaultRows';

let fed: PullFederation;
usePullFederation((started) => (fed = started));

const target = { nodeId: 'FI', datasetId: 'FI-RD-01', purpose: 'clinical-care' } as const;

/** A pull page of FI-RD-01's variants (pages of 500: 1,153 variants in 3 pages), by its skip. */
const variantPage = (
  input: Parameters<typeof fetch>[0],
  init?: RequestInit,
): number | undefined => {
  const url = input instanceof Request ? input.url : String(input);
  const body = typeof init?.body === 'string' ? init.body : '';
  const skip = /"skip":(\d+),"limit":500\}/.exec(body)?.[1];
  return url.endsWith('/datasets/FI-RD-01/g_variants') && skip !== undefined
    ? Number(skip)
    : undefined;
};

async function expectEveryGenotypeOnce(h: PullHarness): Promise<void> {
  const key = (r: Record<string, unknown>) => `${String(r.variant_key)} ${String(r.individual_id)}`;
  const got = (await vaultRows(h.services.vault, 'FI-RD-01', 'genotypes')).map(key);
  const want = (await groundTruth('FI', 'FI-RD-01', 'genotypes')).map(key);
  expect(new Set(got).size).toBe(got.length);
  expect([...got].sort()).toEqual([...want].sort());
}

describe('issue 20: pages fetched ahead and processed on the page worker keep order and atomicity', () => {
  it('issue 20: pages answered out of order (page 2 before page 1) are staged in order, every genotype exactly once', async () => {
    let pageTwoAnswered: () => void = () => undefined;
    const pageTwo = new Promise<void>((resolve) => (pageTwoAnswered = resolve));
    const answered: number[] = [];
    const spy: typeof fetch = async (input, init) => {
      const skip = variantPage(input, init);
      if (skip === 1) await pageTwo;
      const res = await fetch(input, init);
      if (skip !== undefined) answered.push(skip);
      if (skip === 2) pageTwoAnswered();
      return res;
    };
    const h = await signedIn({ fed, dataDir: tmp('vault-order-'), user: 'clinician', fetch: spy });
    try {
      const { jobId } = await h.invoke('pull:start', target);
      const done = await h.until(jobId, (p) => p.state !== 'running');
      expect(done).toMatchObject({ state: 'done', records: 400 + 1153 });
      expect(answered).toEqual([0, 2, 1]);
      // Progress counts pages as they are staged: in order, never past a page not yet staged.
      const counts = h.progress.filter((p) => p.jobId === jobId).map((p) => p.records);
      expect(counts).toEqual([...counts].sort((a, b) => a - b));
      await expectEveryGenotypeOnce(h);
    } finally {
      h.close();
    }
  }, 120_000);

  it("issue 20: the variants' first page is asked while the individuals' last page is still on its way, and the copy is the same", async () => {
    const node = fed.nodes.find((n) => n.id === 'FI');
    // Pages of 100: 400 individuals in 4 pages, so the window has room beside the last one.
    node?.setFaults({ pageCap: 100 });
    let variantsAsked: () => void = () => undefined;
    const variantsFirst = new Promise<void>((resolve) => (variantsAsked = resolve));
    let askedWhileHeld: boolean | undefined;
    const spy: typeof fetch = async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      const body = typeof init?.body === 'string' ? init.body : '';
      if (variantPage(input, init) === 0) variantsAsked();
      if (url.endsWith('/datasets/FI-RD-01/individuals') && body.includes('"skip":3,')) {
        // The last individuals page is held until the variants' first page is asked (or 5 s).
        askedWhileHeld = await Promise.race([
          variantsFirst.then(() => true),
          new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5000)),
        ]);
      }
      return fetch(input, init);
    };
    const h = await signedIn({ fed, dataDir: tmp('vault-ahead-'), user: 'clinician', fetch: spy });
    try {
      const { jobId } = await h.invoke('pull:start', target);
      const done = await h.until(jobId, (p) => p.state !== 'running');
      expect(done).toMatchObject({ state: 'done', records: 400 + 1153 });
      expect(askedWhileHeld).toBe(true);
      await expectEveryGenotypeOnce(h);
    } finally {
      node?.setFaults({});
      h.close();
    }
  }, 120_000);

  it('issue 20: the node is kept answering PULL_PAGES_IN_FLIGHT requests at once while earlier pages are checked and staged, never more, and the copy is the same', async () => {
    const node = fed.nodes.find((n) => n.id === 'FI');
    // Pages of 100 (4 individuals pages, 12 variants pages); every answer takes 150 ms more, so
    // requests overlap whenever the loop has them out together.
    node?.setFaults({ pageCap: 100 });
    let open = 0;
    let most = 0;
    const spy: typeof fetch = async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (!/\/datasets\/FI-RD-01\/(individuals|g_variants)$/.test(url)) return fetch(input, init);
      open += 1;
      most = Math.max(most, open);
      try {
        const res = await fetch(input, init);
        const body = await res.arrayBuffer();
        await new Promise((resolve) => setTimeout(resolve, 150));
        return new Response(body, { status: res.status, headers: res.headers });
      } finally {
        open -= 1;
      }
    };
    const h = await signedIn({ fed, dataDir: tmp('vault-busy-'), user: 'clinician', fetch: spy });
    try {
      const { jobId } = await h.invoke('pull:start', target);
      const done = await h.until(jobId, (p) => p.state !== 'running');
      expect(done).toMatchObject({ state: 'done', records: 400 + 1153 });
      expect(most).toBe(PULL_PAGES_IN_FLIGHT);
      await expectEveryGenotypeOnce(h);
    } finally {
      node?.setFaults({});
      h.close();
    }
  }, 120_000);

  it('issue 20: a hostile record on a page fetched ahead is refused with its place, and nothing is kept', async () => {
    const spy: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (variantPage(input, init) !== 2) return res;
      const json = (await res.json()) as {
        response: { resultSets: { results: { caseLevelData: { biosampleId: unknown }[] }[] }[] };
      };
      const record = json.response.resultSets[0]?.results[3];
      if (record?.caseLevelData[0] !== undefined) record.caseLevelData[0].biosampleId = 42;
      return Response.json(json);
    };
    const dataDir = tmp('vault-hostile-');
    const h = await signedIn({ fed, dataDir, user: 'clinician', fetch: spy });
    try {
      const { jobId } = await h.invoke('pull:start', target);
      const end = await h.until(jobId, (p) => p.state !== 'running');
      expect(end.state).toBe('failed');
      expect(end.message).toBe(
        'Node FI: variant record 3 does not follow the Beacon model (at "caseLevelData.0.biosampleId").',
      );
      expect((await h.invoke('vault:list')).datasets).toEqual([]);
      // The staged pages went with the job: no page, cursor or scratch file is left.
      const vault = join(dataDir, 'vault');
      expect(walk(vault).filter((f) => f.includes(jobId))).toEqual([]);
      expect(walk(vault).some((f) => f.includes('.staging') && existsSync(f))).toBe(false);
    } finally {
      h.close();
    }
  }, 120_000);

  it('issue 20: a hostile page mid-pull over an existing copy fails the new pull and leaves the previous copy as it was (decision 0060: rows go into the build as pages arrive)', async () => {
    let hostile = false;
    const spy: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (!hostile || variantPage(input, init) !== 1) return res;
      const json = (await res.json()) as {
        response: { resultSets: { results: { variantInternalId: unknown }[] }[] };
      };
      const record = json.response.resultSets[0]?.results[7];
      if (record !== undefined) record.variantInternalId = '';
      return Response.json(json);
    };
    const dataDir = tmp('vault-keep-');
    const h = await signedIn({ fed, dataDir, user: 'clinician', fetch: spy });
    try {
      const first = await h.invoke('pull:start', target);
      expect((await h.until(first.jobId, (p) => p.state !== 'running')).state).toBe('done');
      const before = (await h.invoke('vault:list')).datasets;
      hostile = true;
      const second = await h.invoke('pull:start', target);
      const end = await h.until(second.jobId, (p) => p.state !== 'running');
      expect(end.state).toBe('failed');
      expect(end.message).toBe(
        'Node FI: variant record 7 does not follow the Beacon model (at "variantInternalId").',
      );
      expect((await h.invoke('vault:list')).datasets).toEqual(before);
      await expectEveryGenotypeOnce(h);
      const vault = join(dataDir, 'vault');
      expect(walk(vault).filter((f) => f.includes(second.jobId))).toEqual([]);
    } finally {
      h.close();
    }
  }, 180_000);
});
