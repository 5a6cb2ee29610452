import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { formatProblem } from '../../../shared/vcf';
import { sharedFolder } from '../../../federation/sharedFolder';
import { toBgzf } from './bgzfWriter';
import { readVcfFile } from './nodeVcf';

const dir = mkdtempSync(join(tmpdir(), 'vcf-node-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const HEADER =
  '##fileformat=VCFv4.3\n##contig=<ID=17,length=83257441>\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tP1\n';
/** A valid VCF of n records, large enough to span many BGZF blocks when n is large. */
const text = (n: number): string => {
  let s = HEADER;
  for (let i = 0; i < n; i++)
    s += `17\t${String(1000 + i * 10)}\t.\tC\tT\t50\tPASS\tDP=${String(i % 90)}\tGT\t0/1\n`;
  return s;
};

async function check(
  name: string,
  bytes: Uint8Array,
): Promise<{ errors: string[]; records: number; container: string | undefined }> {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  let records = 0;
  const s = await readVcfFile(path, { onRecord: () => (records += 1) });
  return { errors: s.problems.map(formatProblem), records, container: s.container };
}

describe('reading VCF files from disk: plain, gzip, BGZF (issue 16)', () => {
  const body = text(20_000);

  it('reads the same records from plain, gzip and BGZF', async () => {
    expect(await check('a.vcf', Buffer.from(body))).toEqual({
      errors: [],
      records: 20_000,
      container: 'plain',
    });
    expect(await check('a.vcf.gz', gzipSync(body))).toEqual({
      errors: [],
      records: 20_000,
      container: 'gzip',
    });
    expect(await check('b.vcf.gz', toBgzf(body))).toEqual({
      errors: [],
      records: 20_000,
      container: 'bgzf',
    });
  });

  it('issue 16: a read stopped at the header reports no phantom cut-off line (plain, gzip, BGZF)', async () => {
    // 120,000 records: several MB, so the first chunk or BGZF batch ends inside a record line.
    const big = text(120_000);
    for (const [name, bytes] of [
      ['stop.vcf', Buffer.from(big)],
      ['stop.vcf.gz', gzipSync(big)],
      ['stop.bgz.vcf.gz', toBgzf(big)],
    ] as const) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      const signal = { aborted: false };
      const s = await readVcfFile(path, {
        signal,
        onHeader: () => {
          signal.aborted = true;
        },
      });
      expect(s.header?.samples, name).toEqual(['P1']);
      expect(s.cancelled, name).toBe(true);
      expect(s.problems.map(formatProblem), name).toEqual([]);
    }
  });

  it('issue 16: a truncated gzip file is an error, not a shorter file', async () => {
    const gz = gzipSync(body);
    const r = await check('cut.vcf.gz', gz.subarray(0, Math.floor(gz.length / 2)));
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(
      /^cut\.vcf\.gz:\d+: after line \d+: the gzip data ends early: the file is truncated/,
    );
  });

  it('issue 16: a BGZF file without its EOF block, or cut inside a block, is an error', async () => {
    const noEof = await check('noeof.vcf.gz', toBgzf(body, { eof: false }));
    expect(noEof.errors).toEqual([
      expect.stringContaining('the BGZF end-of-file marker is missing'),
    ]);
    const full = toBgzf(body);
    const cut = await check('cutblock.vcf.gz', full.subarray(0, full.length - 1000));
    expect(cut.errors).toEqual([expect.stringContaining('its last BGZF block is cut off')]);
  });

  it('a corrupt BGZF block (one flipped byte) is an error', async () => {
    const bad = Buffer.from(toBgzf(body));
    bad[5000] = (bad[5000] ?? 0) ^ 0xff;
    const r = await check('flip.vcf.gz', bad);
    expect(r.errors).toEqual([
      expect.stringContaining('the bgzf data is corrupt and cannot be decompressed'),
    ]);
  });

  it('names binary junk, other compressors and BCF', async () => {
    const junk = Buffer.from([...Buffer.from(HEADER), 0x00, 0x01, 0x02, 0xff, 0x0a]);
    expect((await check('junk.vcf', junk)).errors[0]).toMatch(
      /^junk\.vcf:4: is not UTF-8 text: this is binary data/,
    );
    expect(
      (await check('x.vcf.xz', Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0, 1, 2]))).errors,
    ).toEqual(['x.vcf.xz:1: this is xz-compressed (use gzip or bgzip), not a VCF']);
    expect(
      (await check('x.bcf', toBgzf(Buffer.from('BCF\u0002\u0002\u0000\u0000')))).errors[0],
    ).toContain('this is a BCF file, not a VCF');
  });

  it('reads the 1000 Genomes chr22 slice (2,548 samples) when ../shared is present', async () => {
    const shared = sharedFolder();
    const file = join(shared, 'data', 'population', 'test_1000G_hg38.vcf.gz');
    const { existsSync } = await import('node:fs');
    if (!existsSync(file)) return;
    let records = 0;
    const s = await readVcfFile(file, { onRecord: () => (records += 1) });
    expect(s.problems.map(formatProblem)).toEqual([]);
    expect([s.container, s.header?.version, s.header?.samples.length, records]).toEqual([
      'bgzf',
      '4.3',
      2548,
      3042,
    ]);
  }, 120_000);
});
