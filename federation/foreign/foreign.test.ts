import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../aai/testing/loginAs';
import { nodeToken } from '../aai/testing/nodeTokens';
import { startTestAai, type TestAai } from '../aai/testing/startTestAai';
import { createMemoryLogger } from '../node/log';
import { startNode, type NodeHandle } from '../node/server';
import { call, smallData, startTestNode } from '../node/testing/fixture';
import { liftToGrch37 } from '../reference/liftover';
import { FOREIGN_DATASETS, FOREIGN_NODE } from './catalogue';
import { ensureForeignData, type ForeignDataCard } from './data';
import { routeForeign } from './router';

let aai: TestAai;
let de: NodeHandle;
let se: NodeHandle;
let card: ForeignDataCard;
/** The clinician's token for each node: tokens are audience-restricted (decision 0015). */
const clinician = { de: '', se: '' };

interface Answer {
  meta: {
    apiVersion: string;
    returnedGranularity: string;
    returnedSchemas: unknown[];
    receivedRequestSummary: { pagination: { skip: number; limit: number } };
  };
  responseSummary: { exists: boolean; numTotalResults?: number };
  response?: { resultSets: Record<string, unknown>[] };
}

async function get(node: NodeHandle, path: string, token?: string): Promise<Answer> {
  const r = await call(node.beaconUrl, path, token === undefined ? {} : { token });
  expect(r.status).toBe(200);
  return r.body as unknown as Answer;
}

beforeAll(async () => {
  const data = await smallData();
  const foreign = await ensureForeignData(data.dir);
  card = foreign.card;
  aai = await startTestAai();
  await aai.admin.grant('clinician', 'DE-CA-01');
  const trustedIssuers = [{ iss: aai.issuer, jku: aai.jwksUri }];
  const registerAs = (name: string) => async (resource: string) => [
    { issuer: aai.issuer, ...(await aai.registerResourceServer({ resource, name })) },
  ];
  de = await startNode({
    node: FOREIGN_NODE,
    port: 0,
    dataDir: `${foreign.dir}/..`,
    extraDatasets: [...FOREIGN_DATASETS],
    beacon: routeForeign,
    htsget: false,
    trustedIssuers,
    logger: createMemoryLogger('node-DE'),
    registerAtBrokers: registerAs('DE'),
  });
  se = await startTestNode('SE', data.dir, { trustedIssuers, registerAtBrokers: registerAs('SE') });
  const signIn = (await loginAs({ issuer: aai.issuer, username: 'clinician' })).accessToken;
  clinician.de = await nodeToken(aai.issuer, signIn, de.resource);
  clinician.se = await nodeToken(aai.issuer, signIn, se.resource);
});
afterAll(async () => {
  await Promise.all([de.close(), se.close()]);
  await aai.dispose();
});

describe('the foreign node (issue 15: a Beacon that makes the other choices)', () => {
  it('serves the base data lifted to GRCh37 and lists what did not lift', () => {
    expect(card.base).toBe('SE');
    expect(card.lifted + card.dropped.length).toBe(card.variants);
    expect(card.lifted / card.variants).toBeGreaterThan(0.95);
  });

  it('caps pages at 100: skip counts pages of the size used, every record once, ids opaque', async () => {
    const seen = new Set<string>();
    let total = 0;
    for (let skip = 0; skip < 10; skip++) {
      const a = await get(
        de,
        `/datasets/DE-CA-01/individuals?requestedGranularity=record&limit=500&skip=${skip}`,
        clinician.de,
      );
      expect(a.meta.receivedRequestSummary.pagination).toEqual({ skip, limit: 100 });
      const set = a.response?.resultSets[0] as { results: { id: string }[] };
      total = a.responseSummary.numTotalResults ?? 0;
      if (set.results.length === 0) break;
      for (const r of set.results) seen.add(r.id);
    }
    expect(total).toBe(450);
    expect(seen.size).toBe(450);
    expect([...seen].every((id) => /^ind-[0-9a-f]{16}$/.test(id))).toBe(true);
  });

  it('answers in v2.0 shapes without the demo extension members', async () => {
    const a = await get(
      de,
      '/g_variants?geneId=BRCA2&requestedGranularity=record&limit=5',
      clinician.de,
    );
    expect(a.meta.apiVersion).toBe('v2.0.0');
    expect(a.meta.returnedSchemas.every((s) => typeof s === 'string')).toBe(true);
    const set = a.response?.resultSets[0] ?? {};
    expect(set).not.toHaveProperty('setType');
    expect(set).not.toHaveProperty('info');
    expect(set.resultsHandovers).toBeNull();
    const v = (set.results as Record<string, unknown>[])[0] ?? {};
    expect(v).not.toHaveProperty('info');
    expect(JSON.stringify(v)).toContain('refseq:NC_000013.10');
    expect(JSON.stringify(v)).toContain('GENO:0000458');
  });

  it('places every variant of a gene where the chain puts the conforming node’s (BRCA2)', async () => {
    const q = '/datasets/%s/g_variants?geneId=BRCA2&requestedGranularity=record&limit=100';
    const base = await get(se, q.replace('%s', 'SE-CA-01'), clinician.se);
    const foreign = await get(de, q.replace('%s', 'DE-CA-01'), clinician.de);
    type V = {
      variation: {
        referenceBases: string;
        alternateBases: string;
        location: { interval: { start: { value: number } } };
      };
    };
    const pos = (r: V) =>
      `${r.variation.location.interval.start.value + 1}-${r.variation.referenceBases}-${r.variation.alternateBases}`;
    const expected = (base.response?.resultSets[0]?.results as V[]).map((r) => {
      const to = liftToGrch37({
        chrom: '13',
        pos: r.variation.location.interval.start.value + 1,
        ref: r.variation.referenceBases,
        alt: r.variation.alternateBases,
      });
      return to === undefined ? undefined : `${to.pos}-${to.ref}-${to.alt}`;
    });
    const got = (foreign.response?.resultSets[0]?.results as V[]).map(pos);
    expect(got.sort()).toEqual(expected.filter((e) => e !== undefined).sort());
    expect(got.length).toBeGreaterThan(0);
  });

  it('states its assembly in /info and pages /filtering_terms (default 10)', async () => {
    const info = (await call(de.beaconUrl, '/info')).body as {
      response: { info: { assemblyId: string } };
    };
    expect(info.response.info.assemblyId).toBe('GRCh37');
    const first = (await call(de.beaconUrl, '/filtering_terms')).body as {
      response: { filteringTerms: { id: string }[] };
    };
    const second = (await call(de.beaconUrl, '/filtering_terms?skip=1')).body as {
      response: { filteringTerms: { id: string }[] };
    };
    expect(first.response.filteringTerms).toHaveLength(10);
    expect(second.response.filteringTerms[0]?.id).not.toBe(first.response.filteringTerms[0]?.id);
  });

  it('ignores datasetIds in the request body and publishes DUO ids of its own spelling', async () => {
    const body = {
      meta: { apiVersion: '2.0' },
      query: {
        requestParameters: { datasetIds: ['DE-CA-01'] },
        requestedGranularity: 'count',
        includeResultsetResponses: 'ALL',
      },
    };
    const r = await call(de.beaconUrl, '/individuals', { token: clinician.de, body });
    const sets = (r.body as unknown as Answer).response?.resultSets.map((s) => s.id);
    expect(sets).toEqual(['DE-CA-01', 'DE-NE-01']);
    const ds = (await call(de.beaconUrl, '/datasets')).body as {
      response: {
        collections: {
          id: string;
          info?: unknown;
          dataUseConditions: { duoDataUse: { id: string }[] };
        }[];
      };
    };
    expect(ds.response.collections.map((c) => c.info)).toEqual([undefined, undefined]);
    expect(
      ds.response.collections.find((c) => c.id === 'DE-NE-01')?.dataUseConditions.duoDataUse[0]?.id,
    ).toBe('DUO_0000042');
  });
});
