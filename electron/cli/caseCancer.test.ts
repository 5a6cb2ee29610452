import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toBgzf } from '../main/vcf/bgzfWriter';
import { mutect2Vcf, SOMATIC_TRUTH, strelka2Vcf } from '../main/cases/cancer/testing/somaticVcfs';
import {
  brokenLine,
  GERMLINE_SAMPLE,
  germlineVcf,
  OTHER_SAMPLE,
  PATIENT_GERMLINE,
} from '../main/cases/cancer/testing/germlineVcfs';
import { EXIT } from './exitCodes';
import type { CliContext } from './io';
import { runCli } from './program';
import type { CliTransport } from './transport';
import { openCliTransport } from './transport';
import { offlineEnv } from './testing/cliHarness';

// `npm run cli -- case import` of cancer cases (issue 19), in process over the real router and the
// same case:import handler the New case dialog uses.
const dir = mkdtempSync(join(tmpdir(), 'cli-cancer-'));
const env = offlineEnv(dir);
writeFileSync(join(dir, 'mutect2.vcf.gz'), toBgzf(mutect2Vcf()));
writeFileSync(join(dir, 'strelka2.vcf'), strelka2Vcf());
writeFileSync(join(dir, 'blood.vcf.gz'), toBgzf(germlineVcf()));
writeFileSync(join(dir, 'bad-blood.vcf.gz'), toBgzf(germlineVcf({ brokenAt: 3 })));
let transport: CliTransport | undefined;
afterAll(() => {
  transport?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = {
    transport: () => Promise.resolve((transport ??= openCliTransport(env))),
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    cwd: dir,
    readPassphrase: () => Promise.resolve('correct horse battery staple'),
  };
  return { code: await runCli(argv, ctx), out, err };
}
const caseIds = async (): Promise<string[]> => {
  const r = await cli('case', 'list', '--json');
  return (JSON.parse(r.out[0] ?? '{}') as { cases: { caseId: string }[] }).cases.map(
    (c) => c.caseId,
  );
};

describe('issue 19: cli case import of cancer cases', () => {
  it('issue 19: imports a Mutect2 tumour-normal VCF with its OncoTree type and purity, VAFs exact', async () => {
    const r = await cli(
      'case',
      'import',
      '--vcf',
      'mutect2.vcf.gz',
      '--id',
      'CA-CLI',
      '--patient',
      'P-CA',
      '--tumour-type',
      'SKCM',
      '--purity',
      '60',
      '--json',
    );
    expect(r.code, r.err.join('\n')).toBe(EXIT.ok);
    expect(JSON.parse(r.out[0] ?? '{}')).toMatchObject({
      caseId: 'CA-CLI',
      kind: 'cancer',
      caller: 'mutect2',
      tumour: 'T-001',
      normal: 'N-001',
      tumourType: 'SKCM',
      purity: 0.6,
    });
    const t = transport as CliTransport;
    const open = await t.invoke('case:open', { caseId: 'CA-CLI' });
    expect(open.ok && open.value.cancer).toEqual({
      caller: 'mutect2',
      tumourType: 'SKCM',
      purity: 0.6,
      tumour: 'T-001',
      normal: 'N-001',
    });
    const somatic = await t.invoke('cancer:somatic', {
      caseId: 'CA-CLI',
      filter: {},
      limit: 1000,
    });
    const rows = new Map((somatic.ok ? somatic.value.rows : []).map((x) => [x.variant_key, x]));
    expect([...rows.keys()].sort()).toEqual(SOMATIC_TRUTH.map((x) => x.key).sort());
    for (const x of SOMATIC_TRUTH)
      expect(rows.get(x.key)?.t_vaf, x.key).toBe(x.tumour[1] / (x.tumour[0] + x.tumour[1]));
  }, 120_000);

  it('issue 19: a somatic caller’s VCF without a cancer option is a cancer case, as New case proposes (decision 0079)', async () => {
    const r = await cli('case', 'import', '--vcf', 'mutect2.vcf.gz', '--id', 'CA-AUTO', '--json');
    expect(r.code, r.err.join('\n')).toBe(EXIT.ok);
    expect(JSON.parse(r.out[0] ?? '{}')).toMatchObject({
      caseId: 'CA-AUTO',
      kind: 'cancer',
      caller: 'mutect2',
      tumour: 'T-001',
      normal: 'N-001',
    });
  }, 120_000);

  it('issue 19: a Strelka2 VCF as tumour-only: the tumour the header names, no normal', async () => {
    const r = await cli(
      'case',
      'import',
      '--vcf',
      'strelka2.vcf',
      '--id',
      'CA-ONLY',
      '--tumour-only',
    );
    expect(r.code, r.err.join('\n')).toBe(EXIT.ok);
    expect(r.out[0]).toMatch(/^CA-ONLY: imported .* \(cancer case: tumour TUMOR, tumour-only\)$/);
    const open = await (transport as CliTransport).invoke('case:open', { caseId: 'CA-ONLY' });
    expect(open.ok && open.value.cancer).toMatchObject({
      caller: 'strelka2',
      tumour: 'TUMOR',
      normal: null,
      tumourType: null,
      purity: null,
    });
  }, 120_000);

  it('issue 19: usage errors exit 2 and bad samples exit 1, each saying what to do; nothing is imported', async () => {
    const purity = await cli('case', 'import', '--vcf', 'mutect2.vcf.gz', '--purity', '150');
    expect(purity.code).toBe(EXIT.usage);
    expect(purity.err.join('\n')).toContain('--purity takes a percentage between 1 and 100');
    const type = await cli('case', 'import', '--vcf', 'mutect2.vcf.gz', '--tumour-type', 'XYZ');
    expect(type.code).toBe(EXIT.usage);
    const ped = await cli(
      'case',
      'import',
      '--vcf',
      'mutect2.vcf.gz',
      '--cancer',
      '--link',
      'T-001=P',
    );
    expect(ped.code).toBe(EXIT.usage);
    expect(ped.err.join('\n')).toContain('leave out --ped, --link and --proband');
    const sample = await cli(
      'case',
      'import',
      '--vcf',
      'mutect2.vcf.gz',
      '--id',
      'CA-BAD',
      '--tumour',
      'NOPE',
    );
    expect(sample.code).toBe(EXIT.invalid);
    expect(sample.err.join('\n')).toContain('NOPE');
    expect(await caseIds()).not.toContain('CA-BAD');
  }, 120_000);

  it('issue 19: --help lists the cancer options and the exit codes', async () => {
    const help = await cli('case', 'import', '--help');
    expect(help.code).toBe(EXIT.ok);
    const text = help.out.join('\n');
    for (const o of ['--tumour <sample>', '--normal <sample>', '--tumour-only', '--tumour-type'])
      expect(text).toContain(o);
    expect(text).toContain('--purity <percent>');
    expect(text).toContain('1    an input is invalid');
  });

  it('issue 19 (decision 0059): --germline-vcf imports the germline caller VCF beside the tumour VCF; its first sample by default', async () => {
    const r = await cli(
      'case',
      'import',
      '--vcf',
      'mutect2.vcf.gz',
      '--id',
      'CA-CLI-GV',
      '--patient',
      'P-GV',
      '--germline-vcf',
      'blood.vcf.gz',
      '--json',
    );
    expect(r.code, r.err.join('\n')).toBe(EXIT.ok);
    // Issue 19: the JSON names the germline file as the person gave it, not main's file handle.
    const printed = JSON.parse(r.out[0] ?? '{}') as { germline?: unknown };
    expect(printed.germline).toEqual({ file: 'blood.vcf.gz', sample: GERMLINE_SAMPLE });
    expect(r.out.join('\n')).not.toMatch(/fh_/u);
    const t = transport as CliTransport;
    const g = await t.invoke('cancer:germline', { caseId: 'CA-CLI-GV' });
    expect(g.ok && { sample: g.value.sample, file: g.value.file }).toEqual({
      sample: GERMLINE_SAMPLE,
      file: 'blood.vcf.gz',
    });
    expect(g.ok && g.value.rows.map((x) => [x.variant_key, x.gene, x.gt])).toEqual(
      PATIENT_GERMLINE.map((x) => [x.key, x.gene, x.gt]),
    );
  });

  it('issue 19 (decision 0059): --germline-sample picks another sample; a sample the file lacks or a bad line stops before anything is imported', async () => {
    const other = await cli(
      'case',
      'import',
      '--vcf',
      'mutect2.vcf.gz',
      '--id',
      'CA-CLI-GV2',
      '--germline-vcf',
      'blood.vcf.gz',
      '--germline-sample',
      OTHER_SAMPLE,
    );
    expect(other.code, other.err.join('\n')).toBe(EXIT.ok);
    expect(other.out.join('\n')).toContain(`germline VCF blood.vcf.gz sample ${OTHER_SAMPLE}`);
    const t = transport as CliTransport;
    const g = await t.invoke('cancer:germline', { caseId: 'CA-CLI-GV2' });
    expect(g.ok && g.value.sample).toBe(OTHER_SAMPLE);

    const before = await caseIds();
    const missing = await cli(
      'case',
      'import',
      '--vcf',
      'mutect2.vcf.gz',
      '--id',
      'CA-CLI-GV3',
      '--germline-vcf',
      'blood.vcf.gz',
      '--germline-sample',
      'NOBODY',
    );
    expect(missing.code).toBe(EXIT.usage);
    expect(missing.err.join('\n')).toMatch(/blood\.vcf\.gz: "NOBODY" is not one of its samples/u);
    const bad = await cli(
      'case',
      'import',
      '--vcf',
      'mutect2.vcf.gz',
      '--id',
      'CA-CLI-GV4',
      '--germline-vcf',
      'bad-blood.vcf.gz',
    );
    expect(bad.code).toBe(EXIT.invalid);
    expect(bad.err.join('\n')).toContain(`bad-blood.vcf.gz:${String(brokenLine(3))}`);
    const lonely = await cli(
      'case',
      'import',
      '--vcf',
      'mutect2.vcf.gz',
      '--id',
      'CA-CLI-GV5',
      '--germline-sample',
      GERMLINE_SAMPLE,
    );
    expect(lonely.code).toBe(EXIT.usage);
    expect(await caseIds()).toEqual(before);
  });
});
