import { describe, expect, it } from 'vitest';
import { VaultListSchema } from '../vault/vault';
import { VcfProblemSchema } from '../vcf/channels';
import { CaseProblemSchema } from './caseProblem';
import { CaseProgressSchema } from './channels';
import { parsePed } from './pedigree';

// Issue 22, decision 0064: the codes that cross IPC beside main's English are checked by zod, so
// the renderer only ever looks up words it has; an unknown code or an unbounded value is refused.

describe('issue 22: zod admits only known problem codes at the IPC boundary', () => {
  it('a PED problem from the parser passes; an unknown code does not', () => {
    const [problem] = parsePed('f.ped', 'F1 A 0 0\n').problems;
    expect(problem).toMatchObject({ code: 'ped-columns', params: { columns: 4 }, line: 1 });
    expect(CaseProblemSchema.safeParse(problem).success).toBe(true);
    expect(CaseProblemSchema.safeParse({ ...problem, code: 'made-up' }).success).toBe(false);
    expect(
      CaseProblemSchema.safeParse({ ...problem, params: { columns: 'x'.repeat(2001) } }).success,
    ).toBe(false);
  });

  it('a VCF problem’s code, an import’s end and a vault note’s code are checked the same way', () => {
    const vcf = { file: 'x.vcf', line: 1, message: 'm', severity: 'error', code: 'empty' };
    expect(VcfProblemSchema.safeParse(vcf).success).toBe(true);
    expect(VcfProblemSchema.safeParse({ ...vcf, code: 'ped-columns' }).success).toBe(false);
    const progress = {
      jobId: 'j',
      caseId: 'c',
      phase: 'cancelled',
      records: 0,
      variants: 0,
      bytesRead: 0,
      totalBytes: 0,
      elapsedMs: 0,
      etaMs: null,
      problems: [],
      message: 'Import cancelled; nothing was kept.',
      why: { code: 'import-cancelled' },
    };
    expect(CaseProgressSchema.safeParse(progress).success).toBe(true);
    expect(
      CaseProgressSchema.safeParse({ ...progress, why: { code: 'import-exploded' } }).success,
    ).toBe(false);
    const list = {
      datasets: [],
      removed: [],
      locked: false,
      notes: [{ datasetId: 'D', readable: false, message: 'm', said: { code: 'sign-in' } }],
    };
    expect(VaultListSchema.safeParse(list).success).toBe(true);
    const bad = { ...list, notes: [{ ...list.notes[0], said: { code: 'sign-out' } }] };
    expect(VaultListSchema.safeParse(bad).success).toBe(false);
  });
});
