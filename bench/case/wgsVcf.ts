/**
 * A seeded single-sample GRCh38 VCF with VEP-style CSQ, for the case import benchmark (issue 16):
 * records spread over the primary chromosomes by length, sorted; SNVs and short indels; genes
 * from resources/genome/genes.tsv so panel filters find something; per record 1–4 CSQ entries
 * with consequence, impact, HGVS and gnomAD-style frequencies; FORMAT GT:AD:DP:GQ. Written as
 * BGZF with `bgzip` when it is installed (multi-threaded), else with the app's own BGZF writer.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rng } from '../../shared/cohorts/testing/sampleCache';
import { BgzfWriter } from '../../electron/main/vcf/bgzfWriter';

const root = join(import.meta.dirname, '..', '..');

const CSQ_FIELDS =
  'Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|BIOTYPE|EXON|INTRON|HGVSc|HGVSp|Existing_variation|STRAND|CANONICAL|MANE_SELECT|gnomADe_AF|gnomADg_AF|MAX_AF|CLIN_SIG';

const CONSEQUENCES: readonly (readonly [string, string, number])[] = [
  // term, impact, weight for genic variants
  ['intron_variant', 'MODIFIER', 60],
  ['upstream_gene_variant', 'MODIFIER', 10],
  ['downstream_gene_variant', 'MODIFIER', 10],
  ['3_prime_UTR_variant', 'MODIFIER', 5],
  ['synonymous_variant', 'LOW', 5],
  ['missense_variant', 'MODERATE', 6],
  ['splice_region_variant', 'LOW', 1],
  ['stop_gained', 'HIGH', 1],
  ['frameshift_variant', 'HIGH', 1],
  ['splice_donor_variant', 'HIGH', 1],
];
const TOTAL_WEIGHT = CONSEQUENCES.reduce((n, c) => n + c[2], 0);

interface Gene {
  start: number;
  end: number;
  symbol: string;
  strand: string;
}

function genesByChrom(): Map<string, Gene[]> {
  const out = new Map<string, Gene[]>();
  for (const line of readFileSync(join(root, 'resources', 'genome', 'genes.tsv'), 'utf8').split(
    '\n',
  )) {
    if (line.startsWith('#') || line === '') continue;
    const [chrom, start, end, symbol, strand] = line.split('\t');
    if (chrom === undefined || symbol === undefined) continue;
    const list = out.get(chrom) ?? [];
    list.push({ start: Number(start), end: Number(end), symbol, strand: strand ?? '+' });
    out.set(chrom, list);
  }
  for (const l of out.values()) l.sort((a, b) => a.start - b.start);
  return out;
}

function chromSizes(): [string, number][] {
  return readFileSync(join(root, 'resources', 'genome', 'chrom.sizes'), 'utf8')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const [c, n] = l.split('\t');
      return [c ?? '', Number(n)] as [string, number];
    })
    .filter(([c]) => c !== 'chrY' && c !== 'chrM');
}

const BASES = ['A', 'C', 'G', 'T'];

export interface WgsOptions {
  readonly records: number;
  readonly seed?: number;
  readonly sample?: string;
}

/** The header lines (with the #CHROM line). */
export function wgsHeader(sample: string): string {
  const contigs = readFileSync(join(root, 'resources', 'genome', 'chrom.sizes'), 'utf8')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const [c, n] = l.split('\t');
      return `##contig=<ID=${c ?? ''},length=${n ?? ''},assembly=GRCh38>`;
    });
  return [
    '##fileformat=VCFv4.2',
    '##FILTER=<ID=PASS,Description="All filters passed">',
    '##FILTER=<ID=LowQual,Description="Low quality">',
    ...contigs,
    '##INFO=<ID=DP,Number=1,Type=Integer,Description="Total depth">',
    `##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: ${CSQ_FIELDS}">`,
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">',
    '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Read depth">',
    '##FORMAT=<ID=GQ,Number=1,Type=Integer,Description="Genotype quality">',
    `#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t${sample}`,
  ].join('\n');
}

/** Yields the file's text in ~1 MB pieces: header first, then the sorted records. */
export function* wgsText(opts: WgsOptions): Generator<string> {
  const r = rng(opts.seed ?? 16);
  const genes = genesByChrom();
  const sizes = chromSizes();
  const total = sizes.reduce((n, [, s]) => n + s, 0);
  yield `${wgsHeader(opts.sample ?? 'PATIENT-1')}\n`;
  let buf: string[] = [];
  let bytes = 0;
  let written = 0;
  for (const [chrom, size] of sizes) {
    const n =
      chrom === sizes[sizes.length - 1]?.[0]
        ? opts.records - written
        : Math.round((opts.records * size) / total);
    const step = size / (n + 1);
    const list = genes.get(chrom) ?? [];
    let gi = 0;
    let pos = 0;
    for (let i = 0; i < n; i++) {
      pos = Math.max(pos + 1, Math.floor(step * (i + 1) + (r() - 0.5) * step * 0.5));
      while (gi < list.length && (list[gi]?.end ?? 0) < pos) gi++;
      const g = list[gi];
      const gene = g !== undefined && g.start <= pos ? g : undefined;
      const line = record(r, chrom, pos, gene);
      buf.push(line);
      bytes += line.length;
      if (bytes > 1 << 20) {
        yield `${buf.join('\n')}\n`;
        buf = [];
        bytes = 0;
      }
    }
    written += n;
  }
  if (buf.length > 0) yield `${buf.join('\n')}\n`;
}

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)] as T;
}

function record(r: () => number, chrom: string, pos: number, gene: Gene | undefined): string {
  const ref0 = pick(r, BASES);
  const kind = r();
  let ref = ref0;
  let alt: string;
  if (kind < 0.85)
    alt = pick(
      r,
      BASES.filter((b) => b !== ref0),
    );
  else if (kind < 0.93) {
    ref = ref0 + pick(r, BASES) + (r() < 0.5 ? pick(r, BASES) : '');
    alt = ref0;
  } else alt = ref0 + pick(r, BASES) + (r() < 0.5 ? pick(r, BASES) : '');
  const hom = r() < 0.35;
  const dp = 10 + Math.floor(r() * 40);
  const altReads = hom ? dp - Math.floor(r() * 2) : Math.floor(dp * (0.3 + r() * 0.4));
  const gq = Math.floor(r() * 99);
  const af = r() < 0.2 ? r() * 0.0005 : r() * 0.6;
  const csq = annotations(r, gene, alt.length === ref.length ? alt : alt.slice(1) || '-', af);
  const filter = r() < 0.1 ? 'LowQual' : 'PASS';
  const qual = (20 + r() * 500).toFixed(1);
  const id = r() < 0.5 ? `rs${String(1000 + Math.floor(r() * 9e8))}` : '.';
  return `${chrom}\t${String(pos)}\t${id}\t${ref}\t${alt}\t${qual}\t${filter}\tDP=${String(dp)};CSQ=${csq}\tGT:AD:DP:GQ\t${hom ? '1/1' : '0/1'}:${String(dp - altReads)},${String(altReads)}:${String(dp)}:${String(gq)}`;
}

function annotations(r: () => number, gene: Gene | undefined, allele: string, af: number): string {
  const freq = `${af.toPrecision(3)}|${(af * (0.8 + r() * 0.4)).toPrecision(3)}|${af.toPrecision(3)}`;
  // Allele, Consequence, IMPACT, 13 empty fields (SYMBOL … MANE_SELECT), 3 frequencies, CLIN_SIG.
  if (gene === undefined) return `${allele}|intergenic_variant|MODIFIER${'|'.repeat(14)}${freq}|`;
  const n = 1 + Math.floor(r() * 3);
  const out: string[] = [];
  for (let t = 0; t < n; t++) {
    let w = r() * TOTAL_WEIGHT;
    let c = CONSEQUENCES[0] as (typeof CONSEQUENCES)[number];
    for (const x of CONSEQUENCES) {
      w -= x[2];
      if (w <= 0) {
        c = x;
        break;
      }
    }
    const tx = `ENST${String(10000000000 + Math.floor(r() * 1e9)).slice(1)}`;
    const coding = c[1] !== 'MODIFIER';
    const hgvsc = coding ? `${tx}.1:c.${String(100 + Math.floor(r() * 3000))}A>G` : '';
    const hgvsp = c[0] === 'missense_variant' ? `ENSP0000${String(t)}.1:p.Arg123Gly` : '';
    out.push(
      [
        allele,
        c[0],
        c[1],
        gene.symbol,
        `ENSG${String(Math.floor(r() * 1e11)).padStart(11, '0')}`,
        'Transcript',
        tx,
        'protein_coding',
        coding ? `${String(1 + Math.floor(r() * 20))}/20` : '',
        coding ? '' : `${String(1 + Math.floor(r() * 19))}/19`,
        hgvsc,
        hgvsp,
        '',
        gene.strand === '-' ? '-1' : '1',
        t === 0 ? 'YES' : '',
        t === 0 ? `NM_${String(100000 + Math.floor(r() * 9e5))}.4` : '',
        freq,
        c[1] === 'HIGH' && r() < 0.2 ? 'pathogenic' : '',
      ].join('|'),
    );
  }
  return out.join(',');
}

/** Writes the VCF as BGZF to `file`; resolves with the uncompressed byte count. */
export async function writeWgsVcf(file: string, opts: WgsOptions): Promise<number> {
  let text = 0;
  if (await hasBgzip()) {
    const out = createWriteStream(file);
    const child = spawn('bgzip', ['-c', '-@', '2'], { stdio: ['pipe', 'pipe', 'inherit'] });
    // Listened to before any input: a small file can be written and closed within one write.
    const finished = new Promise<void>((resolve, reject) => {
      out.on('finish', () => resolve());
      child.on('error', reject);
    });
    child.stdout.pipe(out);
    for (const piece of wgsText(opts)) {
      text += Buffer.byteLength(piece);
      if (!child.stdin.write(piece))
        await new Promise<void>((r) => child.stdin.once('drain', () => r()));
    }
    child.stdin.end();
    await finished;
    return text;
  }
  const out = createWriteStream(file);
  const w = new BgzfWriter((b) => out.write(b));
  for (const piece of wgsText(opts)) {
    text += Buffer.byteLength(piece);
    w.push(piece);
  }
  w.end();
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return text;
}

function hasBgzip(): Promise<boolean> {
  return new Promise((resolve) => {
    const c = spawn('bgzip', ['--version'], { stdio: 'ignore' });
    c.on('error', () => resolve(false));
    c.on('exit', (code) => resolve(code === 0));
  });
}
