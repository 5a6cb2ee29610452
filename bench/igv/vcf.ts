/**
 * The igv baseline's input: the SAME variants and genotypes as the cache, as a VCF 4.2 with one GT
 * column per individual, compressed with htslib's bgzip and indexed with tabix (Debian binaries).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, renameSync } from 'node:fs';
import type { SampleDataset } from '../../shared/cohorts/testing/sampleCache';
import { CHROMOSOMES } from './data';

const run = (cmd: string, args: string[]): void => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${String(r.status)})`);
};

/** Writes `path` (.vcf.gz) and `path.tbi` unless both exist; returns the uncompressed byte count written. */
export async function writeVcf(d: SampleDataset, path: string): Promise<number> {
  if (existsSync(path) && existsSync(`${path}.tbi`)) return 0;
  const ids = d.individuals.individual_id;
  const column = new Map(ids.map((id, i) => [id, i]));
  const tmp = `${path}.part`;
  const bgzip = spawn('bgzip', ['-c', '-@', '2'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const out = createWriteStream(tmp);
  bgzip.stdout.pipe(out);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    bgzip.on('error', reject);
    bgzip.on('exit', (code) => {
      if (code !== 0) reject(new Error(`bgzip exited ${String(code)}`));
    });
  });
  let bytes = 0;
  const write = async (s: string): Promise<void> => {
    bytes += s.length;
    if (!bgzip.stdin.write(s))
      await new Promise<void>((resolve) => bgzip.stdin.once('drain', resolve));
  };
  await write(
    [
      '##fileformat=VCFv4.2',
      ...CHROMOSOMES.map(
        (c) => `##contig=<ID=${c.name},length=${String(c.length)},assembly=GRCh38>`,
      ),
      '##INFO=<ID=AC,Number=A,Type=Integer,Description="Allele count">',
      '##INFO=<ID=AN,Number=1,Type=Integer,Description="Allele number">',
      '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
      `#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t${ids.join('\t')}`,
      '',
    ].join('\n'),
  );
  const g = d.genotypes;
  const v = d.variants;
  let k = 0;
  const gts = Array<string>(ids.length);
  let chunk = '';
  for (let i = 0; i < v.variant_key.length; i++) {
    gts.fill('0/0');
    const key = v.variant_key[i]!;
    for (; k < g.variant_key.length && g.variant_key[k] === key; k++)
      gts[column.get(g.individual_id[k]!)!] = g.zygosity[k] === 'hom' ? '1/1' : '0/1';
    chunk += `chr${v.chrom[i]!}\t${String(v.pos[i])}\t${key}\t${v.ref[i]!}\t${v.alt[i]!}\t.\tPASS\tAC=${String(v.ac[i])};AN=${String(v.an[i])}\tGT\t${gts.join('\t')}\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  if (k !== g.variant_key.length) throw new Error('genotypes are not grouped in variant order');
  await write(chunk);
  bgzip.stdin.end();
  await done;
  renameSync(tmp, path);
  run('tabix', ['-f', '-p', 'vcf', path]);
  return bytes;
}
