import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2019 from 'ajv/dist/2019.js';
import type { ValidateFunction } from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { sharedSpecsFolder } from '../../../../federation/sharedFolder';

/**
 * The official Phenopacket v2 JSON Schemas (phenopacket-tools, in ../shared/specs), for the
 * conformance tests and the export e2e. The schemas reference each other by classpath: URLs,
 * mapped here. `undefined` when ../shared is not present (those checks skip).
 */
export const PHENOPACKET_SPECS = join(sharedSpecsFolder(), 'phenopackets-v2');
const CLASSPATH = 'classpath:/org/phenopackets/phenopackettools/validator/jsonschema/';

/** A validator for one top-level message schema, or undefined without ../shared. */
export function phenopacketValidator(
  schema: 'phenopacket-schema.json' | 'cohort-schema.json',
): ValidateFunction | undefined {
  if (!existsSync(PHENOPACKET_SPECS)) return undefined;
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats(ajv);
  const add = (dir: string, prefix: string): void => {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
      delete json.$id;
      ajv.addSchema(json, `${CLASSPATH}${prefix}${file}`);
    }
  };
  add(PHENOPACKET_SPECS, '');
  add(join(PHENOPACKET_SPECS, 'v2'), 'v2/');
  const validate = ajv.getSchema(`${CLASSPATH}v2/${schema}`);
  if (validate === undefined) throw new Error(`${schema} not found in ${PHENOPACKET_SPECS}`);
  return validate;
}
