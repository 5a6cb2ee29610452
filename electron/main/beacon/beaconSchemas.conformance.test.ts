/**
 * Conformance (STANDARDS 3.6 test 2, BCN-04): the POST bodies this client sends validate against the
 * official beaconRequestBody schema, and the client's zod response schemas accept the official
 * example documents. Skips with a reason when the official schemas (../shared/specs) are absent.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { SearchQuerySchema } from '../../../shared/search/query';
import { postBody, queryParts } from './beaconRequest';
import { EntryResponseZ, ErrorResponseZ, FilteringTermsResponseZ } from './beaconSchemas';
import { SPECS } from './testing/officialSchemas';

const FRAMEWORK = join(SPECS, 'beacon-v2.1.1', 'framework', 'json');
const MODEL = join(
  SPECS,
  'beacon-v2.1.1',
  'models',
  'json',
  'beacon-v2-default-model',
  'genomicVariations',
);
const BASE = 'https://raw.githubusercontent.com/ga4gh-beacon/beacon-v2/main/framework/json/';
const MODEL_BASE =
  'https://raw.githubusercontent.com/ga4gh-beacon/beacon-v2/main/models/json/beacon-v2-default-model/genomicVariations/';
const present = existsSync(FRAMEWORK);
if (!present)
  process.stdout.write(`search conformance: skipped, official schemas not found under ${SPECS}\n`);

function files(dir: string, examples: boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory())
      return name.startsWith('examples') === examples || !name.startsWith('examples')
        ? files(p, examples)
        : [];
    return name.endsWith('.json') &&
      name !== 'endpoints.json' &&
      p.includes('examples') === examples
      ? [p]
      : [];
  });
}

const read = (p: string): Record<string, unknown> =>
  JSON.parse(readFileSync(p, 'utf8')) as Record<string, unknown>;

describe.skipIf(!present)('Beacon v2.1.1 official schemas', () => {
  it('every query type is sent as a valid beaconRequestBody (filters, pagination, granularity inside query)', () => {
    const ajv = new Ajv2020({
      strict: false,
      allErrors: true,
      validateSchema: false,
      validateFormats: false,
    });
    for (const f of files(FRAMEWORK, false)) {
      const schema = read(f);
      delete schema.$schema;
      ajv.addSchema({ ...schema, $id: BASE + relative(FRAMEWORK, f) });
    }
    for (const name of ['requestParameters.json', 'requestParametersComponents.json']) {
      const schema = read(join(MODEL, name));
      delete schema.$schema;
      ajv.addSchema({ ...schema, $id: MODEL_BASE + name });
    }
    const validate = ajv.getSchema(`${BASE}requests/beaconRequestBody.json`);
    if (validate === undefined) throw new Error('beaconRequestBody schema not loaded');
    const gVariant = ajv.compile({ $ref: `${MODEL_BASE}requestParameters.json#/g_variant` });
    const queries = [
      { genomic: 'BRCA1' },
      { genomic: 'BRAF V600E', target: 'g_variants' },
      { genomic: '17:43044295-43125483' },
      { genomic: '7-117559590-ATCT-A', target: 'g_variants' },
      {
        filters: [{ id: 'HP:0001250', includeDescendantTerms: false }, { id: 'ORPHA:558' }],
        sex: 'female',
      },
    ];
    for (const q of queries) {
      const body = postBody(queryParts(SearchQuerySchema.parse(q))) as {
        query: { requestParameters?: unknown };
      };
      const rp = body.query.requestParameters ?? {};
      // The framework's requestParameters is a map of model sections; we send the g_variant
      // section's members flat (decision 0007), so the envelope is checked in the map form and
      // the members against the model's g_variant schema.
      const mapForm = { ...body, query: { ...body.query, requestParameters: { g_variant: rp } } };
      expect(validate(mapForm), `${JSON.stringify(q)}: ${JSON.stringify(validate.errors)}`).toBe(
        true,
      );
      expect(gVariant(rp), `${JSON.stringify(q)}: ${JSON.stringify(gVariant.errors)}`).toBe(true);
    }
  });

  it('the client response schemas accept the official example responses', () => {
    const dir = join(FRAMEWORK, 'responses', 'examples-fullDocuments');
    const example = (name: string): unknown => read(join(dir, name));
    for (const name of [
      'beaconBooleanResponse-example.json',
      'beaconCountResponse-example.json',
      'beaconResultsetResponse-MIN-example.json',
    ]) {
      const r = EntryResponseZ.safeParse(example(name));
      expect(r.success, `${name}: ${JSON.stringify(r.error?.issues[0])}`).toBe(true);
    }
    expect(ErrorResponseZ.safeParse(example('beaconErrorResponse_example.json')).success).toBe(
      true,
    );
    expect(
      FilteringTermsResponseZ.safeParse(example('beaconFilteringTermsResponse-example.json'))
        .success,
    ).toBe(true);
  });
});
