import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseTableDdl } from './dbSchema';
import type { PedigreeShape } from './inheritanceSql';
import { inheritanceSelectSql } from './inheritanceSql';

// The inheritance rules on small families, one allele at a time (issue 16): the cases the trio
// fixture does not hold (a proband of unknown sex, mitochondrial alleles of an unaffected mother).

type Sex = 'male' | 'female' | 'unknown';
/** A member: role, sex, affected; the call as written (`1` haploid, `0/1`, `1/1`, `./.`). */
interface Member {
  readonly role: 'proband' | 'mother' | 'father' | 'sibling';
  readonly sex: Sex;
  readonly affected: boolean | null;
  readonly gt: string;
}

let conn: DuckDBConnection;
let n = 0;

beforeAll(async () => {
  const instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
});
afterAll(() => conn.closeSync());

const lit = (v: string | number | boolean | null): string =>
  v === null ? 'NULL' : typeof v === 'string' ? `'${v}'` : String(v);

/** The modes (with status) one allele at chrom:pos fits in this family (index 0: the proband). */
async function modes(chrom: string, pos: number, family: readonly Member[]): Promise<string[]> {
  const db = `fam${String(n++)}`;
  await conn.run(`ATTACH ':memory:' AS ${db}`);
  for (const s of caseTableDdl(db)) await conn.run(s);
  const idx = (role: string): number | null => {
    const i = family.findIndex((m) => m.role === role);
    return i < 0 ? null : i;
  };
  const samples = family.map((m, i) =>
    [i, `S${String(i)}`, `M${String(i)}`, m.role, m.sex, m.affected, null, null].map(lit),
  );
  await conn.run(
    `INSERT INTO ${db}.main.samples VALUES ${samples.map((r) => `(${r.join(', ')})`).join(', ')}`,
  );
  await conn.run(
    `INSERT INTO ${db}.main.variants (vid, chrom, pos, end_pos, ref, alt) VALUES (0, '${chrom}', ${String(pos)}, ${String(pos)}, 'A', 'G')`,
  );
  const calls = family.map((m, i) => {
    const alleles = m.gt.split(/[/|]/u);
    const count = alleles.every((a) => a === '.') ? null : alleles.filter((a) => a === '1').length;
    return `(0, ${String(i)}, '${m.gt}', ${lit(count)}, ${String(alleles.length)})`;
  });
  await conn.run(
    `INSERT INTO ${db}.main.genotypes (vid, sample_idx, gt, alt_count, ploidy) VALUES ${calls.join(', ')}`,
  );
  const shape: PedigreeShape = {
    motherIdx: idx('mother'),
    fatherIdx: idx('father'),
    probandSex: family[0]?.sex ?? 'unknown',
  };
  const rows = (
    await conn.runAndReadAll(`SELECT * FROM (${inheritanceSelectSql(db, shape)}) ORDER BY mode`)
  ).getRowObjectsJS();
  await conn.run(`DETACH ${db}`);
  return rows.map((r) => `${r.mode as string}:${r.status as string}`);
}

const member = (role: Member['role'], sex: Sex, affected: boolean | null, gt: string): Member => ({
  role,
  sex,
  affected,
  gt,
});
const DMD = ['X', 31_500_000] as const;

describe('issue 16: X-linked modes for a proband whose sex is unknown (PED sex 0)', () => {
  it('a haploid chrX call with a carrier mother fits X-linked recessive, as possible only', async () => {
    // Before: no X-linked fit at all (the female rule wanted a homozygous call).
    const family = [
      member('proband', 'unknown', true, '1'),
      member('mother', 'female', false, '0/1'),
      member('father', 'male', false, '0'),
    ];
    expect(await modes(...DMD, family)).toEqual(['x_linked_recessive:possible']);
    // The same family with a male proband: confirmed (the mother was called).
    expect(await modes(...DMD, [member('proband', 'male', true, '1'), ...family.slice(1)])).toEqual(
      ['x_linked_recessive:confirmed'],
    );
  });

  it('a homozygous chrX call fits X-linked recessive as possible, whatever the father', async () => {
    const family = [
      member('proband', 'unknown', true, '1/1'),
      member('mother', 'female', false, '0/1'),
      member('father', 'male', false, '0'),
    ];
    expect(await modes(...DMD, family)).toEqual(['x_linked_recessive:possible']);
  });

  it('a heterozygous diploid chrX call does not fit X-linked recessive; an unaffected carrier brother excludes', async () => {
    const het = [
      member('proband', 'unknown', true, '0/1'),
      member('mother', 'female', false, '0/1'),
      member('father', 'male', false, '0'),
    ];
    expect(await modes(...DMD, het)).toEqual([]);
    const brother = [
      member('proband', 'unknown', true, '1'),
      member('mother', 'female', false, '0/1'),
      member('sibling', 'male', false, '1'),
    ];
    expect(await modes(...DMD, brother)).toEqual([]);
    // A sibling of unknown sex with a haploid carrier call is read as a carrier brother.
    const sibling = [brother[0], brother[1], member('sibling', 'unknown', false, '1')] as Member[];
    expect(await modes(...DMD, sibling)).toEqual([]);
  });

  it('X-linked dominant and a de novo X call are possible only when the sex is unknown', async () => {
    const family = [
      member('proband', 'unknown', true, '1'),
      member('mother', 'female', false, '0/0'),
      member('father', 'male', false, '0'),
    ];
    expect(await modes(...DMD, family)).toEqual(['de_novo:possible', 'x_linked_dominant:possible']);
  });

  it('the pseudoautosomal region is not X-linked, whatever the sex', async () => {
    const family = [
      member('proband', 'unknown', true, '1'),
      member('mother', 'female', false, '0/1'),
    ];
    expect(await modes('X', 100_000, family)).toEqual([]);
  });
});

describe('issue 16: mitochondrial alleles, maternal inheritance with variable heteroplasmy', () => {
  const MT = ['MT', 3_243] as const;

  it('an unaffected mother carrying it (heteroplasmic or homoplasmic) does not exclude the mode', async () => {
    // Before: any unaffected carrier excluded it, so the classic family (an unaffected mother at
    // lower heteroplasmy, or homoplasmic with incomplete penetrance as in LHON) found nothing.
    for (const gt of ['0/1', '1/1', '1'])
      expect(
        await modes(...MT, [
          member('proband', 'male', true, '1'),
          member('mother', 'female', false, gt),
          member('father', 'male', false, '0'),
        ]),
        gt,
      ).toEqual(['mitochondrial:confirmed']);
  });

  it('the father never counts: his call neither excludes nor confirms', async () => {
    expect(
      await modes(...MT, [
        member('proband', 'female', true, '0/1'),
        member('father', 'male', false, '1'),
      ]),
    ).toEqual(['mitochondrial:possible']);
    expect(
      await modes(...MT, [
        member('proband', 'female', true, '0/1'),
        member('mother', 'female', false, '0/0'),
        member('father', 'male', false, '1'),
      ]),
    ).toEqual(['mitochondrial:confirmed']);
    expect(
      await modes(...MT, [
        member('proband', 'female', true, '0/1'),
        member('mother', 'female', false, '0/1'),
        member('father', 'male', true, '0'),
      ]),
    ).toEqual(['mitochondrial:confirmed']);
  });

  it('an affected maternal relative without it, or a proband without it, excludes the mode', async () => {
    expect(
      await modes(...MT, [
        member('proband', 'female', true, '0/1'),
        member('mother', 'female', true, '0/0'),
      ]),
    ).toEqual([]);
    expect(
      await modes(...MT, [
        member('proband', 'female', true, '0/0'),
        member('mother', 'female', false, '1/1'),
      ]),
    ).toEqual([]);
  });
});
