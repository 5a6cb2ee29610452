import { describe, expect, it } from 'vitest';
import type { PullFederation, PullHarness } from './testing/pullHarness';
import { signedIn, tmp, usePullFederation } from './testing/pullHarness';
import { vaultRows } from './testing/vaultRows';

// The foreign node DE (federation/foreign/) serves SE's data lifted to GRCh37, in v2.0 shapes,
// pages capped at 100, opaque ids, GENO zygosity, no allele counts, no local-copy hint (the
// directory records the agreement). A pull from it must hold exactly what a pull from SE holds.
let fed: PullFederation;
usePullFederation((started) => (fed = started), { foreignNode: true });

type Row = Record<string, unknown>;
const sortedJson = (rows: Row[], pick: (r: Row) => unknown): string[] =>
  rows.map((r) => JSON.stringify(pick(r))).sort();

async function pull(h: PullHarness, nodeId: string, datasetId: string): Promise<void> {
  const target = { nodeId, datasetId, purpose: 'clinical-care' } as const;
  expect(await h.invoke('pull:check', target)).toEqual({ allowed: true, reasons: [] });
  const { jobId } = await h.invoke('pull:start', target);
  const end = await h.until(jobId, (p) => p.state !== 'running');
  expect(end.message, `${datasetId}: ${end.message ?? ''}`).toBeUndefined();
  expect(end.state).toBe('done');
}

describe('issue 15: a pull from the foreign node equals a pull from the conforming node', () => {
  it('DE-CA-01 (GRCh37, page cap 100) holds exactly SE-CA-01’s individuals, variants and genotypes', async () => {
    await fed.aai.admin.grant('clinician', 'DE-CA-01');
    const h = await signedIn({ fed, dataDir: tmp('vault-foreign-'), user: 'clinician' });
    try {
      await pull(h, 'SE', 'SE-CA-01');
      await pull(h, 'DE', 'DE-CA-01');
      const rows = async (ds: string, t: 'individuals' | 'variants' | 'genotypes') =>
        vaultRows(h.services.vault, ds, t);
      const [seInd, deInd] = [
        await rows('SE-CA-01', 'individuals'),
        await rows('DE-CA-01', 'individuals'),
      ];
      expect(deInd).toHaveLength(450);
      expect(new Set(deInd.map((r) => r.individual_id)).size).toBe(450);
      expect(deInd.every((r) => /^ind-[0-9a-f]{16}$/.test(String(r.individual_id)))).toBe(true);
      // The birth-year band is a demo extension (info.birthYearBand), not in the default model:
      // the foreign node does not send it.
      expect(deInd.every((r) => r.age_band === null)).toBe(true);
      const person = (r: Row) => [r.sex, r.country, r.diseases, r.phenotypes];
      expect(sortedJson(deInd, person)).toEqual(sortedJson(seInd, person));

      const [seVar, deVar] = [
        await rows('SE-CA-01', 'variants'),
        await rows('DE-CA-01', 'variants'),
      ];
      // Lifted to GRCh37 at the node and back to GRCh38 in the app: the same keys and facts.
      const variant = (r: Row) => [
        r.variant_key,
        r.chrom,
        r.pos,
        r.ref,
        r.alt,
        r.gene,
        r.consequence,
        r.hgvs_c,
        r.ac,
        r.an,
      ];
      expect(deVar.length).toBeGreaterThan(1000);
      expect(sortedJson(deVar, variant)).toEqual(sortedJson(seVar, variant));

      const [seGt, deGt] = [
        await rows('SE-CA-01', 'genotypes'),
        await rows('DE-CA-01', 'genotypes'),
      ];
      const carriers = (gts: Row[]) => {
        const per = new Map<string, string[]>();
        for (const g of gts)
          per.set(String(g.variant_key), [
            ...(per.get(String(g.variant_key)) ?? []),
            String(g.zygosity),
          ]);
        return [...per].map(([k, z]) => `${k} ${z.sort().join(',')}`).sort();
      };
      expect(carriers(deGt)).toEqual(carriers(seGt));
      const manifest = (await h.invoke('vault:list')).datasets.find(
        (d) => d.datasetId === 'DE-CA-01',
      );
      expect(manifest?.rows).toEqual({
        individuals: 450,
        variants: deVar.length,
        genotypes: deGt.length,
      });
    } finally {
      h.close();
    }
  }, 240_000);

  it('the access view and refusals read the foreign node without its extension members', async () => {
    const h = await signedIn({ fed, dataDir: tmp('vault-foreign-access-'), user: 'researcher' });
    try {
      const access = new Map((await h.invoke('auth:session')).access.map((a) => [a.datasetId, a]));
      // No securityLevel member, and /configuration lists two levels: the strict reading, while
      // what the node returns (counts to a registered researcher) is what the table shows.
      expect(access.get('DE-NE-01')).toMatchObject({
        level: 'controlled',
        granularity: 'count',
        granularityFrom: 'node',
      });
      const check = await h.invoke('pull:check', {
        nodeId: 'DE',
        datasetId: 'DE-NE-01',
        purpose: 'research',
      });
      expect(check.allowed).toBe(false);
      expect(check.reasons).toContain(
        'The dataset\'s data use term "DUO_0000042" (general research use) is not a DUO term id (DUO:0000000), so it is an unknown term, which forbids the use.',
      );
    } finally {
      h.close();
    }
  }, 120_000);
});
