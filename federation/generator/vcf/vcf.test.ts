import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { geneBySymbol } from '../../reference';
import type { DataManifest } from '../index';
import { openSql, smallTestData, type Sql } from '../testing/fixture';
import { BGZF_BLOCK_DATA, BGZF_EOF, bgzfCompress } from './bgzf';
import { reg2bin } from './tabixIndex';
import { inflateBgzf as bgzfDecompress } from '../../htsget/bgzf';
import { parseTabix, reg2bins } from '../../htsget/tabix';
import { tabixQuery } from './tabixReader';

const hasTabix = spawnSync('tabix', ['--version']).status === 0;
if (!hasTabix)
  console.log(
    'tabix binary not found (apt-get install -y tabix): the htslib cross-check is skipped',
  );

let m: DataManifest;
let sql: Sql;
const vcf = (ds: string): string => join(m.dir, ds.slice(0, 2), 'vcf', `${ds}.vcf.gz`);

beforeAll(async () => {
  m = await smallTestData();
  sql = await openSql();
});
afterAll(() => {
  sql.close();
});

describe('BGZF and tabix primitives (HTS-03: complete files end with the EOF block)', () => {
  it('round-trips data through BGZF blocks of at most 64 KiB', () => {
    const data = Buffer.from(
      Array.from({ length: 200_000 }, (_, i) => String.fromCharCode(65 + ((i * 7) % 26))).join(''),
    );
    const z = bgzfCompress(data);
    expect(z.subarray(z.length - 28)).toEqual(BGZF_EOF);
    expect(bgzfDecompress(z)).toEqual(data);
    for (let off = 0; off < z.length; off += z.readUInt16LE(off + 16) + 1) {
      expect(z.readUInt16LE(off + 16) + 1).toBeLessThanOrEqual(65536);
      expect(z.readUInt32LE(off + z.readUInt16LE(off + 16) + 1 - 4)).toBeLessThanOrEqual(
        BGZF_BLOCK_DATA,
      );
    }
  });

  it('bins intervals as the SAM spec reg2bin does', () => {
    expect(reg2bin(0, 1)).toBe(4681);
    expect(reg2bin(16383, 16385)).toBe(585);
    expect(reg2bin(0, 1 << 29)).toBe(0);
    expect(reg2bins(0, 1)).toEqual([0, 1, 9, 73, 585, 4681]);
  });
});

describe('generated VCF 4.3 + tabix', () => {
  it('has a VCF tabix header and one reference per chromosome in VCF order', () => {
    const index = parseTabix(readFileSync(`${vcf('IT-CA-01')}.tbi`));
    expect(index.header).toEqual({ format: 2, colSeq: 1, colBeg: 2, colEnd: 0, meta: '#' });
    const text = bgzfDecompress(readFileSync(vcf('IT-CA-01'))).toString('latin1');
    const chroms = [
      ...new Set(
        text
          .split('\n')
          .filter((l) => l && !l.startsWith('#'))
          .map((l) => l.split('\t')[0]),
      ),
    ];
    expect(index.names).toEqual(chroms);
    expect(text.startsWith('##fileformat=VCFv4.3\n')).toBe(true);
  });

  it.each(['BRCA1', 'CFTR', 'CHEK2', 'DMD', 'TP53'])(
    'answers a region query for %s exactly like a full scan',
    (symbol) => {
      const g = geneBySymbol(symbol)!;
      for (const ds of ['IT-CA-01', 'FI-RD-01', 'SE-CA-01']) {
        const text = bgzfDecompress(readFileSync(vcf(ds))).toString('latin1');
        const scan = text.split('\n').filter((l) => {
          const [c, p, , r] = l.split('\t', 4);
          return c === g.chrom && Number(p) <= g.end && Number(p) + (r?.length ?? 1) - 1 >= g.start;
        });
        expect(
          tabixQuery(vcf(ds), `${vcf(ds)}.tbi`, g.chrom, g.start, g.end),
          `${ds} ${symbol}`,
        ).toEqual(scan);
      }
    },
  );

  it.skipIf(!hasTabix)(
    'is read by htslib tabix with the same result (17:43044295-43125483)',
    () => {
      const out = spawnSync('tabix', [vcf('IT-CA-01'), '17:43044295-43125483'], {
        encoding: 'latin1',
        maxBuffer: 1 << 26,
      });
      expect(out.status).toBe(0);
      const lines = out.stdout.split('\n').filter(Boolean);
      expect(lines.length).toBeGreaterThan(0);
      expect(lines).toEqual(
        tabixQuery(vcf('IT-CA-01'), `${vcf('IT-CA-01')}.tbi`, '17', 43044295, 43125483),
      );
      expect(lines.some((l) => l.startsWith('17\t43057062\t.\tT\tTG\t'))).toBe(true);
      const chroms = spawnSync('tabix', ['-l', vcf('SE-NE-01')], { encoding: 'latin1' });
      expect(chroms.stdout.split('\n')).toContain('X');
    },
  );

  it('carries every individual of the dataset as a sample and GTs that match the genotype table', async () => {
    const ds = 'FI-RD-01';
    const text = bgzfDecompress(readFileSync(vcf(ds))).toString('latin1');
    const lines = text.split('\n');
    const samples = (lines.find((l) => l.startsWith('#CHROM')) ?? '').split('\t').slice(9);
    const ids = await sql(
      `SELECT individual_id FROM read_parquet('${join(m.dir, 'FI', 'individuals.parquet')}') WHERE dataset_id = '${ds}' ORDER BY individual_id`,
    );
    expect(samples).toEqual(ids.map((r) => r['individual_id']));
    let het = 0;
    let hom = 0;
    let acOk = true;
    for (const l of lines) {
      if (!l || l.startsWith('#')) continue;
      const f = l.split('\t');
      const gts = f.slice(9);
      const h = gts.filter((g) => g === '0/1').length;
      const o = gts.filter((g) => g === '1/1').length;
      het += h;
      hom += o;
      acOk &&= (f[7] ?? '').startsWith(`AC=${h + 2 * o};AN=${2 * samples.length};`);
    }
    expect(acOk).toBe(true);
    const [row] = await sql(
      `SELECT count(*) FILTER (zygosity = 'het') AS het, count(*) FILTER (zygosity = 'hom') AS hom FROM read_parquet('${join(m.dir, 'FI', 'genotypes.parquet')}') WHERE dataset_id = '${ds}'`,
    );
    expect({ het: Number(row?.['het']), hom: Number(row?.['hom']) }).toEqual({ het, hom });
  });
});
