import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toBgzf } from '../main/vcf/bgzfWriter';
import { syntheticTrio } from '../main/cases/testing/syntheticTrio';
import { EXIT } from './exitCodes';
import type { CliContext } from './io';
import { runCli } from './program';
import type { CliTransport } from './transport';
import { openCliTransport } from './transport';
import { offlineEnv } from './testing/cliHarness';

// `npm run cli -- case …` in process, over the real router and services (issue 16). The vault is
// opened with a passphrase, as browser mode's is; nobody is signed in (the local-account owner).
const dir = mkdtempSync(join(tmpdir(), 'cli-case-'));
const env = offlineEnv(dir);
const trio = syntheticTrio();
writeFileSync(join(dir, 'trio.vcf.gz'), toBgzf(trio.vcf));
writeFileSync(join(dir, 'trio.ped'), trio.ped);
writeFileSync(join(dir, 'wrong.ped'), trio.ped.replaceAll('PROBAND', 'PROBND'));
writeFileSync(join(dir, 'p.json'), trio.phenopacket);
writeFileSync(join(dir, 'not-json.json'), trio.phenopacket.slice(0, 40));
writeFileSync(join(dir, 'array.json'), '[1, 2, 3]\n');
writeFileSync(
  join(dir, 'grch37.vcf'),
  trio.vcf.replace('##contig=<ID=chr1,length=248956422>', '##contig=<ID=chr1,length=249250621>'),
);
let transport: CliTransport | undefined;
afterAll(() => {
  transport?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function cli(passphrase: string | undefined, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = {
    transport: () => Promise.resolve((transport ??= openCliTransport(env))),
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    cwd: dir,
    readPassphrase: () => Promise.resolve(passphrase),
  };
  return { code: await runCli(argv, ctx), out, err };
}
const PASS = 'correct horse battery staple';

describe('npm run cli -- case (issue 16)', () => {
  it('refuses with exit 3 while the vault is locked and no passphrase is given', async () => {
    const r = await cli(undefined, 'case', 'list', '--json');
    expect(r.code).toBe(EXIT.refused);
    expect(r.err.join('\n')).toMatch(/vault is locked.*--passphrase-fd 0 < passphrase-file/);
  });

  it('imports a trio with PED and Phenopacket, then filters it by inheritance and by preset', async () => {
    const r = await cli(
      PASS,
      'case',
      'import',
      '--vcf',
      'trio.vcf.gz',
      '--ped',
      'trio.ped',
      '--phenopacket',
      'p.json',
      '--id',
      'TRIO',
      '--json',
    );
    expect(r.err).toEqual([]);
    expect(r.code).toBe(EXIT.ok);
    expect(JSON.parse(r.out[0] ?? '{}')).toMatchObject({
      caseId: 'TRIO',
      records: trio.alleles.length,
    });
    const v = await cli(
      PASS,
      'case',
      'variants',
      'TRIO',
      '--filter',
      '{"inheritance":["de_novo"]}',
      '--json',
    );
    expect(v.code).toBe(EXIT.ok);
    const keys = (JSON.parse(v.out[0] ?? '{}') as { rows: { variant_key: string }[] }).rows.map(
      (x) => x.variant_key,
    );
    expect(keys.sort()).toEqual([...trio.expected.de_novo].sort());
    const p = await cli(
      PASS,
      'case',
      'variants',
      'TRIO',
      '--preset',
      'rare disease trio',
      '--json',
    );
    expect(p.code).toBe(EXIT.ok);
    const steps = (JSON.parse(p.out[0] ?? '{}') as { steps: { step: string }[] }).steps;
    expect(steps.map((s) => s.step)).toContain('inheritance');
    const list = await cli(PASS, 'case', 'list', '--json');
    expect(JSON.parse(list.out[0] ?? '{}')).toMatchObject({
      cases: [expect.objectContaining({ caseId: 'TRIO', samples: 3, phenotypes: 3 })],
    });
  }, 120_000);

  it("issue 16: names the gene list's symbols the case has no variant in (stderr, and genesAbsent in --json); exit 0", async () => {
    const filter = JSON.stringify({ genes: ['scn2a', 'NOTAGENE1', 'CFTR', 'PKD1X'] });
    const text = await cli(PASS, 'case', 'variants', 'TRIO', '--filter', filter);
    expect(text.code).toBe(EXIT.ok);
    expect(text.err.join('\n')).toContain(
      'warning: 2 genes NOTAGENE1, PKD1X of the gene list are in no variant of case "TRIO"',
    );
    const json = await cli(PASS, 'case', 'variants', 'TRIO', '--filter', filter, '--json');
    expect(json.code).toBe(EXIT.ok);
    const v = JSON.parse(json.out[0] ?? '{}') as { genesAbsent: string[]; kept: number };
    expect(v.genesAbsent).toEqual(['NOTAGENE1', 'PKD1X']);
    expect(v.kept).toBeGreaterThan(0);
    const one = await cli(PASS, 'case', 'variants', 'TRIO', '--filter', '{"genes":["pkd1x"]}');
    expect(one.err.join('\n')).toContain(
      'warning: the gene pkd1x of the gene list is in no variant',
    );
    const none = await cli(PASS, 'case', 'variants', 'TRIO', '--filter', '{"genes":["SCN2A"]}');
    expect(none.err.join('\n')).not.toContain('warning');
  }, 120_000);

  it('a PED whose proband has no sample: names the sample, the member and the PED line; nothing imported (exit 1)', async () => {
    const r = await cli(
      PASS,
      'case',
      'import',
      '--vcf',
      'trio.vcf.gz',
      '--ped',
      'wrong.ped',
      '--id',
      'WRONG',
    );
    expect(r.code).toBe(EXIT.invalid);
    const text = r.err.join('\n');
    expect(text).toContain(
      'VCF sample "PROBAND" (sample column 2) matches no individual of wrong.ped',
    );
    expect(text).toContain('wrong.ped line 2: individual "PROBND" has no sample column in the VCF');
    expect(text).toContain('the proband "PROBND" (wrong.ped line 2) has no sample in the VCF');
    const fixed = await cli(
      PASS,
      'case',
      'import',
      '--vcf',
      'trio.vcf.gz',
      '--ped',
      'wrong.ped',
      '--link',
      'PROBAND=PROBND',
      '--id',
      'FIXED',
      '--json',
    );
    expect(fixed.code).toBe(EXIT.ok);
  }, 120_000);

  it('a Phenopacket that is not JSON or not a Phenopacket: said, nothing imported (exit 1)', async () => {
    // Before, the case was imported without its phenotype and the command ended with exit 0.
    for (const [file, said] of [
      ['not-json.json', 'not-json.json: is not JSON'],
      ['array.json', 'array.json: is not a Phenopacket v2'],
    ] as const) {
      const r = await cli(
        PASS,
        'case',
        'import',
        '--vcf',
        'trio.vcf.gz',
        '--phenopacket',
        file,
        '--id',
        'NOPHENO',
      );
      expect(r.code).toBe(EXIT.invalid);
      expect(r.err.join('\n')).toContain(said);
      expect(r.err.join('\n')).toContain('nothing was imported');
    }
    const list = await cli(PASS, 'case', 'list');
    expect(list.out.join('\n')).not.toContain('NOPHENO');
  }, 120_000);

  it('decision 0095: a Phenopacket naming "subject" twice is refused at that line, nothing imported (exit 1)', async () => {
    // Before: JSON.parse kept the second subject; the case took its id and sex without a word.
    const pretty = JSON.stringify(JSON.parse(trio.phenopacket), null, 2);
    const text = pretty.replace(
      /\n\}\s*$/,
      ',\n  "subject": {"id": "SOMEONE-ELSE", "sex": "MALE"}\n}\n',
    );
    writeFileSync(join(dir, 'two-subjects.json'), text);
    const line = text.split('\n').findIndex((l) => l.includes('SOMEONE-ELSE')) + 1;
    const r = await cli(
      PASS,
      'case',
      'import',
      '--vcf',
      'trio.vcf.gz',
      '--phenopacket',
      'two-subjects.json',
      '--id',
      'TWOSUBJ',
    );
    expect(r.code).toBe(EXIT.invalid);
    expect(r.err.join('\n')).toContain(
      `two-subjects.json:${String(line)}: names the key "subject" twice in one object (at subject, column 3)`,
    );
    expect(r.err.join('\n')).toContain('nothing was imported');
    const list = await cli(PASS, 'case', 'list');
    expect(list.out.join('\n')).not.toContain('TWOSUBJ');
  }, 120_000);

  it('issue 16: a Phenopacket term the HPO table does not hold is named with its line and left out; the rest is imported', async () => {
    writeFileSync(
      join(dir, 'old-term.json'),
      JSON.stringify(JSON.parse(trio.phenopacket), null, 2).replace('HP:0001263', 'HP:9999999'),
    );
    const r = await cli(
      PASS,
      'case',
      'import',
      '--vcf',
      'trio.vcf.gz',
      '--ped',
      'trio.ped',
      '--phenopacket',
      'old-term.json',
      '--id',
      'OLDTERM',
    );
    expect(r.code, r.err.join('\n')).toBe(EXIT.ok);
    expect(r.err.join('\n')).toMatch(
      /^old-term\.json:\d+: phenotypicFeatures\[1\]\.type\.id "HP:9999999" is not in the HPO table Cohort Desk ships \(HPO release [\d-]+\): obsolete, replaced or mistyped; left out/m,
    );
    const list = await cli(PASS, 'case', 'list', '--json');
    const cases = (
      JSON.parse(list.out[0] ?? '{}') as { cases: { caseId: string; phenotypes: number }[] }
    ).cases;
    expect(cases.find((c) => c.caseId === 'OLDTERM')?.phenotypes).toBe(2);
  }, 120_000);

  it('issue 16: the text output counts one record and one variant in the singular; sizes in bytes, not "0 of 0 MB"', async () => {
    writeFileSync(
      join(dir, 'one.vcf'),
      [
        '##fileformat=VCFv4.2',
        '##contig=<ID=chr1,length=248956422>',
        '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
        '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1',
        'chr1\t1000\t.\tA\tG\t50\tPASS\t.\tGT\t0/1',
        '',
      ].join('\n'),
    );
    const r = await cli(PASS, 'case', 'import', '--vcf', 'one.vcf', '--id', 'ONE');
    expect(r.code, r.err.join('\n')).toBe(EXIT.ok);
    expect(r.out.join('\n')).toMatch(/^ONE: imported 1 record, 1 variant in [\d.]+ s$/);
    for (const line of r.err) expect(line).not.toMatch(/\b1 records\b|0 of 0 MB/);
    expect(r.err.some((l) => / of \d+ bytes/.test(l))).toBe(true);
  }, 120_000);

  it('issue 16: refuses a header-only VCF at its #CHROM line (exit 1); nothing imported', async () => {
    const header = trio.vcf.slice(0, trio.vcf.indexOf('\n', trio.vcf.indexOf('#CHROM')) + 1);
    writeFileSync(join(dir, 'header-only.vcf.gz'), toBgzf(header));
    const line = header.split('\n').length - 1;
    const r = await cli(PASS, 'case', 'import', '--vcf', 'header-only.vcf.gz', '--id', 'EMPTY');
    expect(r.code).toBe(EXIT.invalid);
    expect(r.err.join('\n')).toContain(
      `header-only.vcf.gz holds no variant records: the file ends after its #CHROM line (line ${String(line)}).`,
    );
    const list = await cli(PASS, 'case', 'list');
    expect(list.out.join('\n')).not.toContain('EMPTY');
  });

  it('refuses a GRCh37 file with the evidence and what to do (exit 1)', async () => {
    const r = await cli(PASS, 'case', 'import', '--vcf', 'grch37.vcf', '--id', 'OLD');
    expect(r.code).toBe(EXIT.invalid);
    expect(r.err.join('\n')).toMatch(
      /grch37\.vcf is on GRCh37 \(##contig=<ID=chr1,length=249250621> \(line 3\) is GRCh37's chromosome 1\).*Lift the file over/,
    );
    const list = await cli(PASS, 'case', 'list', '--json');
    expect(
      (JSON.parse(list.out[0] ?? '{}') as { cases: { caseId: string }[] }).cases
        .map((c) => c.caseId)
        .sort(),
    ).toEqual(['FIXED', 'OLDTERM', 'ONE', 'TRIO']);
  });
});
