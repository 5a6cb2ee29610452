import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseVariants } from '../../../shared/cases/channels';
import type { CaseFilter } from '../../../shared/cases/filters';
import { INHERITANCE_MODES } from '../../../shared/cases/filters';
import type { CaseHarness } from './testing/caseHarness';
import { openCaseHarness } from './testing/caseHarness';
import { syntheticTrio } from './testing/syntheticTrio';

const trio = syntheticTrio();
let h: CaseHarness;
let vcf: string;

beforeAll(async () => {
  h = openCaseHarness();
  vcf = h.handle(h.file('trio.vcf.gz', trio.vcf, { bgzf: true }));
  const done = await h.importCase({
    caseId: 'TRIO-1',
    patientId: 'P-001',
    sex: 'male',
    note: 'synthetic trio',
    phenotype: { observed: [{ id: 'HP:0001250' }], excluded: [] },
    vcf,
    ped: { name: 'trio.ped', text: trio.ped },
    links: ['MOTHER', 'PROBAND', 'FATHER'].map((s) => ({ sample: s, member: s })),
    proband: 'PROBAND',
  });
  expect(done).toMatchObject({ phase: 'done' });
}, 120_000);

afterAll(async () => {
  await h.close();
});

const variants = (caseId: string, filter: CaseFilter): Promise<CaseVariants> =>
  h.call('case:variants', { caseId, filter, limit: 10_000 });
const keys = (v: CaseVariants): string[] => v.rows.map((r) => r.variant_key).sort();

describe('issue 16: a synthetic trio, imported through the router and the import worker', () => {
  it('inspects the files: samples, PED members matched by id, the proband, the Phenopacket terms', async () => {
    const i = await h.call('case:inspect', {
      vcf,
      ped: { name: 'trio.ped', text: trio.ped },
      phenopacket: { name: 'p.json', text: trio.phenopacket },
    });
    expect(i.vcf).toMatchObject({
      samples: ['MOTHER', 'PROBAND', 'FATHER'],
      container: 'bgzf',
      version: '4.3',
      annotations: ['CSQ'],
      frequencyFields: ['gnomAD_AF'],
    });
    expect(i.vcf.assembly.name).toBe('GRCh38');
    expect(i.proband).toBe('PROBAND');
    expect(i.mismatches).toEqual([]);
    expect(i.phenopacket).toMatchObject({
      subjectId: 'PROBAND',
      sex: 'male',
      phenotype: {
        observed: [{ id: 'HP:0001250' }, { id: 'HP:0001263' }],
        excluded: [{ id: 'HP:0000365' }],
      },
    });
  });

  it('lists the case with its samples, variants and phenotype count', async () => {
    const list = await h.call('case:list', undefined);
    expect(list.locked).toBe(false);
    expect(list.owner.kind).toBe('local');
    // Issue 22: the account travels beside main's English label, so the page words the owner.
    expect(list.owner.label).toBe(`this computer account (${list.owner.account ?? ''})`);
    expect(list.owner.account).toMatch(/\S/);
    const carried = trio.alleles.filter((a) => a.gt.some((g) => g.includes('1'))).length;
    expect(list.cases).toEqual([
      expect.objectContaining({
        caseId: 'TRIO-1',
        patientId: 'P-001',
        samples: 3,
        variants: carried,
        phenotypes: 1,
        status: 'new',
      }),
    ]);
  });

  for (const mode of INHERITANCE_MODES)
    it(`inheritance ${mode}: finds exactly the planted variants, confirmed on the trio (native DuckDB)`, async () => {
      const v = await variants('TRIO-1', { inheritance: [mode] });
      expect(keys(v)).toEqual([...trio.expected[mode]].sort());
      for (const r of v.rows) expect(r.modes).toContain(mode);
    });

  it('a phased singleton (the proband alone): the compound het is confirmed from the haplotypes', async () => {
    const done = await h.importCase({
      caseId: 'SOLO-1',
      patientId: 'P-001',
      sex: 'male',
      vcf,
      proband: 'PROBAND',
    });
    expect(done.phase).toBe('done');
    const v = await variants('SOLO-1', { inheritance: ['compound_het'] });
    expect(keys(v)).toEqual([...trio.expected.compound_het].sort());
    for (const r of v.rows) expect(r.modes).toContain('compound_het');
    expect((await variants('SOLO-1', { inheritance: ['de_novo'] })).kept).toBe(0);
    const ad = await variants('SOLO-1', { inheritance: ['autosomal_dominant'] });
    const hets = trio.alleles.filter(
      (a) => !/^(X|MT)-/.test(a.key) && /^(0\|1|1\|0|0\/1)$/.test(a.gt[0]),
    );
    expect(ad.kept).toBe(hets.length);
    for (const r of ad.rows) expect(r.modes).toContain('autosomal_dominant?');
  }, 120_000);

  it('a duo (proband and mother): the compound het is flagged possible', async () => {
    const done = await h.importCase({
      caseId: 'DUO-1',
      patientId: 'P-001',
      sex: 'male',
      vcf,
      ped: { name: 'trio.ped', text: trio.ped },
      links: [
        { sample: 'PROBAND', member: 'PROBAND' },
        { sample: 'MOTHER', member: 'MOTHER' },
      ],
      proband: 'PROBAND',
    });
    expect(done.phase).toBe('done');
    const v = await variants('DUO-1', { inheritance: ['compound_het'] });
    expect(keys(v)).toEqual([...trio.expected.compound_het].sort());
    for (const r of v.rows) expect(r.modes).toContain('compound_het?');
    const xlr = await variants('DUO-1', { inheritance: ['x_linked_recessive'] });
    expect(keys(xlr)).toEqual(trio.expected.x_linked_recessive);
  }, 120_000);

  it('filters combine, and each step says how many variants it removes', async () => {
    const v = await variants('TRIO-1', {
      genes: ['ABCA4', 'SCN2A', 'CFTR'],
      impacts: ['HIGH', 'MODERATE'],
      passOnly: true,
      maxPopAf: 0.01,
      inheritance: ['de_novo', 'compound_het', 'homozygous_recessive'],
    });
    expect(v.steps.map((s) => s.step)).toEqual([
      'genes',
      'consequence',
      'pass',
      'populationFrequency',
      'inheritance',
    ]);
    let before = v.total;
    for (const s of v.steps) {
      expect(s.removes).toBe(before - s.remaining);
      before = s.remaining;
    }
    expect(v.kept).toBe(before);
    expect(keys(v)).toEqual(
      [
        ...trio.expected.de_novo,
        ...trio.expected.compound_het,
        ...trio.expected.homozygous_recessive,
      ]
        .filter((k) => !k.startsWith('X-'))
        .sort(),
    );
    const hr = v.rows.find((r) => r.gene === 'CFTR');
    expect(hr).toMatchObject({ clinvar_sig: 'Pathogenic', p_gt: '1|1', p_gq: 60, p_dp: 30 });
  });
});
