import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { CohortRow } from '../../../shared/cohorts/exportFormats';
import { toPhenopacket } from '../../../shared/cohorts/exportFormats';

// Issue 6: exports validate against the official Phenopacket v2 schemas (phenopacket-tools' JSON
// Schemas in ../shared/specs). The schemas reference each other by classpath: URLs, mapped here.
const shared =
  process.env.COHORT_DESK_SHARED ?? join(import.meta.dirname, '..', '..', '..', '..', 'shared');
const specs = join(shared, 'specs', 'phenopackets-v2');
const CLASSPATH = 'classpath:/org/phenopackets/phenopackettools/validator/jsonschema/';

function validator() {
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats(ajv);
  const add = (dir: string, prefix: string): void => {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const schema = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
      delete schema.$id;
      ajv.addSchema(schema, `${CLASSPATH}${prefix}${file}`);
    }
  };
  add(specs, '');
  add(join(specs, 'v2'), 'v2/');
  const validate = ajv.getSchema(`${CLASSPATH}v2/phenopacket-schema.json`);
  if (validate === undefined) throw new Error('phenopacket-schema.json not found');
  return validate;
}

const rows: CohortRow[] = [
  {
    dataset_id: 'FI-RD-01',
    node_id: 'FI',
    individual_id: 'FI-RD-01-0001',
    sex: 'female',
    age_band: '1980-1989',
    country: 'FI',
    diseases: ['ORPHA:586'],
    phenotypes: ['HP:0001250', 'HP:0002104'],
  },
  {
    dataset_id: 'SE-CA-01',
    node_id: 'SE',
    individual_id: 'SE-CA-01-0042',
    sex: 'unknown',
    age_band: null,
    country: 'SE',
    diseases: [],
    phenotypes: [],
  },
];

describe.skipIf(!existsSync(specs))('Phenopacket v2 export conformance (issue 6)', () => {
  it('every exported individual validates against the official schema', () => {
    const validate = validator();
    for (const row of rows) {
      const packet = toPhenopacket(row, 'Cohort Desk test', '2026-11-26T10:00:00Z');
      const valid = validate(packet);
      expect(validate.errors ?? [], row.individual_id).toEqual([]);
      expect(valid).toBe(true);
    }
  });

  it('the validator is not vacuous: a packet without metaData fails', () => {
    const validate = validator();
    const packet = toPhenopacket(rows[0]!, 'Cohort Desk test', '2026-11-26T10:00:00Z');
    delete packet.metaData;
    expect(validate(packet)).toBe(false);
    // Referenced schemas are really applied: an unknown sex in the subject (individual.json) fails.
    const badSex = toPhenopacket(rows[0]!, 'Cohort Desk test', '2026-11-26T10:00:00Z');
    badSex.subject = { id: 'x', sex: 'WOMAN' };
    expect(validate(badSex)).toBe(false);
  });
});
