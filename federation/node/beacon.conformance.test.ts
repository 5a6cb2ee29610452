/**
 * Conformance (BCN-04, STANDARDS 3.5/3.6.1): validates live node responses against the official Beacon
 * v2.1.1 JSON schemas with ajv, the way the verifiers pick envelopes (by returnedGranularity / collections)
 * and validating every record against the default model. Skips with a reason when ../shared (COHORT_DESK_SHARED) is absent.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS, datasetVisaValue, nodeDacSource } from '../catalogue';
import { call, smallData, startTestNode } from './testing/fixture';
import { startPassportIssuer, visaPayload, type PassportIssuer } from './testing/passportIssuer';
import { sharedSpecsFolder } from '../sharedFolder';

const SPECS = sharedSpecsFolder();
const BEACON = join(SPECS, 'beacon-v2.1.1');
const VRS = join(SPECS, 'vrs-1.3.0', 'vrs.json');
const BASE = 'https://raw.githubusercontent.com/ga4gh-beacon/beacon-v2/main/';
const VRS_ID = 'https://w3id.org/ga4gh/schema/vrs/1.3/vrs.json';
const present = existsSync(BEACON) && existsSync(VRS);
if (!present)
  process.stdout.write(`beacon.conformance: skipped, official schemas not found under ${SPECS}\n`);

function schemaFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name.startsWith('examples') ? [] : schemaFiles(p);
    return name.endsWith('.json') && name !== 'endpoints.json' ? [p] : [];
  });
}

/** Loads every schema under its canonical raw.githubusercontent URL so relative and remote $refs resolve locally. */
function loadAjv(): Ajv2020 {
  // validateSchema off: VRS 1.3 (draft-07) uses a non-boolean `deprecated`, which 2020-12 meta-validation rejects.
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    validateFormats: true,
    validateSchema: false,
  });
  const addFormats = addFormatsModule as unknown as (a: Ajv2020) => void;
  addFormats(ajv);
  for (const file of [
    ...schemaFiles(join(BEACON, 'framework', 'json')),
    ...schemaFiles(join(BEACON, 'models', 'json')),
  ]) {
    const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    delete schema.$schema;
    ajv.addSchema({ ...schema, $id: BASE + relative(BEACON, file) });
  }
  // The model's `../common/info.json` ref points at a file that only exists under framework/json/common: alias it.
  const info = JSON.parse(
    readFileSync(join(BEACON, 'framework', 'json', 'common', 'info.json'), 'utf8'),
  ) as Record<string, unknown>;
  delete info.$schema;
  ajv.addSchema({ ...info, $id: `${BASE}models/json/beacon-v2-default-model/common/info.json` });
  const vrs = JSON.parse(readFileSync(VRS, 'utf8')) as Record<string, unknown>;
  delete vrs.$schema;
  ajv.addSchema({ ...vrs, $id: VRS_ID });
  return ajv;
}

const FW = `${BASE}framework/json/responses/`;
const MODEL = `${BASE}models/json/beacon-v2-default-model/`;
const RECORD_SCHEMA: Record<string, string> = {
  individuals: `${MODEL}individuals/defaultSchema.json`,
  biosamples: `${MODEL}biosamples/defaultSchema.json`,
  g_variants: `${MODEL}genomicVariations/defaultSchema.json`,
  datasets: `${MODEL}datasets/defaultSchema.json`,
  cohorts: `${MODEL}cohorts/defaultSchema.json`,
};

describe.skipIf(!present)('Beacon v2.1.1 official schema conformance (ajv)', () => {
  let ajv: Ajv2020;
  let node: Awaited<ReturnType<typeof startTestNode>>;
  let issuer: PassportIssuer;
  let token = '';

  beforeAll(async () => {
    ajv = loadAjv();
    const data = await smallData();
    issuer = await startPassportIssuer();
    const grant = DATASETS.find((d) => d.id === 'FI-RD-01');
    if (!grant) throw new Error('catalogue');
    node = await startTestNode('FI', data.dir, {
      trustedIssuers: [{ iss: issuer.iss, jku: issuer.jku }],
      registerAtBrokers: () => Promise.resolve([issuer.client]),
    });
    token = await issuer.tokenFor(
      'qa',
      [
        await issuer.sign(
          visaPayload(issuer.iss, 'qa', {
            type: 'ControlledAccessGrants',
            value: datasetVisaValue(grant),
            source: nodeDacSource('FI'),
            by: 'dac',
          }),
        ),
      ],
      { aud: node.resource },
    );
  });
  afterAll(async () => {
    await node.close();
    await issuer.close();
  });

  function check(schemaUrl: string, doc: unknown): void {
    const validate = ajv.getSchema(schemaUrl);
    if (!validate) throw new Error(`schema not loaded: ${schemaUrl}`);
    const ok = validate(doc);
    expect(ok ? [] : validate.errors?.slice(0, 5), schemaUrl).toEqual([]);
  }

  it('framework endpoints', async () => {
    const cases: [string, string][] = [
      ['/info', 'beaconInfoResponse.json'],
      ['/configuration', 'beaconConfigurationResponse.json'],
      ['/map', 'beaconMapResponse.json'],
      ['/entry_types', 'beaconEntryTypesResponse.json'],
      ['/filtering_terms', 'beaconFilteringTermsResponse.json'],
      ['/service-info', 'ga4gh-service-info-1-0-0-schema.json'],
    ];
    for (const [path, schema] of cases) check(FW + schema, (await call(node.beaconUrl, path)).body);
  });

  it('error envelopes', async () => {
    for (const path of ['/nope', '/individuals?filters=FOO:1', '/individuals/NOBODY']) {
      check(`${FW}beaconErrorResponse.json`, (await call(node.beaconUrl, path)).body);
    }
  });

  it('entry-type responses at each granularity, with every record against the default model', async () => {
    const paths = [
      '/individuals',
      '/biosamples',
      '/g_variants?geneId=BRCA1',
      '/individuals?filters=HP:0001250',
      '/g_variants?referenceName=17&start=43044294&end=43125483',
      '/individuals?geneId=BRCA1',
    ];
    for (const base of paths) {
      for (const gran of ['boolean', 'count', 'record']) {
        const path = `${base}${base.includes('?') ? '&' : '?'}requestedGranularity=${gran}&limit=50`;
        const body = (await call(node.beaconUrl, path, { token })).body as {
          meta: { returnedGranularity: string };
          response?: { resultSets: { results: unknown[] }[] };
        };
        const envelope = {
          boolean: 'beaconBooleanResponse.json',
          count: 'beaconCountResponse.json',
          record: 'beaconResultsetsResponse.json',
        }[body.meta.returnedGranularity];
        check(FW + (envelope ?? 'missing'), body);
        const entity = base.split('?')[0]?.slice(1) ?? '';
        for (const set of body.response?.resultSets ?? [])
          for (const rec of set.results) check(RECORD_SCHEMA[entity] ?? '', rec);
      }
    }
  });

  it('collections: datasets and cohorts', async () => {
    for (const kind of ['datasets', 'cohorts']) {
      const body = (await call(node.beaconUrl, `/${kind}`, { token })).body as {
        response: { collections: unknown[] };
      };
      check(`${FW}beaconCollectionsResponse.json`, body);
      for (const c of body.response.collections) check(RECORD_SCHEMA[kind] ?? '', c);
    }
  });
});
