import { describe, expect, it } from 'vitest';
import { casePhenopacket } from '../../../shared/report/casePhenopacket';
import { reportFixture } from '../../../shared/report/testing/reportFixture';
import { PHENOPACKET_SPECS, phenopacketValidator } from '../cohorts/testing/phenopacketSchemas';

describe('issue 18: the case Phenopacket validates against the official v2 schema', () => {
  const validate = phenopacketValidator('phenopacket-schema.json');
  if (validate === undefined) throw new Error(`${PHENOPACKET_SPECS} is missing`);
  it.each([
    ['solved, signed, with a diagnosis', reportFixture()],
    [
      'without a diagnosis',
      {
        ...reportFixture(),
        work: { ...reportFixture().work, diagnosis: null, status: 'new' as const },
      },
    ],
  ])('%s', (_name, data) => {
    const ok = validate(casePhenopacket(data));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });
});
