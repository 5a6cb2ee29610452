import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMainServices } from '../main/app/createServices';
import { createFileLogger } from '../main/logging/logger';
import { createNodePlatform } from '../main/platform/nodePlatform';
import { EXIT } from './exitCodes';
import { cliHarness } from './testing/cliHarness';

const dir = mkdtempSync(join(tmpdir(), 'cli-'));
const env = {
  ...process.env,
  COHORT_DESK_DATA_DIR: join(dir, 'data'),
  COHORT_DESK_POLICY: join(dir, 'no-policy.json'),
};
const h = cliHarness({ env, cwd: dir });
afterAll(() => {
  h.close();
  rmSync(dir, { recursive: true, force: true });
});

const GOOD =
  '##fileformat=VCFv4.3\n##contig=<ID=chr17,length=83257441>\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\nchr17\t43045712\t.\tG\tA\t60\tPASS\t.\n';
writeFileSync(join(dir, 'good.vcf'), GOOD);
writeFileSync(join(dir, 'bad.vcf'), GOOD.replace('43045712', 'forty').replace('\tA\t', '\tAX\t'));

/** Runs the CLI in process over the real router and services; returns exit code and output. */
const cli = (...argv: string[]) => h.cli(...argv);

describe('npm run cli -- vcf check (issue 16)', () => {
  it('exits 0 for a valid file and prints a summary', async () => {
    expect(await cli('vcf', 'check', 'good.vcf')).toEqual({
      code: EXIT.ok,
      out: ['good.vcf: valid VCFv4.3, plain, 1 record, 0 samples, GRCh38'],
      err: [],
    });
  });

  it('exits 1 with one FILE:LINE: message per problem on stderr, the file named as typed', async () => {
    const r = await cli('vcf', 'check', 'good.vcf', 'bad.vcf');
    expect(r.code).toBe(EXIT.invalid);
    expect(r.err).toEqual([
      'bad.vcf:4: POS: "forty" is not a position (a whole number ≥ 0)',
      'bad.vcf:4: ALT: allele 1 "AX" is not bases (A, C, G, T, N), *, <ID> or a breakend',
    ]);
    expect(r.out).toEqual(['good.vcf: valid VCFv4.3, plain, 1 record, 0 samples, GRCh38']);
  });

  it('decision 0095: says how many warnings it did not list (6,000 distinct GT warnings, 100 listed)', async () => {
    const head =
      '##fileformat=VCFv4.3\n##contig=<ID=chr1,length=248956422>\n##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\n';
    // ALT "." with a GT naming allele i: a warning whose words differ on every line.
    const rows = Array.from(
      { length: 6000 },
      (_, i) => `chr1\t${String(1000 + i)}\t.\tA\t.\t50\tPASS\t.\tGT\t0/${String(i + 1)}\n`,
    );
    writeFileSync(join(dir, 'many-warnings.vcf'), head + rows.join(''));
    const r = await cli('vcf', 'check', 'many-warnings.vcf');
    expect(r.code).toBe(EXIT.ok);
    expect(r.err).toHaveLength(101);
    expect(r.err[100]).toBe('many-warnings.vcf: … 5900 more warnings not shown (--max-problems)');
    expect(r.out[0]).toMatch(/, 6000 warnings$/);
  });

  it('exits 2 on usage errors: no file, an unknown option or command, a file that is not there', async () => {
    expect((await cli('vcf', 'check')).code).toBe(EXIT.usage);
    expect((await cli('vcf', 'check', '--nope', 'good.vcf')).code).toBe(EXIT.usage);
    expect((await cli('vcf', 'frobnicate')).code).toBe(EXIT.usage);
    expect((await cli('nothing')).code).toBe(EXIT.usage);
    expect(await cli('vcf', 'check', 'missing.vcf')).toEqual({
      code: EXIT.usage,
      out: [],
      err: ['missing.vcf: no such file'],
    });
  });

  it('has --help for every command, with the exit codes', async () => {
    for (const argv of [['--help'], ['vcf', '--help'], ['vcf', 'check', '--help']]) {
      const r = await cli(...argv);
      expect(r.code).toBe(EXIT.ok);
      expect(r.out.join('\n')).toContain('Usage:');
    }
    expect((await cli('vcf', 'check', '--help')).out.join('\n')).toContain('2    usage error');
  });

  it('prints JSON results with --json and caps problems with --max-problems', async () => {
    const r = await cli('vcf', 'check', '--json', '--max-problems', '1', 'bad.vcf');
    expect(r.code).toBe(EXIT.invalid);
    expect(JSON.parse(r.out[0] ?? '{}')).toMatchObject({
      file: 'bad.vcf',
      valid: false,
      errorCount: 2,
      version: '4.3',
    });
    expect(r.err).toEqual([
      'bad.vcf:4: POS: "forty" is not a position (a whole number ≥ 0)',
      'bad.vcf: … 1 more problems not shown (--max-problems)',
    ]);
  });
});

describe('vcf:check is for the command line only', () => {
  it('refuses a request from an app page: a page may not make main read files by path', async () => {
    const platform = createNodePlatform({ dataDir: join(dir, 'page'), transport: 'in-process' });
    const services = createMainServices({
      platform,
      logger: createFileLogger({ dir: platform.paths.logs }),
      policyPath: join(dir, 'no-policy.json'),
      isTrustedSender: () => true,
      appName: 'Cohort Desk',
      appVersion: '0.0.0',
    });
    try {
      const r = await services.router.invoke(
        'vcf:check',
        { path: join(dir, 'good.vcf') },
        { url: 'app://cohort-desk/index.html' },
      );
      expect(r).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    } finally {
      services.close();
    }
  });
});
