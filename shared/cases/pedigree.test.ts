import { describe, expect, it } from 'vitest';
import { CaseProblemSchema } from './caseProblem';
import { parsePed } from './pedigree';

// Issue 16: a PED's sex column decides the X-linked fits. "M"/"F" (PLINK 2's .psam spelling) read
// as unknown without a word, so a hemizygous son lost his X-linked recessive fit; any other value
// was unknown too. And a member named as his own parent was taken as a family.
describe('issue 16: a PED’s sex column and parents are read as written or refused, located', () => {
  it('reads 1/2/0 and PLINK 2’s M/F (either case), NA and -9 as unknown', () => {
    const { members, problems } = parsePed(
      'f.ped',
      [
        'FAM P D M m 2',
        'FAM D 0 0 M 1',
        'FAM M 0 0 F 1',
        'FAM S 0 0 f 1',
        'FAM B 0 0 1 1',
        'FAM G 0 0 2 1',
        'FAM U 0 0 0 1',
        'FAM V 0 0 NA 1',
        'FAM W 0 0 -9 1',
      ].join('\r\n'),
    );
    expect(problems).toEqual([]);
    expect(members.map((m) => `${m.id}:${m.sex}`)).toEqual([
      'P:male',
      'D:male',
      'M:female',
      'S:female',
      'B:male',
      'G:female',
      'U:unknown',
      'V:unknown',
      'W:unknown',
    ]);
  });

  it('refuses another sex value with its line and value', () => {
    const { problems } = parsePed('f.ped', 'FAM P 0 0 male 2\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: 'f.ped',
      line: 1,
      member: 'P',
      code: 'ped-sex',
      params: { value: 'male' },
    });
    expect(problems[0]?.message).toBe(
      'sex "male" is not 1 (male), 2 (female) or 0 (unknown); M and F are read too',
    );
    expect(CaseProblemSchema.safeParse(problems[0]).success).toBe(true);
  });

  it('refuses a member who is their own father or mother', () => {
    const { problems } = parsePed('f.ped', 'FAM P P 0 1 2\nFAM Q 0 Q 2 2\n');
    expect(problems.map((p) => [p.code, p.line, p.params])).toEqual([
      ['ped-own-parent', 1, { id: 'P' }],
      ['ped-own-parent', 2, { id: 'Q' }],
    ]);
    expect(problems[0]?.message).toBe('individual "P" is named as their own parent');
  });

  it("refuses a member who is their own ancestor, once per cycle, at the first member's line (decision 0089)", () => {
    // Before: parsed without a word (A is B's father and B is A's).
    const { problems } = parsePed(
      'f.ped',
      'FAM A B 0 1 2\nFAM B C 0 1 1\nFAM C A 0 1 1\nFAM K 0 0 1 1\nFAM L K 0 1 1\n',
    );
    expect(problems.map((p) => [p.code, p.line, p.params])).toEqual([
      ['ped-cycle', 1, { id: 'A', chain: 'A → B → C → A' }],
    ]);
    expect(problems[0]?.message).toBe(
      'individual "A" is their own ancestor (A → B → C → A: each is a parent of the one before)',
    );
    expect(CaseProblemSchema.safeParse(problems[0]).success).toBe(true);
  });

  it('checks a PED of 50,000 members in a moment, and finds a cycle 50,000 generations deep', () => {
    const lines = ['FAM M0 M49999 0 1 1'];
    for (let i = 1; i < 50_000; i++) lines.push(`FAM M${String(i)} M${String(i - 1)} 0 1 1`);
    const t = Date.now();
    const { members, problems } = parsePed('big.ped', `${lines.join('\n')}\n`);
    expect(Date.now() - t).toBeLessThan(5000);
    expect(members).toHaveLength(50_000);
    expect(problems.map((p) => [p.code, p.line])).toEqual([['ped-cycle', 1]]);
  });

  it('refuses a member named as the father of one child and the mother of another (decision 0089)', () => {
    // Before: accepted when the member's own sex is unknown (0) or the member has no line.
    const { problems } = parsePed('f.ped', 'FAM X 0 0 0 1\nFAM C1 X 0 1 2\nFAM C2 0 X 2 1\n');
    expect(problems.map((p) => [p.code, p.line, p.params])).toEqual([
      [
        'ped-both-parents',
        3,
        { id: 'X', fatherOf: 'C1', fatherLine: '2', motherOf: 'C2', motherLine: '3' },
      ],
    ]);
    expect(problems[0]?.message).toBe(
      '"X" is the father of "C1" (line 2) and the mother of "C2" (line 3)',
    );
  });
});

// Decision 0095: VCF sample ids may hold spaces ("Kind Ärzte 01"); a tab-separated PED keeps them
// whole. Before, every space split a column: the child's id became "Kind", the father "Ärzte",
// and the sex and phenotype columns were named wrong ("sex "Vater" is not 1…").
describe('decision 0095: a tab-separated PED whose ids hold spaces', () => {
  it('reads each tab-separated column whole, unicode and spaces kept', () => {
    const { members, problems } = parsePed(
      'walk.ped',
      [
        'F1\tKind Ärzte 01\tVater X\tMutter Y\t0\t2',
        'F1\tVater X\t0\t0\t1\t1',
        'F1\tMutter Y\t0\t0\t2\t1',
        'F1 Onkel 0 0 1 0',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(members.map((m) => [m.id, m.father, m.mother, m.sex, m.affected])).toEqual([
      ['Kind Ärzte 01', 'Vater X', 'Mutter Y', 'unknown', true],
      ['Vater X', null, null, 'male', false],
      ['Mutter Y', null, null, 'female', false],
      ['Onkel', null, null, 'male', null],
    ]);
  });

  it('a line with an empty tab column or fewer than six is read by whitespace as before', () => {
    const { members } = parsePed('w.ped', 'F1\t\tA 0 0 1 2\nF1\tB\t0\t0 1 2');
    expect(members.map((m) => m.id)).toEqual(['A', 'B']);
  });
});
