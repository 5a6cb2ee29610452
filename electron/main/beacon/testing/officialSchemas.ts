import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { sharedSpecsFolder } from '../../../../federation/sharedFolder';

/**
 * The official Beacon v2.1.1 (and VRS 1.3) JSON schemas from ../shared, each under its canonical
 * URL so relative and remote $refs resolve locally: for ajv (is a document valid?) and for the
 * property tests' generator (schemaArbitrary.ts). Test support only; never shipped.
 */

/** Where the official specifications are (COHORT_DESK_SHARED/specs, or ../shared/specs). */
export const SPECS = sharedSpecsFolder();
export const BEACON_DIR = join(SPECS, 'beacon-v2.1.1');
const VRS_FILE = join(SPECS, 'vrs-1.3.0', 'vrs.json');
export const BASE = 'https://raw.githubusercontent.com/ga4gh-beacon/beacon-v2/main/';
const VRS_ID = 'https://w3id.org/ga4gh/schema/vrs/1.3/vrs.json';
export const FRAMEWORK = `${BASE}framework/json/`;
export const MODEL = `${BASE}models/json/beacon-v2-default-model/`;

/** True when ../shared holds the official schemas (the conformance project skips otherwise). */
export const schemasPresent = existsSync(BEACON_DIR) && existsSync(VRS_FILE);

type Json = Record<string, unknown>;

function allJson(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return allJson(p);
    return name.endsWith('.json') && name !== 'endpoints.json' ? [p] : [];
  });
}

const isExample = (file: string): boolean =>
  relative(BEACON_DIR, file)
    .split(sep)
    .some((part) => part.startsWith('examples'));

const read = (file: string): Json => JSON.parse(readFileSync(file, 'utf8')) as Json;

/** Every schema document by canonical URL (no fragment). */
export function loadSchemaDocs(): Map<string, Json> {
  const docs = new Map<string, Json>();
  for (const f of allJson(BEACON_DIR).filter((x) => !isExample(x)))
    docs.set(BASE + relative(BEACON_DIR, f), read(f));
  // The model's `../common/info.json` points at a file that exists only under framework/json/common.
  const info = docs.get(`${FRAMEWORK}common/info.json`);
  if (info !== undefined) docs.set(`${MODEL}common/info.json`, info);
  docs.set(VRS_ID, read(VRS_FILE));
  return docs;
}

/** An ajv instance holding every schema; `validate(url, value)` says whether a document is valid. */
export function loadAjv(docs: Map<string, Json>): Ajv2020 {
  // Formats are not checked (no ajv-formats in this helper): the property tests generate plain
  // strings for uri members. validateSchema off: VRS 1.3 (draft-07) has a non-boolean `deprecated`.
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    validateSchema: false,
    validateFormats: false,
  });
  for (const [id, doc] of docs) {
    const copy = { ...doc };
    delete copy.$schema;
    ajv.addSchema({ ...copy, $id: id });
  }
  return ajv;
}

/** Official example documents with their path under beacon-v2.1.1 (framework and model). */
export function exampleFiles(): { path: string; doc: unknown }[] {
  return allJson(BEACON_DIR)
    .filter(isExample)
    .map((f) => ({
      path: relative(BEACON_DIR, f),
      doc: JSON.parse(readFileSync(f, 'utf8')) as unknown,
    }));
}
