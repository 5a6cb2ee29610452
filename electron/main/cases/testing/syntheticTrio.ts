/**
 * A deterministic synthetic trio for the case tests (issue 16): a VCFv4.3 with the mother, the
 * proband (male, affected) and the father in that column order, VEP-style CSQ, phased proband calls
 * with PS, a PED and a Phenopacket. Planted: a de novo allele, a compound heterozygote (one allele
 * from each parent, in trans), a homozygous recessive allele, an X-linked recessive allele
 * (carrier mother), an X de novo (X-linked dominant), a mitochondrial allele absent in the mother.
 * The background is built so that no allele of it fits any mode but mitochondrial: every proband
 * heterozygote is inherited from exactly one unaffected parent (or both), one parent's alleles only
 * ever share a gene with that parent's, homozygotes have a homozygous parent, X alleles a
 * homozygous mother. Mitochondrial ones are the unaffected mother's too, which fits the mode
 * (variable heteroplasmy and penetrance, decision 0100). `expected` is the truth the tests assert.
 */
import type { InheritanceMode } from '../../../../shared/cases/filters';
import { INHERITANCE_MODES } from '../../../../shared/cases/filters';
import { rng } from '../../../../shared/cohorts/testing/sampleCache';

export interface TrioAllele {
  readonly key: string;
  readonly gene: string;
  /** Proband, mother, father GT as written. */
  readonly gt: readonly [string, string, string];
  readonly planted?: readonly InheritanceMode[];
}

export interface SyntheticTrio {
  readonly vcf: string;
  readonly ped: string;
  readonly phenopacket: string;
  readonly alleles: readonly TrioAllele[];
  /** Per mode, the keys the trio import must find (exactly). */
  readonly expected: Readonly<Record<InheritanceMode, readonly string[]>>;
}

const LENGTHS: [string, number][] = [
  ['chr1', 248956422],
  ['chr2', 242193529],
  ['chr3', 198295559],
  ['chr4', 190214555],
  ['chr7', 159345973],
  ['chrX', 156040895],
  ['chrM', 16569],
];
const MATERNAL_GENES = ['TTN', 'NEB', 'RYR1', 'DYNC1H1', 'USH2A'];
const PATERNAL_GENES = ['SYNE1', 'OBSCN', 'PLEC', 'AHNAK2', 'MUC16'];
const CSQ =
  'Allele|Consequence|IMPACT|SYMBOL|Gene|Feature|BIOTYPE|HGVSc|HGVSp|CANONICAL|gnomADe_AF';

interface Row {
  chrom: string;
  pos: number;
  ref: string;
  alt: string;
  gene: string;
  csq: string;
  impact: string;
  /** Proband, mother, father. */
  gt: [string, string, string];
  planted?: InheritanceMode[];
  filter?: string;
  af?: number;
}

/** Builds the trio; the same seed gives the same files byte for byte. */
export function syntheticTrio(seed = 16, background = 300): SyntheticTrio {
  const r = rng(seed);
  const base = (): string => 'ACGT'[Math.floor(r() * 4)] ?? 'A';
  const snv = (): [string, string] => {
    const ref = base();
    let alt = base();
    while (alt === ref) alt = base();
    return [ref, alt];
  };
  const rows: Row[] = [];
  const plant = (
    chrom: string,
    pos: number,
    gene: string,
    gt: Row['gt'],
    planted: InheritanceMode[],
    csq = 'missense_variant',
  ): void => {
    const [ref, alt] = snv();
    rows.push({
      chrom,
      pos,
      ref,
      alt,
      gene,
      csq,
      impact: csq === 'stop_gained' ? 'HIGH' : 'MODERATE',
      gt,
      planted,
      af: 0.00001,
    });
  };
  plant(
    'chr2',
    165_310_000,
    'SCN2A',
    ['0|1', '0/0', '0/0'],
    ['de_novo', 'autosomal_dominant'],
    'stop_gained',
  );
  plant('chr1', 94_010_000, 'ABCA4', ['1|0', '0/1', '0/0'], ['compound_het']);
  plant('chr1', 94_020_000, 'ABCA4', ['0|1', '0/0', '0/1'], ['compound_het']);
  plant('chr7', 117_560_000, 'CFTR', ['1|1', '0/1', '0/1'], ['homozygous_recessive']);
  plant('chrX', 31_500_000, 'DMD', ['1', '0/1', '0'], ['x_linked_recessive']);
  plant('chrX', 154_030_000, 'MECP2', ['1', '0/0', '0'], ['x_linked_dominant', 'de_novo']);
  plant('chrM', 3_243, 'MT-TL1', ['0/1', '0/0', '0/0'], ['mitochondrial']);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  for (let i = 0; i < background; i++) {
    const kind = r();
    const chrom = pick(['chr1', 'chr2', 'chr3', 'chr4', 'chr7']);
    const pos = 1_000_000 + Math.floor(r() * 90_000_000);
    const [ref, alt] = snv();
    const common = {
      chrom,
      pos,
      ref,
      alt,
      csq: pick(['missense_variant', 'synonymous_variant', 'intron_variant', 'stop_gained']),
      impact: '',
    };
    const filter = r() < 0.1 ? 'LowQual' : 'PASS';
    const af = r() < 0.5 ? r() * 0.3 : r() * 0.001;
    if (kind < 0.3)
      rows.push({ ...common, gene: pick(MATERNAL_GENES), gt: ['1|0', '0/1', '0/0'], filter, af });
    else if (kind < 0.6)
      rows.push({ ...common, gene: pick(PATERNAL_GENES), gt: ['0|1', '0/0', '0/1'], filter, af });
    else if (kind < 0.7)
      rows.push({ ...common, gene: pick(MATERNAL_GENES), gt: ['1|0', '0/1', '0/1'], filter, af });
    else if (kind < 0.8)
      rows.push({ ...common, gene: pick(PATERNAL_GENES), gt: ['1|1', '0/1', '1/1'], filter, af });
    else if (kind < 0.85)
      rows.push({ ...common, gene: pick(MATERNAL_GENES), gt: ['1|0', '0/1', './.'], filter, af });
    else if (kind < 0.9)
      rows.push({ ...common, gene: pick(PATERNAL_GENES), gt: ['0/0', '0/0', '0/1'], filter, af });
    else if (kind < 0.95)
      rows.push({
        ...common,
        chrom: 'chrX',
        pos: 5_000_000 + Math.floor(r() * 140_000_000),
        gene: 'NLGN4X',
        gt: ['1', '1/1', '0'],
        filter,
        af,
      });
    else
      rows.push({
        ...common,
        chrom: 'chrM',
        pos: 100 + Math.floor(r() * 16_000),
        gene: 'MT-ND5',
        gt: ['1', '1/1', '0/0'],
        filter,
        af,
      });
  }
  // A multi-allelic record: ALT 1 is a maternal heterozygote, ALT 2 nobody carries (skipped).
  rows.push({
    chrom: 'chr3',
    pos: 77_777_777,
    ref: 'C',
    alt: 'A,T',
    gene: 'NEB',
    csq: 'missense_variant',
    impact: '',
    gt: ['1|0', '0/1', '0/0'],
  });
  const order = new Map(LENGTHS.map(([c], i) => [c, i]));
  rows.sort((a, b) => (order.get(a.chrom) ?? 0) - (order.get(b.chrom) ?? 0) || a.pos - b.pos);
  // One record per position; a planted allele always wins over background drawn at its position.
  const at = (x: Row): string => `${x.chrom}:${String(x.pos)}`;
  const seen = new Set<string>(rows.filter((x) => x.planted !== undefined).map(at));
  const unique = rows.filter((x) => {
    if (x.planted !== undefined) return true;
    if (seen.has(at(x))) return false;
    seen.add(at(x));
    return true;
  });
  return build(unique);
}

function build(rows: readonly Row[]): SyntheticTrio {
  const header = [
    '##fileformat=VCFv4.3',
    '##reference=GRCh38',
    ...LENGTHS.map(([c, n]) => `##contig=<ID=${c},length=${String(n)}>`),
    '##FILTER=<ID=LowQual,Description="Low quality">',
    '##INFO=<ID=gnomAD_AF,Number=A,Type=Float,Description="gnomAD allele frequency">',
    '##INFO=<ID=CLNSIG,Number=.,Type=String,Description="ClinVar clinical significance">',
    `##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: ${CSQ}">`,
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">',
    '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Read depth">',
    '##FORMAT=<ID=GQ,Number=1,Type=Integer,Description="Genotype quality">',
    '##FORMAT=<ID=PS,Number=1,Type=Integer,Description="Phase set">',
    '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tMOTHER\tPROBAND\tFATHER',
  ];
  const alleles: TrioAllele[] = [];
  const lines = rows.map((x) => {
    const alts = x.alt.split(',');
    const csq = alts
      .map(
        (a, i) =>
          `${a}|${x.csq}|${x.impact || impactOf(x.csq)}|${x.gene}|ENSG0000${String(i)}|ENST0000${String(i)}|protein_coding|c.1A>G||YES|${x.af === undefined ? '' : String(x.af)}`,
      )
      .join(',');
    const info = [`CSQ=${csq}`];
    if (x.af !== undefined) info.unshift(`gnomAD_AF=${String(x.af)}`);
    if (x.planted?.includes('homozygous_recessive') === true) info.push('CLNSIG=Pathogenic');
    const sample = (gt: string, proband: boolean): string => {
      const ad = gt.includes('1')
        ? gt === '1' || gt.startsWith('1|1') || gt === '1/1'
          ? '0,30'
          : '15,15'
        : '30,0';
      const adR = alts.length > 1 ? `${ad},0` : ad;
      return `${gt}:${adR}:30:${proband ? '60' : '50'}:${proband && gt.includes('|') ? '1' : '.'}`;
    };
    const [p, m, f] = x.gt;
    const key = `${x.chrom.replace('chr', '').replace(/^M$/, 'MT')}-${String(x.pos)}-${x.ref}-${alts[0] ?? ''}`;
    alleles.push({
      key,
      gene: x.gene,
      gt: x.gt,
      ...(x.planted === undefined ? {} : { planted: x.planted }),
    });
    return [
      x.chrom,
      String(x.pos),
      '.',
      x.ref,
      x.alt,
      '50',
      x.filter ?? 'PASS',
      info.join(';'),
      'GT:AD:DP:GQ:PS',
      sample(m, false),
      sample(p, true),
      sample(f, false),
    ].join('\t');
  });
  const expected = Object.fromEntries(
    INHERITANCE_MODES.map((m) => [
      m,
      alleles
        .filter(
          (a) =>
            a.planted?.includes(m) === true ||
            (m === 'mitochondrial' && a.key.startsWith('MT-') && a.gt[0] !== '0/0'),
        )
        .map((a) => a.key),
    ]),
  ) as Record<InheritanceMode, string[]>;
  return {
    vcf: `${[...header, ...lines].join('\n')}\n`,
    ped: '#family\tindividual\tfather\tmother\tsex\tphenotype\nFAM1\tPROBAND\tFATHER\tMOTHER\t1\t2\nFAM1\tFATHER\t0\t0\t1\t1\nFAM1\tMOTHER\t0\t0\t2\t1\n',
    phenopacket: JSON.stringify({
      id: 'trio-proband',
      subject: { id: 'PROBAND', sex: 'MALE' },
      phenotypicFeatures: [
        { type: { id: 'HP:0001250', label: 'Seizure' } },
        { type: { id: 'HP:0001263', label: 'Global developmental delay' } },
        { type: { id: 'HP:0000365', label: 'Hearing impairment' }, excluded: true },
      ],
      metaData: { phenopacketSchemaVersion: '2.0' },
    }),
    alleles,
    expected,
  };
}

function impactOf(csq: string): string {
  if (csq === 'stop_gained') return 'HIGH';
  if (csq === 'missense_variant') return 'MODERATE';
  if (csq === 'synonymous_variant') return 'LOW';
  return 'MODIFIER';
}
