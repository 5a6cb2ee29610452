import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toBgzf } from '../main/vcf/bgzfWriter';
import { mutect2Vcf, strelka2Vcf } from '../main/cases/cancer/testing/somaticVcfs';
import { EXIT } from './exitCodes';
import { cliHarness, offlineEnv } from './testing/cliHarness';

// Issue 19: an oncologist's hostile input to `case import` of a cancer case, in process over the
// real router: each gets an error that says where and what, or a correct number.
const dir = mkdtempSync(join(tmpdir(), 'cli-cancer-input-'));
const h = cliHarness({
  env: offlineEnv(dir),
  cwd: dir,
  passphrase: 'correct horse battery staple',
});
writeFileSync(join(dir, 'mutect2.vcf.gz'), toBgzf(mutect2Vcf()));
// Issue 19, hostile caller output: line 25 is BRAF V600E (tumour T-001 is the second sample; line 26 in the Strelka2 shape).
const mutect2 = mutect2Vcf();
writeFileSync(join(dir, 'af-above-one.vcf'), mutect2.replace(/0\/1:61,39:[0-9.]+:/u, '0/1:.:1.5:'));
writeFileSync(join(dir, 'ad-negative.vcf'), mutect2.replace('0/1:61,39:', '0/1:-50,39:'));
writeFileSync(join(dir, 'ad-dot.vcf'), mutect2.replace('0/1:61,39:', '0/1:.,39:'));
writeFileSync(
  join(dir, 'no-normal.vcf'),
  mutect2.replace('##normal_sample=N-001', '##normal_sample=N-XXX'),
);
const strelka2 = strelka2Vcf();
// BRAF's tumour: its TIR-free SNV counts, AU (the reference base) with one tier only.
writeFileSync(
  join(dir, 'strelka-tier.vcf'),
  strelka2.replace(/(140753336\t[^\n]*\tDP:AU:CU:GU:TU\t[^\t]+\t\d+:)(\d+),\d+/u, '$1$2'),
);
afterAll(() => {
  h.close();
  rmSync(dir, { recursive: true, force: true });
});
const caseIds = async (): Promise<string[]> => {
  const r = await h.cli('case', 'list', '--json');
  return (JSON.parse(r.out[0] ?? '{}') as { cases: { caseId: string }[] }).cases.map(
    (c) => c.caseId,
  );
};

describe('issue 19: hostile caller output and purity, each a located error or a correct number', () => {
  it('issue 19: an AF above 1 or a negative AD stops the import at its line and sample (was a VAF of 150 %); nothing is kept', async () => {
    const before = await caseIds();
    const af = await h.cli('case', 'import', '--vcf', 'af-above-one.vcf', '--id', 'CA-AF');
    expect(af.code).toBe(EXIT.invalid);
    expect(af.err.join('\n')).toContain(
      'af-above-one.vcf line 25, sample T-001: AF "1.5" is not an allele fraction between 0 and 1; nothing was imported.',
    );
    const ad = await h.cli('case', 'import', '--vcf', 'ad-negative.vcf', '--id', 'CA-AD');
    expect(ad.code).toBe(EXIT.invalid);
    expect(ad.err.join('\n')).toContain(
      'ad-negative.vcf line 25, sample T-001: AD "-50" is negative (a read count cannot be); nothing was imported.',
    );
    expect(await caseIds()).toEqual(before);
  }, 240_000);

  it('issue 19: AD with a missing value reads the VAF from the caller’s AF, exact', async () => {
    const r = await h.cli('case', 'import', '--vcf', 'ad-dot.vcf', '--id', 'CA-DOT');
    expect(r.code, r.err.join('\n')).toBe(EXIT.ok);
    const v = await h.transport().invoke('cancer:somatic', {
      caseId: 'CA-DOT',
      filter: {},
      limit: 500,
    });
    const braf = v.ok ? v.value.rows.find((x) => x.variant_key === '7-140753336-A-T') : undefined;
    // mutect2Vcf writes AF = alt / (ref + alt + 1): 39 / 101.
    expect(braf).toMatchObject({ t_ad_ref: null, t_ad_alt: 39, t_vaf: 0.386 });
  }, 240_000);

  it('issue 19: a Strelka2 tier count with one tier is refused at its line, sample and field', async () => {
    const r = await h.cli('case', 'import', '--vcf', 'strelka-tier.vcf', '--id', 'CA-TIER');
    expect(r.code).toBe(EXIT.invalid);
    expect(r.err.join('\n')).toMatch(
      /^strelka-tier\.vcf:26: sample TUMOR AU: has 1 value, expected 2/mu,
    );
  }, 240_000);

  it('issue 19: a normal the header names that is no column is refused as the header’s, with what to give; a --normal of none by name (exit 1)', async () => {
    const header = await h.cli('case', 'import', '--vcf', 'no-normal.vcf', '--id', 'CA-NN');
    expect(header.code).toBe(EXIT.invalid);
    expect(header.err.join('\n')).toContain(
      'no-normal.vcf: its header\'s ##normal_sample names the sample "N-XXX", which is none of its sample columns ("N-001", "T-001"); give the normal with --normal or use --tumour-only.',
    );
    // Given by hand, the header's name is not used.
    const given0 = await h.cli(
      'case',
      'import',
      '--vcf',
      'no-normal.vcf',
      '--id',
      'CA-NN2',
      '--normal',
      'N-001',
    );
    expect(given0.code, given0.err.join('\n')).toBe(EXIT.ok);
    const given = await h.cli('case', 'import', '--vcf', 'mutect2.vcf.gz', '--normal', 'NOPE');
    expect(given.code).toBe(EXIT.invalid);
    expect(given.err.join('\n')).toContain('"NOPE" is not a sample column of the VCF');
  }, 240_000);

  it('issue 19: --purity 0, 0.5 and abc are refused as the help says (1–100; 0.5 was taken as 0.5 %); 1.5 is 1.5 %', async () => {
    for (const p of ['0', '0.5', 'abc']) {
      const r = await h.cli('case', 'import', '--vcf', 'mutect2.vcf.gz', '--purity', p);
      expect(r.code).toBe(EXIT.usage);
      expect(r.err.join('\n')).toContain(
        `--purity takes a percentage between 1 and 100 (e.g. 60), not "${p}"`,
      );
    }
    const r = await h.cli(
      'case',
      'import',
      '--vcf',
      'mutect2.vcf.gz',
      '--id',
      'CA-P15',
      '--purity',
      '1.5',
    );
    expect(r.code, r.err.join('\n')).toBe(EXIT.ok);
    const open = await h.transport().invoke('case:open', { caseId: 'CA-P15' });
    expect(open.ok && open.value.cancer?.purity).toBe(0.015);
  }, 240_000);
});
