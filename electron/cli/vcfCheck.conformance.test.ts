import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedFolder } from '../../federation/sharedFolder';

// `npm run conformance`: the hts-specs VCF test suite and the vcf-rs test files through the real
// command line (issue 16). The CLI runs once per folder (one process per file would take an hour
// on a shared machine); problems are told apart by their FILE prefix.
const root = join(import.meta.dirname, '..', '..');
const shared = sharedFolder();
const suite = join(shared, 'data', 'vcf', 'hts-specs', 'test', 'vcf');
const dataDir = mkdtempSync(join(tmpdir(), 'vcf-conformance-'));
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

/** The hts-specs passed/ file that breaks its own version's rules (see the test below). */
const SPEC_BREAKING_PASSED = '4.5/passed/zero_length_LAA.vcf';

interface Run {
  status: number | null;
  /** stderr lines by file: errors and warnings apart. */
  errors: Map<string, string[]>;
  warnings: Map<string, string[]>;
  stdout: string;
  stderrLines: string[];
}

function vcfCheck(files: readonly string[]): Run {
  const r = spawnSync(
    'npm',
    ['run', '--silent', 'cli', '--', 'vcf', 'check', '--max-problems', '20', ...files],
    {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        COHORT_DESK_DATA_DIR: dataDir,
        COHORT_DESK_POLICY: join(dataDir, 'none.json'),
      },
      maxBuffer: 64 << 20,
    },
  );
  const errors = new Map<string, string[]>();
  const warnings = new Map<string, string[]>();
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  for (const line of lines) {
    const file = files.find((f) => line.startsWith(`${f}:`));
    if (file === undefined) continue;
    const into = / warning: /.test(line.slice(file.length)) ? warnings : errors;
    into.set(file, [...(into.get(file) ?? []), line]);
  }
  return { status: r.status, errors, warnings, stdout: r.stdout, stderrLines: lines };
}

const LOCATED = /^(.+):([1-9]\d*): \S/;
const have = existsSync(suite);
const dirs = have ? readdirSync(suite).filter((d) => /^4\.\d$/.test(d)) : [];

describe.skipIf(!have)('vcf check on the hts-specs VCF test suite (issue 16)', () => {
  for (const version of dirs) {
    const passed = join(suite, version, 'passed');
    if (existsSync(passed)) {
      const files = readdirSync(passed)
        .map((f) => join(passed, f))
        .filter((f) => !f.endsWith(SPEC_BREAKING_PASSED));
      if (files.length > 0)
        it(`accepts every ${version}/passed file (exit 0, no error on stderr)`, () => {
          const r = vcfCheck(files);
          expect(Object.fromEntries(r.errors)).toEqual({});
          expect(r.status).toBe(0);
          for (const f of files) expect(r.stdout).toContain(`${f}: valid VCFv`);
        }, 600_000);
    }
    const failed = join(suite, version, 'failed');
    if (existsSync(failed)) {
      it(`rejects every ${version}/failed file with located FILE:LINE: messages (exit 1)`, () => {
        const files = readdirSync(failed).map((f) => join(failed, f));
        const r = vcfCheck(files);
        expect(r.status).toBe(1);
        const unrejected = files.filter((f) => (r.errors.get(f) ?? []).length === 0);
        expect(unrejected).toEqual([]);
        for (const lines of r.errors.values()) for (const l of lines) expect(l).toMatch(LOCATED);
      }, 600_000);
    }
  }

  it(`${SPEC_BREAKING_PASSED}: rejected for exactly the two VCFv4.5 rules it breaks`, () => {
    // VCFv4.5 §1.6.1: "Positions are sorted numerically, in increasing order, within each
    // reference sequence CHROM"; §1.6: "The last data line must end with a line separator". The
    // file (written to test local alleles) has POS 400 before 300 and no final line break.
    const file = join(suite, SPEC_BREAKING_PASSED);
    const r = vcfCheck([file]);
    expect(r.status).toBe(1);
    expect(r.errors.get(file)).toEqual([
      `${file}:8: POS: POS 300 comes after POS 400 on 1; records must be sorted by position (bcftools sort)`,
      `${file}:10: the last line does not end with a line break (is the file cut off?)`,
    ]);
  }, 600_000);
});

const rs = join(shared, 'data', 'vcf', 'vcf-rs', 'testfiles');
describe.skipIf(!existsSync(rs))(
  'vcf check on the vcf-rs test files and the 1000 Genomes slice',
  () => {
    it('rejects bad1.vcf (no #CHROM line) and accepts the others, plain and BGZF', () => {
      const bad = join(rs, 'bad1.vcf');
      const r1 = vcfCheck([bad]);
      expect(r1.status).toBe(1);
      expect(r1.errors.get(bad)).toContain(
        `${bad}:14: header: the #CHROM header line is missing (expected after the ## lines)`,
      );
      const good = ['simple1.vcf', '1kGP-subset.vcf', '1kGP-subset.vcf.gz'].map((f) => join(rs, f));
      const r2 = vcfCheck(good);
      expect(Object.fromEntries(r2.errors)).toEqual({});
      expect(r2.status).toBe(0);
    }, 600_000);

    it('reads the 1000 Genomes chr22 slice: 2,548 samples, GRCh38', () => {
      const file = join(shared, 'data', 'population', 'test_1000G_hg38.vcf.gz');
      const r = vcfCheck([file]);
      expect(r.stderrLines).toEqual([]);
      expect(r.status).toBe(0);
      expect(r.stdout.trim()).toBe(
        `${file}: valid VCFv4.3, bgzf, 3042 records, 2548 samples, GRCh38`,
      );
    }, 600_000);
  },
);
