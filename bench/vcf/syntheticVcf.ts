// A synthetic single-sample GRCh38 VCF with VEP-style CSQ, as BGZF, for the VCF benchmarks (issue
// 16: reader speed; the case import benchmark reuses it). Deterministic; cached by record count.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, renameSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { BgzfWriter } from '../../electron/main/vcf/bgzfWriter';

const CHROMS: readonly [string, number][] = [
  ['chr1', 248956422],
  ['chr2', 242193529],
  ['chr3', 198295559],
  ['chr4', 190214555],
  ['chr5', 181538259],
  ['chr6', 170805979],
  ['chr7', 159345973],
  ['chr8', 145138636],
  ['chr9', 138394717],
  ['chr10', 133797422],
  ['chr11', 135086622],
  ['chr12', 133275309],
  ['chr13', 114364328],
  ['chr14', 107043718],
  ['chr15', 101991189],
  ['chr16', 90338345],
  ['chr17', 83257441],
  ['chr18', 80373285],
  ['chr19', 58617616],
  ['chr20', 64444167],
  ['chr21', 46709983],
  ['chr22', 50818468],
  ['chrX', 156040895],
];
const CSQ_FIELDS =
  'Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|BIOTYPE|EXON|INTRON|HGVSc|HGVSp|cDNA_position|CDS_position|Protein_position|Amino_acids|Codons|Existing_variation|DISTANCE|STRAND|FLAGS|SYMBOL_SOURCE|HGNC_ID|CANONICAL|MANE_SELECT|gnomADe_AF|gnomADg_AF|MAX_AF|CLIN_SIG';
const CONSEQUENCES: readonly [string, string][] = [
  ['intron_variant', 'MODIFIER'],
  ['missense_variant', 'MODERATE'],
  ['synonymous_variant', 'LOW'],
  ['upstream_gene_variant', 'MODIFIER'],
  ['3_prime_UTR_variant', 'MODIFIER'],
  ['stop_gained', 'HIGH'],
  ['splice_region_variant&intron_variant', 'LOW'],
  ['frameshift_variant', 'HIGH'],
];
const BASES = 'ACGT';

export const HEADER = [
  '##fileformat=VCFv4.2',
  '##FILTER=<ID=PASS,Description="All filters passed">',
  '##FILTER=<ID=LowQual,Description="Low quality">',
  '##reference=GRCh38',
  ...CHROMS.map(([c, l]) => `##contig=<ID=${c},length=${String(l)}>`),
  '##INFO=<ID=AC,Number=A,Type=Integer,Description="Allele count in genotypes">',
  '##INFO=<ID=AF,Number=A,Type=Float,Description="Allele Frequency">',
  '##INFO=<ID=AN,Number=1,Type=Integer,Description="Total number of alleles in called genotypes">',
  '##INFO=<ID=DP,Number=1,Type=Integer,Description="Approximate read depth">',
  '##INFO=<ID=MQ,Number=1,Type=Float,Description="RMS Mapping Quality">',
  '##INFO=<ID=QD,Number=1,Type=Float,Description="Variant Confidence/Quality by Depth">',
  '##INFO=<ID=FS,Number=1,Type=Float,Description="Phred-scaled p-value using Fisher\'s exact test">',
  `##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: ${CSQ_FIELDS}">`,
  '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
  '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">',
  '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Read depth">',
  '##FORMAT=<ID=GQ,Number=1,Type=Integer,Description="Genotype Quality">',
  '##FORMAT=<ID=PL,Number=G,Type=Integer,Description="Phred-scaled likelihoods">',
  '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tPATIENT',
].join('\n');

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The data lines, in order (sorted by contig and position). */
export function* syntheticLines(records: number): Generator<string> {
  const r = rng(16);
  const perChrom = Math.ceil(records / CHROMS.length);
  let n = 0;
  for (const [chrom, length] of CHROMS) {
    const step = Math.floor((length - 20_000) / perChrom);
    for (let i = 0; i < perChrom && n < records; i++, n++) {
      const pos = 10_000 + i * step + Math.floor(r() * (step - 10));
      const ref0 = BASES[Math.floor(r() * 4)] ?? 'A';
      const kind = r();
      let ref = ref0;
      let alts: string[];
      if (kind < 0.85) alts = [BASES[(BASES.indexOf(ref0) + 1 + Math.floor(r() * 3)) % 4] ?? 'C'];
      else if (kind < 0.93) {
        ref = ref0 + 'TG'.slice(0, 1 + Math.floor(r() * 2));
        alts = [ref0];
      } else if (kind < 0.97) alts = [`${ref0}AT`.slice(0, 2 + Math.floor(r() * 2))];
      else alts = [ref0 === 'A' ? 'C' : 'A', ref0 === 'G' ? 'T' : 'G'];
      const multi = alts.length > 1;
      const gt = multi ? '1/2' : r() < 0.62 ? '0/1' : '1/1';
      const dp = 12 + Math.floor(r() * 60);
      const alt1 = gt === '1/1' ? dp - 1 : Math.floor(dp / 2);
      const ad = multi
        ? `1,${String(alt1)},${String(dp - alt1 - 1)}`
        : `${String(dp - alt1)},${String(alt1)}`;
      const pl = multi ? '900,400,350,300,0,280' : gt === '0/1' ? '600,0,700' : '1200,90,0';
      const ac = multi ? '1,1' : gt === '0/1' ? '1' : '2';
      const af = multi ? '0.5,0.5' : gt === '0/1' ? '0.5' : '1';
      const csq = csqFor(r, alts, ref);
      const info = `AC=${ac};AF=${af};AN=2;DP=${String(dp)};MQ=60;QD=${(r() * 30).toFixed(2)};FS=${(r() * 10).toFixed(3)};CSQ=${csq}`;
      const qual = (50 + r() * 2000).toFixed(2);
      yield `${chrom}\t${String(pos)}\t.\t${ref}\t${alts.join(',')}\t${qual}\t${r() < 0.95 ? 'PASS' : 'LowQual'}\t${info}\tGT:AD:DP:GQ:PL\t${gt}:${ad}:${String(dp)}:${String(20 + Math.floor(r() * 79))}:${pl}`;
    }
  }
}

function csqFor(r: () => number, alts: readonly string[], ref: string): string {
  const entries: string[] = [];
  const transcripts = 1 + Math.floor(r() * 3);
  for (const alt of alts) {
    const allele = ref.length === alt.length ? alt : alt.length > ref.length ? alt.slice(1) : '-';
    for (let t = 0; t < transcripts; t++) {
      const [cons, impact] = CONSEQUENCES[Math.floor(r() * CONSEQUENCES.length)] ?? [
        'intron_variant',
        'MODIFIER',
      ];
      const g = Math.floor(r() * 19000);
      const tx = `ENST${String(100000 + g * 3 + t).padStart(11, '0')}`;
      const coding = impact !== 'MODIFIER';
      const af = r() < 0.7 ? (r() ** 3).toExponential(3) : '';
      entries.push(
        [
          allele,
          cons,
          impact,
          `GENE${String(g)}`,
          `ENSG${String(g).padStart(11, '0')}`,
          'Transcript',
          tx,
          'protein_coding',
          coding ? `${String(1 + Math.floor(r() * 20))}/21` : '',
          coding ? '' : `${String(1 + Math.floor(r() * 20))}/20`,
          coding ? `${tx}.1:c.${String(100 + g)}${ref[0] ?? 'A'}>${alt[0] ?? 'C'}` : '',
          coding ? `ENSP${String(g)}.1:p.Leu${String(g % 900)}Pro` : '',
          '',
          '',
          '',
          '',
          '',
          r() < 0.5 ? `rs${String(Math.floor(r() * 1e8))}` : '',
          '',
          '1',
          '',
          'HGNC',
          `HGNC:${String(g)}`,
          t === 0 ? 'YES' : '',
          t === 0 ? `NM_${String(g).padStart(6, '0')}.3` : '',
          af,
          af,
          af,
          '',
        ].join('|'),
      );
    }
  }
  return entries.join(',');
}

/** Writes (once) the BGZF file for `records` records and returns its path; bgzip is used when present. */
export async function ensureSyntheticVcf(
  path: string,
  records: number,
  say: (m: string) => void,
): Promise<string> {
  if (existsSync(path) && statSync(path).size > 0) return path;
  const partial = `${path}.partial`;
  const out = createWriteStream(partial);
  const useBgzip = await new Promise<boolean>((resolve) => {
    const p = spawn('bgzip', ['--version'], { stdio: 'ignore' });
    p.on('error', () => resolve(false));
    p.on('exit', (code) => resolve(code === 0));
  });
  say(`writing ${String(records)} records to ${path} (${useBgzip ? 'bgzip -@2' : 'BgzfWriter'})`);
  let write: (s: string) => Promise<void>;
  let finish: () => Promise<void>;
  if (useBgzip) {
    const child = spawn('bgzip', ['-@', '2', '-c'], { stdio: ['pipe', 'pipe', 'inherit'] });
    child.stdout.pipe(out);
    write = async (s) => {
      if (!child.stdin.write(s)) await once(child.stdin, 'drain');
    };
    finish = async () => {
      child.stdin.end();
      await once(out, 'close');
    };
  } else {
    const w = new BgzfWriter((b) => out.write(b));
    write = (s) => {
      w.push(s);
      return Promise.resolve();
    };
    finish = async () => {
      w.end();
      out.end();
      await once(out, 'close');
    };
  }
  await write(`${HEADER}\n`);
  let batch = '';
  let n = 0;
  for (const line of syntheticLines(records)) {
    batch += `${line}\n`;
    if (++n % 2000 === 0) {
      await write(batch);
      batch = '';
      if (n % 500_000 === 0) say(`${String(n)} records`);
    }
  }
  await write(batch);
  await finish();
  renameSync(partial, path);
  return path;
}
