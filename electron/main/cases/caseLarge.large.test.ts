import { createWriteStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseHarness } from './testing/caseHarness';
import { openCaseHarness } from './testing/caseHarness';

// Issue 16: a VCF of more than 4 GB (4.3 GB of text), generated and streamed through gzip into a
// file of a few MB (so the disk is not filled; the harness folder is removed afterwards), imported
// through the router and the worker. Past 2^32 bytes: gzip's ISIZE wraps, offsets and progress
// outgrow 32 bits, and nothing may hold the file in memory. Slow: `npm run test:large`.
const RECORDS = 4_400;
const NOTE = 'A'.repeat(1 << 20);
let h: CaseHarness;

beforeAll(() => {
  h = openCaseHarness();
});
afterAll(async () => {
  await h.close();
});

function* lines(): Generator<string> {
  yield '##fileformat=VCFv4.3\n##contig=<ID=chr1,length=248956422>\n';
  yield '##INFO=<ID=NOTE,Number=1,Type=String,Description="A long note">\n';
  yield '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">\n';
  yield '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\n';
  for (let i = 0; i < RECORDS; i++)
    yield `chr1\t${String(10_000 + i * 10)}\t.\tC\tT\t50\tPASS\tNOTE=${NOTE}\tGT\t0/1\n`;
}

describe('issue 16: a 4 GB+ VCF', () => {
  it('imports every record of 4.3 GB streamed through gzip, in bounded memory', async () => {
    const file = join(h.dir, 'huge.vcf.gz');
    await pipeline(Readable.from(lines()), createGzip({ level: 1 }), createWriteStream(file));
    expect(statSync(file).size).toBeLessThan(100 << 20);
    let maxBytes = 0;
    const end = await h.importCase(
      { caseId: 'HUGE', patientId: 'P', sex: 'male', vcf: h.handle(file) },
      (p) => {
        maxBytes = Math.max(maxBytes, p.bytesRead);
      },
    );
    expect(end.problems).toEqual([]);
    expect(end).toMatchObject({ phase: 'done', records: RECORDS, variants: RECORDS });
    expect(maxBytes).toBe(statSync(file).size);
    const text = RECORDS * (NOTE.length + 40);
    expect(text).toBeGreaterThan(2 ** 32);
    // The text is never held whole: main and the worker stay far below its size.
    expect(process.resourceUsage().maxRSS * 1024).toBeLessThan(2 * 1024 ** 3);
    const v = await h.call('case:variants', { caseId: 'HUGE', limit: 1 });
    expect(v.total).toBe(RECORDS);
  }, 1_800_000);
});
