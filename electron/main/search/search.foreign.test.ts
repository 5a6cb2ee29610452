import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeUpdate, VariantRow } from '../../../shared/search/results';
import { createHarness } from './testing/searchHarness';
import { startTokenFederation, type TokenFederation } from './testing/tokenFederation';

// The foreign node DE serves SE's data lifted to GRCh37, in Beacon v2.0 shapes, with opaque ids
// (federation/foreign/). Over the same data, Search must give the same answers at both nodes.
let demo: TokenFederation;
let tokenFor: Awaited<ReturnType<TokenFederation['tokenFor']>>;
beforeAll(async () => {
  demo = await startTokenFederation({ foreignNode: true });
  await demo.fed.aai.admin.grant('clinician', 'DE-CA-01');
  tokenFor = await demo.tokenFor('clinician');
}, 180_000);
afterAll(async () => {
  await demo.close();
});

const harness = () => createHarness(() => demo.directory(), { getAccessToken: tokenFor });
const set = (u: NodeUpdate | undefined, id: string) => u?.datasets?.find((d) => d.id === id);
const keys = (u: NodeUpdate | undefined, datasetId: string): string[] =>
  (u?.records ?? [])
    .filter((r): r is VariantRow => r.kind === 'variant' && r.datasetId === datasetId)
    .map((r) => {
      const l = r.location;
      return `${l?.assembly ?? '?'} ${l?.chr ?? '?'}-${String((l?.start ?? -1) + 1)}-${l?.ref ?? ''}-${l?.alt ?? ''}`;
    })
    .sort();

describe('issue 15: Search against a GRCh37, Beacon v2.0-shaped node equals a conforming node', () => {
  it('a GRCh38 region query is converted for DE: same variants as SE, drawn at GRCh38 places', async () => {
    const { final } = await harness().search({
      genomic: '13:32315508-32400268',
      target: 'g_variants',
    });
    const se = final.get('SE');
    const de = final.get('DE');
    expect(de?.status, de?.message).toBe('ok');
    expect(de?.assembly).toEqual({ name: 'GRCh37', source: 'node' });
    expect(de?.asked).toMatch(/^GRCh37 13:3288\d{4}-3297\d{4}$/);
    expect(set(de, 'DE-CA-01')?.count).toEqual(set(se, 'SE-CA-01')?.count);
    expect(set(de, 'DE-CA-01')?.count?.value).toBeGreaterThan(0);
    expect(keys(de, 'DE-CA-01')).toEqual(keys(se, 'SE-CA-01'));
    expect(se?.assembly).toEqual({ name: 'GRCh38', source: 'directory' });
  });

  it('a variant query (planted BRCA2 c.5946del) finds the same carriers at both nodes', async () => {
    const { final } = await harness().search({ genomic: '13-32340300-GT-G' });
    const de = final.get('DE');
    expect(de?.asked).toMatch(/^GRCh37 13-329\d{5}-GT-G$/);
    const truth = demo.truth.datasets['SE-CA-01']?.planted['13-32340300-GT-G']?.carriers;
    expect(set(de, 'DE-CA-01')?.count).toEqual({ value: truth, precision: 'exact' });
    expect(set(final.get('SE'), 'SE-CA-01')?.count).toEqual({ value: truth, precision: 'exact' });
  });

  it('a gene query reads DE’s records by their VRS/HGVS place (opaque ids) and learns GRCh37', async () => {
    const { final } = await harness().search({ genomic: 'BRCA1', target: 'g_variants' });
    const de = final.get('DE');
    expect(de?.status).toBe('ok');
    expect(de?.assembly).toEqual({ name: 'GRCh37', source: 'records' });
    expect(keys(de, 'DE-CA-01')).toEqual(keys(final.get('SE'), 'SE-CA-01'));
    expect(keys(de, 'DE-CA-01').length).toBeGreaterThan(0);
    const row = de?.records?.find((r): r is VariantRow => r.kind === 'variant');
    expect(row?.id).toMatch(/^gv-/);
    expect(row?.nodePlace?.assembly).toBe('GRCh37');
  });

  it('hits in another assembly than asked are never shown as matches (issue 22: with a code)', async () => {
    const wrong = () => {
      const d = demo.directory();
      return {
        ...d,
        nodes: d.nodes.map((n) => (n.id === 'DE' ? { ...n, assembly: 'GRCh38' } : n)),
      };
    };
    const h = createHarness(wrong, { getAccessToken: tokenFor });
    const { final } = await h.search({ genomic: '13:32889000-32974000', target: 'g_variants' });
    const de = final.get('DE');
    expect(de?.status).toBe('error');
    expect(de?.message).toMatch(
      /answered with GRCh37 coordinates to a query in GRCh38 coordinates/,
    );
    // Issue 22: the same as a code the renderer words in the user's language.
    expect(de?.problem).toEqual({ code: 'other-assembly', assembly: 'GRCh37', askedIn: 'GRCh38' });
    expect(de?.datasets).toBeUndefined();
    expect(de?.records).toBeUndefined();
  });

  it('issue 15 item 4: every page of /filtering_terms is read (DE sends 10 per page by default)', async () => {
    const seen: string[] = [];
    const counting: typeof fetch = (input, init) => {
      seen.push(input instanceof Request ? input.url : input.toString());
      return fetch(input, init);
    };
    const h = createHarness(() => demo.directory(), { fetch: counting });
    const dravet = await h.service.suggest('filter', 'Dravet', 10);
    expect(dravet.find((t) => t.id === 'ORPHA:33069')?.detail).toMatch(/\bDE\b/);
    const pages = seen.filter((u) =>
      u.startsWith(
        `${demo.fed.info.nodes.find((n) => n.id === 'DE')?.beaconUrl ?? ''}/filtering_terms`,
      ),
    );
    expect(pages.length).toBeGreaterThan(3);
  });
});
