import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Tests only: the federation's own ontology says which terms a node counts as descendants.
import { hpoDescendants } from '../../../federation/reference';
import { groundTruth } from '../pull/testing/groundTruth';
import {
  sharedTokenFederation,
  type ReadOnlyTokenFederation,
} from '../search/testing/tokenFederation';
import type { SeenHarness } from './testing/seenHarness';
import { openSeenHarness } from './testing/seenHarness';

// A Dravet patient (the demo's planted SCN1A allele, the model's terms and one unrelated term).
const KEY = '2-166002500-C-T';
const TERMS = ['HP:0002373', 'HP:0032794', 'HP:0001263', 'HP:0000365'];
let demo: ReadOnlyTokenFederation;
let h: SeenHarness;
const bodies: { url: string; body: string; auth: string | undefined }[] = [];
/** The node's public /filtering_terms read for its spelling of the term ids (decision 0101). */
const termReads: { method: string; body: string; auth: string | undefined }[] = [];
let close: () => void = () => undefined;

beforeAll(async () => {
  demo = sharedTokenFederation();
  // A node that records exactly what it receives (and answers nothing useful).
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      if ((req.url ?? '').split('?')[0]?.endsWith('/filtering_terms'))
        termReads.push({ method: req.method ?? '', body, auth: req.headers.authorization });
      else bodies.push({ url: req.url ?? '', body, auth: req.headers.authorization });
      res.writeHead(500).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  close = () => server.close();
  const port = (server.address() as AddressInfo).port;
  const withRecorder = () => {
    const d = demo.directory();
    const rec = { id: 'REC', name: 'Recorder', country: 'Nowhere' };
    return { ...d, nodes: [...d.nodes, { ...rec, beaconUrl: `http://127.0.0.1:${port}/api` }] };
  };
  h = await openSeenHarness(withRecorder, 'LIKE-1', KEY, TERMS);
  h.useTokens(await demo.tokenFor('clinician'));
}, 120_000);
afterAll(async () => {
  close();
  await h.close();
});

/** Individuals of every node's datasets carrying an SCN1A allele and every term (with descendants). */
async function expected(terms: readonly string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  const sets = terms.map((t) => hpoDescendants(t));
  for (const [ds, d] of Object.entries(demo.truth.datasets)) {
    const genes = new Map(
      (await groundTruth(d.node, ds, 'variants')).map((v) => [v.variant_key, v.gene]),
    );
    const carriers = new Set(
      (await groundTruth(d.node, ds, 'genotypes'))
        .filter((g) => g.zygosity !== 'ref' && genes.get(g.variant_key) === 'SCN1A')
        .map((g) => String(g.individual_id)),
    );
    const hits = (await groundTruth(d.node, ds, 'individuals')).filter((i) => {
      const p = i.phenotypes as string[];
      return carriers.has(String(i.individual_id)) && sets.every((s) => p.some((x) => s.has(x)));
    });
    if (hits.length > 0) out.set(ds, new Set(hits.map((i) => String(i.individual_id))));
  }
  return out;
}

describe('issue 18: patients like mine, against the demo federation', () => {
  it('issue 18: offers the case’s terms most informative first', async () => {
    const { terms, unknown } = await h.call('seen:likeTerms', { caseId: 'LIKE-1' });
    expect(unknown).toEqual([]);
    expect(terms.map((t) => t.id).sort()).toEqual([...TERMS].sort());
    const ics = terms.map((t) => t.ic);
    expect(ics).toEqual([...ics].sort((a, b) => b - a));
  });

  it('issue 18: the preview lists exactly what each node receives; the query is audited; the planted matches are found and no others', async () => {
    const { terms } = await h.call('seen:likeTerms', { caseId: 'LIKE-1' });
    const chosen = terms.slice(0, 2).map((t) => t.id);
    const preview = await h.call('seen:likePreview', {
      caseId: 'LIKE-1',
      gene: 'SCN1A',
      terms: chosen,
    });
    expect(preview.sent.map((s) => s.nodeId)).toEqual(['FI', 'IT', 'ES', 'PT', 'SE', 'REC']);
    expect(bodies).toEqual([]);
    // Before consent only the node's public terms may be read (anonymous GET, nothing of the case).
    for (const r of termReads) expect(r).toEqual({ method: 'GET', body: '', auth: undefined });
    const queryId = `like-${crypto.randomUUID()}`;
    await h.call('seen:likeRun', { queryId, caseId: 'LIKE-1', gene: 'SCN1A', terms: chosen });
    await h.finished(queryId);
    const rec = preview.sent.find((s) => s.nodeId === 'REC');
    expect(bodies).toEqual([
      { url: new URL(rec?.url ?? '').pathname, body: rec?.body, auth: undefined },
    ]);
    // Only the gene and the chosen term ids leave the machine.
    const sent = JSON.parse(bodies[0]?.body ?? '{}') as { query: Record<string, unknown> };
    expect(sent.query.requestParameters).toEqual({ geneId: 'SCN1A' });
    expect(sent.query.filters).toEqual(chosen.map((id) => ({ id, includeDescendantTerms: true })));
    expect(bodies[0]?.body).not.toMatch(/LIKE-1|P-LIKE-1|166002500|HP:0000365/);

    const truth = await expected(chosen);
    const planted = Object.entries(demo.truth.datasets)
      .filter(([, d]) => (d.planted[KEY]?.carriers ?? 0) > 0)
      .map(([id]) => id);
    expect([...truth.keys()].sort()).toEqual(planted.sort());
    const final = new Map(
      h.likeUpdates
        .filter((u) => u.queryId === queryId && !['waiting', 'slow'].includes(u.status))
        .map((u) => [u.nodeId, u]),
    );
    expect(final.get('REC')?.status).toBe('error');
    let records = 0;
    for (const [nodeId, u] of final) {
      if (nodeId === 'REC') continue;
      expect(u.status, nodeId).toBe('ok');
      for (const ds of u.datasets ?? []) {
        const want = truth.get(ds.id) ?? new Set<string>();
        expect(ds.exists, ds.id).toBe(want.size > 0);
        if (ds.granularity !== 'record') continue;
        const got = (u.records ?? []).filter((r) => r.datasetId === ds.id);
        expect(new Set(got.map((r) => r.id)), ds.id).toEqual(want);
        for (const r of got) expect(u.scores?.[`${ds.id}/${r.id}`], r.id).toBeGreaterThan(0);
        records += got.length;
      }
    }
    expect(records).toBeGreaterThan(0);
    const log = await h.call('audit:list', { types: ['seen.like'] });
    expect(log.rows).toHaveLength(1);
    expect(log.rows[0]?.sealed).toBe(true);
    expect(log.rows[0]?.fields).toMatchObject({ nodes: ['FI', 'IT', 'ES', 'PT', 'SE', 'REC'] });
    expect(JSON.stringify(log.rows[0]?.fields)).not.toMatch(/SCN1A|LIKE-1/);
  });

  it('issue 18: the run is stored sealed with the case (the exact requests, nodes and time); reopened offline it shows the same answers as of then', async () => {
    const { terms } = await h.call('seen:likeTerms', { caseId: 'LIKE-1' });
    const chosen = terms.slice(0, 2).map((t) => t.id);
    const preview = await h.call('seen:likePreview', {
      caseId: 'LIKE-1',
      gene: 'SCN1A',
      terms: chosen,
    });
    const queryId = `like-${crypto.randomUUID()}`;
    const before = new Date().toISOString();
    await h.call('seen:likeRun', { queryId, caseId: 'LIKE-1', gene: 'SCN1A', terms: chosen });
    await h.finished(queryId);
    const final = new Map(
      h.likeUpdates.filter((u) => u.queryId === queryId).map((u) => [u.nodeId, u]),
    );
    const live = demo.directory();
    h.useDirectory(() => ({
      ...live,
      nodes: live.nodes.map((n) => ({ ...n, beaconUrl: 'http://127.0.0.1:9/api' })),
    }));
    try {
      await h.call('case:open', { caseId: 'LIKE-1' });
      const { runs } = await h.call('seen:likeStored', { caseId: 'LIKE-1' });
      const run = runs.find((r) => r.queryId === queryId);
      expect(run?.sent).toEqual(preview.sent);
      expect(run?.terms.map((t) => t.id)).toEqual(chosen);
      expect(run?.gene).toBe('SCN1A');
      expect((run?.at ?? '') >= before).toBe(true);
      expect(run?.nodes.map((n) => n.nodeId)).toEqual(['FI', 'IT', 'ES', 'PT', 'SE', 'REC']);
      for (const n of run?.nodes ?? []) expect(n, n.nodeId).toEqual(final.get(n.nodeId));
      expect(run?.nodes.some((n) => (n.records ?? []).length > 0)).toBe(true);
    } finally {
      h.useDirectory(() => live);
    }
    // Sealed: neither the gene nor a term is readable in the case folder's file.
    const file = findFile(h.dir, 'like.sealed');
    expect(file).toBeDefined();
    expect(readFileSync(file ?? '').toString('latin1')).not.toMatch(/SCN1A|HP:0/);
  });

  it('issue 18: a term that is not the case’s is refused, so nothing else of the patient can be sent', async () => {
    const r = await h.invoke('seen:likePreview', {
      caseId: 'LIKE-1',
      gene: 'SCN1A',
      terms: ['HP:0001250'],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'INVALID_REQUEST', where: 'terms' });
  });
});

/** The first file of that name under a folder (the case folder's name is the vault's). */
function findFile(dir: string, name: string): string | undefined {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isFile() && e.name === name) return path;
    if (e.isDirectory()) {
      const hit = findFile(path, name);
      if (hit !== undefined) return hit;
    }
  }
  return undefined;
}
