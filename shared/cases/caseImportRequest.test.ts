import { describe, expect, it } from 'vitest';
import { CaseImportRequestSchema } from './channels';

// Decision 0100: `case import --patient` (or a Phenopacket subject id) took line breaks and
// terminal escapes into the pseudonym that reports, lists and terminals print.
describe('decision 0100: a patient id holds no control characters', () => {
  const req = (patientId: string) =>
    CaseImportRequestSchema.safeParse({
      patientId,
      sex: 'unknown',
      vcf: `fh_${'a'.repeat(22)}`,
    });

  it('refuses a line break, a tab and an escape, naming why', () => {
    for (const id of ['P\n1', 'P\t1', 'P\u001b[31m1']) {
      const r = req(id);
      expect(r.success, JSON.stringify(id)).toBe(false);
      expect(r.error?.issues[0]?.message).toBe(
        'a patient id holds no control characters (line breaks, tabs, escapes)',
      );
    }
  });

  it('keeps ids that look like paths or HTML: they are data, escaped where shown', () => {
    for (const id of ['../../etc/passwd', '<b>P</b>', 'Pätient 01'])
      expect(req(id).success).toBe(true);
  });
});
