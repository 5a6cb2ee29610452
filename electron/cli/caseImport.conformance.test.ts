import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedFolder } from '../../federation/sharedFolder';
import { EXIT } from './exitCodes';
import type { CliContext } from './io';
import { runCli } from './program';
import type { CliTransport } from './transport';
import { openCliTransport } from './transport';
import { offlineEnv } from './testing/cliHarness';

// Issue 16: the 1000 Genomes chr22 slice in ../shared (BGZF, VCFv4.3, 2,548 samples, 3,042
// records) imported as a case with `case import` and filtered with `case variants`, in process.
const shared = sharedFolder();
const file = join(shared, 'data', 'population', 'test_1000G_hg38.vcf.gz');
const dir = mkdtempSync(join(tmpdir(), 'case-1000g-'));
let transport: CliTransport | undefined;
afterAll(() => {
  transport?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = {
    transport: () => Promise.resolve((transport ??= openCliTransport(offlineEnv(dir)))),
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    cwd: dir,
    readPassphrase: () => Promise.resolve('conformance passphrase'),
  };
  return { code: await runCli(argv, ctx), out, err };
}

describe.skipIf(!existsSync(file))('issue 16: importing the 1000 Genomes chr22 slice', () => {
  it('imports the proband column (HG00096, the first sample) and filters it', async () => {
    const r = await cli(
      'case',
      'import',
      '--vcf',
      file,
      '--proband',
      'HG00096',
      '--id',
      'KG',
      '--json',
    );
    expect(r.err).toEqual([]);
    expect(r.code).toBe(EXIT.ok);
    // 334 = `bcftools norm -m-any | bcftools view -s HG00096 -c1 -H | wc -l` on the same file.
    expect(JSON.parse(r.out[0] ?? '{}')).toMatchObject({
      caseId: 'KG',
      records: 3042,
      variants: 334,
    });
    const all = await cli('case', 'variants', 'KG', '--json', '--limit', '1000');
    expect(all.code).toBe(EXIT.ok);
    const v = JSON.parse(all.out[0] ?? '{}') as { total: number; rows: { variant_key: string }[] };
    expect(v.total).toBe(334);
    for (const row of v.rows) expect(row.variant_key).toMatch(/^22-\d+-[ACGTN]+-[ACGTN]+$/);
    const hom = await cli(
      'case',
      'variants',
      'KG',
      '--filter',
      '{"inheritance":["homozygous_recessive"]}',
      '--json',
    );
    expect(hom.code).toBe(EXIT.ok);
    const kept = (JSON.parse(hom.out[0] ?? '{}') as { kept: number }).kept;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(334);
  }, 600_000);
});
