import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS, datasetVisaValue, nodeDacSource } from '../catalogue';
import type { GroundTruth } from '../generator/index';
import { GENES, geneBySymbol } from '../reference/index';
import { validateBeaconResponse } from './schemas';
import { call, smallData, startTestNode } from './testing/fixture';
import { startPassportIssuer, visaPayload, type PassportIssuer } from './testing/passportIssuer';

let truth: GroundTruth;
let node: Awaited<ReturnType<typeof startTestNode>>;
let issuer: PassportIssuer;
let token = '';

beforeAll(async () => {
  const data = await smallData();
  truth = data.truth;
  issuer = await startPassportIssuer();
  const grants = DATASETS.filter((d) => d.node === 'FI').map((d) =>
    issuer.sign(
      visaPayload(issuer.iss, 'qa', {
        type: 'ControlledAccessGrants',
        value: datasetVisaValue(d),
        source: nodeDacSource('FI'),
        by: 'dac',
      }),
    ),
  );
  node = await startTestNode('FI', data.dir, {
    trustedIssuers: [{ iss: issuer.iss, jku: issuer.jku }],
    registerAtBrokers: () => Promise.resolve([issuer.client]),
  });
  token = await issuer.tokenFor('qa', await Promise.all(grants), { aud: node.resource });
});
afterAll(async () => {
  await node.close();
  await issuer.close();
});

interface Sets {
  status: number;
  summary: { exists: boolean; numTotalResults?: number };
  sets: Map<string, { resultsCount: number; results: Record<string, unknown>[] }>;
}

/** Calls with record access and validates the envelope and every record against schemas.ts (BCN-04). */
async function q(path: string, body?: unknown): Promise<Sets> {
  const r = await call(node.beaconUrl, path, { token, ...(body !== undefined ? { body } : {}) });
  const entity = (['individuals', 'biosamples', 'g_variants'] as const).find((e) =>
    path.split('?')[0]?.endsWith(e),
  );
  validateBeaconResponse(r.body, entity);
  const response = r.body.response as
    | { resultSets?: { id: string; resultsCount: number; results: Record<string, unknown>[] }[] }
    | undefined;
  return {
    status: r.status,
    summary: r.body.responseSummary ?? { exists: false },
    sets: new Map((response?.resultSets ?? []).map((s) => [s.id, s])),
  };
}

const ds = (id: string) => {
  const d = truth.datasets[id];
  if (!d) throw new Error(`no truth for ${id}`);
  return d;
};

/** Genes that overlap no other gene, so a region query over the span equals the gene query. */
function isolatedGene(datasetId: string): string {
  const found = Object.keys(ds(datasetId).genes).find((g) => {
    const gene = geneBySymbol(g);
    return (
      gene &&
      !GENES.some(
        (o) =>
          o.symbol !== g && o.chrom === gene.chrom && o.start <= gene.end && o.end >= gene.start,
      )
    );
  });
  if (!found) throw new Error('no isolated gene');
  return found;
}

describe('BCN query semantics against ground truth (FI node, record access)', () => {
  it('gene queries: variant and carrier counts per dataset', async () => {
    for (const id of ['FI-RD-01', 'FI-NE-01']) {
      for (const [gene, t] of Object.entries(ds(id).genes).slice(0, 5)) {
        const v = await q(`/g_variants?geneId=${gene}&requestedGranularity=count&datasetIds=${id}`);
        expect(v.sets.get(id)?.resultsCount, `${id} ${gene} variants`).toBe(t.variants);
        const i = await q(
          `/individuals?geneId=${gene}&requestedGranularity=count&datasetIds=${id}`,
        );
        expect(i.sets.get(id)?.resultsCount, `${id} ${gene} carriers`).toBe(t.carriers);
      }
    }
  });

  it('region (range) query over an isolated gene equals the gene query', async () => {
    const gene = isolatedGene('FI-RD-01');
    const g = geneBySymbol(gene);
    if (!g) throw new Error('gene');
    const r = await q(
      `/g_variants?referenceName=${g.chrom}&start=${g.start - 1}&end=${g.end}&requestedGranularity=count&datasetIds=FI-RD-01`,
    );
    expect(r.sets.get('FI-RD-01')?.resultsCount).toBe(ds('FI-RD-01').genes[gene]?.variants);
  });

  it('issue 18: referenceName in every form the Beacon RefSeqId allows names the same sequence', async () => {
    const gene = isolatedGene('FI-RD-01');
    const g = geneBySymbol(gene);
    if (!g) throw new Error('gene');
    const n = g.chrom === 'X' ? 23 : g.chrom === 'Y' ? 24 : Number(g.chrom);
    const refseq = `NC_0000${String(n).padStart(2, '0')}.${n}`;
    const want = ds('FI-RD-01').genes[gene]?.variants;
    for (const name of [g.chrom, `chr${g.chrom}`, refseq, `refseq:${refseq}`]) {
      const r = await q(
        `/g_variants?referenceName=${name}&start=${g.start - 1}&end=${g.end}&requestedGranularity=count&datasetIds=FI-RD-01`,
      );
      expect(r.status, name).toBe(200);
      expect(r.sets.get('FI-RD-01')?.resultsCount, name).toBe(want);
    }
    // The mitochondrion (a trio's MT allele): a sequence the node knows, not a bad request.
    for (const name of ['MT', 'chrM', 'M', 'NC_012920.1', 'refseq:NC_012920.1']) {
      const r = await q(
        `/g_variants?referenceName=${name}&start=3242&referenceBases=A&alternateBases=G&requestedGranularity=count&datasetIds=FI-RD-01`,
      );
      expect(r.status, name).toBe(200);
      expect(r.sets.get('FI-RD-01')?.resultsCount ?? 0, name).toBe(0);
    }
  });

  it('sequence query of planted variants: carriers, AF and caseLevelData', async () => {
    for (const [vid, p] of Object.entries(ds('FI-RD-01').planted).slice(0, 4)) {
      const [chrom, pos, ref, alt] = vid.split('-');
      const params = `referenceName=${chrom ?? ''}&start=${Number(pos) - 1}&referenceBases=${ref ?? ''}&alternateBases=${alt ?? ''}&datasetIds=FI-RD-01`;
      const v = await q(`/g_variants?${params}&requestedGranularity=record`);
      const rec = v.sets.get('FI-RD-01')?.results[0] as {
        variantInternalId: string;
        caseLevelData: unknown[];
        frequencyInPopulations: { frequencies: { alleleFrequency: number }[] }[];
      };
      expect(rec.variantInternalId).toBe(vid);
      const handover = (
        v.sets.get('FI-RD-01') as { resultsHandovers?: { url: string }[] } | undefined
      )?.resultsHandovers?.[0];
      expect(handover?.url).toBe(`${node.htsgetUrl}/variants/FI-RD-01`);
      expect(rec.caseLevelData).toHaveLength(p.carriers);
      expect(rec.frequencyInPopulations[0]?.frequencies[0]?.alleleFrequency).toBeCloseTo(p.af, 10);
      const i = await q(`/individuals?${params}&requestedGranularity=count`);
      expect(i.sets.get('FI-RD-01')?.resultsCount).toBe(p.carriers);
      const byId = await q(
        `/g_variants/${vid}/individuals?requestedGranularity=count&datasetIds=FI-RD-01`,
      );
      expect(byId.sets.get('FI-RD-01')?.resultsCount).toBe(p.carriers);
    }
  });

  it('HPO filters with and without descendant terms', async () => {
    for (const [term, t] of Object.entries(ds('FI-NE-01').hpo).slice(0, 6)) {
      const get = await q(
        `/individuals?filters=${term}&requestedGranularity=count&datasetIds=FI-NE-01`,
      );
      expect(get.sets.get('FI-NE-01')?.resultsCount ?? 0, `${term} with descendants`).toBe(
        t.withDescendants,
      );
      const exact = await q('/individuals', {
        meta: { apiVersion: 'v2.1.1' },
        query: {
          filters: [{ id: term, includeDescendantTerms: false }],
          requestedGranularity: 'count',
          requestParameters: { datasetIds: ['FI-NE-01'] },
          includeResultsetResponses: 'ALL',
        },
      });
      expect(exact.sets.get('FI-NE-01')?.resultsCount, `${term} exact`).toBe(t.exact);
    }
  });

  it('NCIT sex filter and alphanumeric sex filter agree with ground truth', async () => {
    const t = ds('FI-RD-01').sex;
    const f = await q(
      '/individuals?filters=NCIT:C16576&requestedGranularity=count&datasetIds=FI-RD-01',
    );
    expect(f.sets.get('FI-RD-01')?.resultsCount).toBe(t.female);
    const a = await q('/individuals', {
      meta: { apiVersion: 'v2.1.1' },
      query: {
        filters: [{ id: 'sex', operator: '!', value: 'female' }],
        requestedGranularity: 'count',
        requestParameters: { datasetIds: 'FI-RD-01' },
      },
    });
    expect(a.sets.get('FI-RD-01')?.resultsCount).toBe(t.male + t.unknown);
  });

  it('pagination (skip = pages) returns every record exactly once', async () => {
    for (const [entity, total] of [
      ['individuals', ds('FI-RD-01').individuals],
      ['g_variants', ds('FI-RD-01').variants],
    ] as const) {
      const seen: string[] = [];
      const limit = entity === 'individuals' ? 37 : 250;
      for (let skip = 0; skip * limit < total + limit; skip++) {
        const page = await q(
          `/${entity}?requestedGranularity=record&datasetIds=FI-RD-01&limit=${limit}&skip=${skip}`,
        );
        const results = page.sets.get('FI-RD-01')?.results ?? [];
        expect(results.length).toBeLessThanOrEqual(limit);
        seen.push(...results.map((r) => String(r.id ?? r.variantInternalId)));
        if (results.length < limit) break;
      }
      expect(seen).toHaveLength(total);
      expect(new Set(seen).size).toBe(total);
    }
  });

  it('GET and POST of the same query give the same responseSummary (STANDARDS 3.6.2)', async () => {
    const cases: [string, Record<string, unknown>, string[]][] = [
      ['geneId=BRCA1', { geneId: 'BRCA1' }, []],
      [
        'referenceName=17&start=43044294&end=43125483',
        { referenceName: '17', start: [43044294], end: [43125483] },
        [],
      ],
      ['', {}, ['HP:0001250']],
    ];
    for (const entity of ['g_variants', 'individuals']) {
      for (const [qs, rp, filters] of cases) {
        const f = filters.length > 0 ? `&filters=${filters.join(',')}` : '';
        const get = await q(`/${entity}?${qs}${f}&requestedGranularity=count`);
        const post = await q(`/${entity}`, {
          meta: { apiVersion: 'v2.1.1' },
          query: { requestParameters: rp, filters, requestedGranularity: 'count' },
        });
        expect(post.summary).toEqual(get.summary);
      }
    }
  });

  it('cross-entity routes: datasets, cohorts, individuals → biosamples/g_variants', async () => {
    const t = ds('FI-RD-01');
    expect(
      (await q('/datasets/FI-RD-01/individuals?requestedGranularity=count')).summary
        .numTotalResults,
    ).toBe(t.individuals);
    expect(
      (await q('/cohorts/FI-RD-01-cohort/individuals?requestedGranularity=count')).summary
        .numTotalResults,
    ).toBe(t.individuals);
    expect(
      (await q('/datasets/FI-RD-01/g_variants?requestedGranularity=count')).summary.numTotalResults,
    ).toBe(t.variants);
    const first = (
      await q('/individuals?requestedGranularity=record&datasetIds=FI-RD-01&limit=1')
    ).sets.get('FI-RD-01')?.results[0];
    const id = String(first?.id);
    const bs = await q(`/individuals/${id}/biosamples?requestedGranularity=record`);
    expect(bs.summary.numTotalResults).toBe(1);
    const vs = await q(`/individuals/${id}/g_variants?requestedGranularity=record&limit=1000`);
    for (const rec of vs.sets.get('FI-RD-01')?.results ?? []) {
      expect((rec.caseLevelData as { individualId: string }[]).map((c) => c.individualId)).toEqual([
        id,
      ]);
    }
    const bsId = String(bs.sets.get('FI-RD-01')?.results[0]?.id);
    expect((await q(`/biosamples/${bsId}/g_variants?requestedGranularity=count`)).summary).toEqual(
      (await q(`/individuals/${id}/g_variants?requestedGranularity=count`)).summary,
    );
  });
});
