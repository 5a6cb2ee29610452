/**
 * Generated tumour-normal VCFs in the shapes of Mutect2 and Strelka2 (issue 19), with the truth the
 * tests assert: per allele the tumour's and the normal's reads, so each VAF is known exactly.
 * Planted: BRAF V600E and TP53 R175H (hotspot alleles), KRAS G12D (CIViC evidence in other tumour
 * types), an EGFR exon 19 deletion (indel: Strelka2's TAR/TIR), a germline variant leaking into the
 * normal, and a passenger. VEP-style CSQ carries the protein changes.
 */

export interface SomaticTruth {
  readonly key: string;
  readonly gene: string;
  /** [ref reads, alt reads] in the tumour and in the normal. */
  readonly tumour: readonly [number, number];
  readonly normal: readonly [number, number];
  readonly leak: boolean;
}

interface Planted extends SomaticTruth {
  readonly chrom: string;
  readonly pos: number;
  readonly ref: string;
  readonly alt: string;
  readonly csq: string;
}

const CSQ =
  'Allele|Consequence|IMPACT|SYMBOL|Gene|Feature|BIOTYPE|HGVSc|HGVSp|CANONICAL|gnomADe_AF';
const LENGTHS: [string, number][] = [
  ['chr1', 248956422],
  ['chr2', 242193529],
  ['chr7', 159345973],
  ['chr12', 133275309],
  ['chr13', 114364328],
  ['chr17', 83257441],
  ['chrX', 156040895],
];
export const csq = (
  alt: string,
  cons: string,
  impact: string,
  gene: string,
  hgvsp: string,
): string => `${alt}|${cons}|${impact}|${gene}|ENSG0|ENST0|protein_coding||${hgvsp}|YES|`;

const PLANTED: Planted[] = [
  {
    chrom: 'chr7',
    pos: 140753336,
    ref: 'A',
    alt: 'T',
    key: '7-140753336-A-T',
    gene: 'BRAF',
    csq: csq('T', 'missense_variant', 'MODERATE', 'BRAF', 'ENSP00000493543.1:p.Val600Glu'),
    tumour: [61, 39],
    normal: [48, 0],
    leak: false,
  },
  {
    chrom: 'chr17',
    pos: 7675088,
    ref: 'C',
    alt: 'T',
    key: '17-7675088-C-T',
    gene: 'TP53',
    csq: csq('T', 'missense_variant', 'MODERATE', 'TP53', 'ENSP00000269305.4:p.Arg175His'),
    tumour: [27, 33],
    normal: [40, 1],
    leak: false,
  },
  {
    chrom: 'chr12',
    pos: 25245350,
    ref: 'C',
    alt: 'T',
    key: '12-25245350-C-T',
    gene: 'KRAS',
    csq: csq('T', 'missense_variant', 'MODERATE', 'KRAS', 'ENSP00000256078.5:p.Gly12Asp'),
    tumour: [70, 30],
    normal: [55, 0],
    leak: false,
  },
  {
    chrom: 'chr7',
    pos: 55174771,
    ref: 'AGGAATTAAGAGAAGC',
    alt: 'A',
    key: '7-55174771-AGGAATTAAGAGAAGC-A',
    gene: 'EGFR',
    csq: csq('-', 'inframe_deletion', 'MODERATE', 'EGFR', 'ENSP00000275493.2:p.Glu746_Ala750del'),
    tumour: [45, 15],
    normal: [38, 0],
    leak: false,
  },
  {
    chrom: 'chr1',
    pos: 1014143,
    ref: 'C',
    alt: 'T',
    key: '1-1014143-C-T',
    gene: 'ISG15',
    csq: csq('T', 'synonymous_variant', 'LOW', 'ISG15', ''),
    tumour: [26, 24],
    normal: [23, 19],
    leak: true,
  },
  {
    chrom: 'chr2',
    pos: 178527000,
    ref: 'G',
    alt: 'A',
    key: '2-178527000-G-A',
    gene: 'TTN',
    csq: csq('A', 'missense_variant', 'MODERATE', 'TTN', 'ENSP00000467141.1:p.Pro100Leu'),
    tumour: [88, 12],
    normal: [70, 0],
    leak: false,
  },
];

export const SOMATIC_TRUTH: readonly SomaticTruth[] = PLANTED;

/**
 * A germline BRCA2 start-loss (c.3G>A, ClinVar 51579: Pathogenic, expert panel) carried by the
 * normal at half its reads and by the tumour at more (loss of the other allele): the predisposition
 * view's finding (issue 19). Only in `mutect2Vcf({ germline: true })`.
 */
export const GERMLINE_BRCA2: Planted = {
  chrom: 'chr13',
  pos: 32316463,
  ref: 'G',
  alt: 'A',
  key: '13-32316463-G-A',
  gene: 'BRCA2',
  csq: 'A|start_lost|HIGH|BRCA2|ENSG0|ENST00000380152.8|protein_coding|ENST00000380152.8:c.3G>A|ENSP00000369497.3:p.Met1?|YES|',
  tumour: [12, 30],
  normal: [21, 19],
  leak: true,
};

/** Records in contig order (the header's), then by position: a VCF must keep each contig in one block. */
const sorted = (planted: readonly Planted[]): Planted[] =>
  [...planted].sort(
    (a, b) =>
      LENGTHS.findIndex(([c]) => c === a.chrom) - LENGTHS.findIndex(([c]) => c === b.chrom) ||
      a.pos - b.pos,
  );
const SORTED = sorted(PLANTED);

/** The header lines of the generated VCFs (GRCh38 contigs, VEP CSQ), for germlineVcfs.ts too. */
export const head = (source: string[], format: string[], samples: string[]): string[] => [
  '##fileformat=VCFv4.2',
  ...source,
  '##reference=GRCh38',
  ...LENGTHS.map(([c, n]) => `##contig=<ID=${c},length=${String(n)}>`),
  '##FILTER=<ID=PASS,Description="All filters passed">',
  `##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: ${CSQ}">`,
  '##INFO=<ID=SOMATIC,Number=0,Type=Flag,Description="Somatic">',
  ...format,
  ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', ...samples].join('\t'),
];

/**
 * Mutect2's shape: GT:AD:AF:DP, `##tumor_sample`/`##normal_sample`, normal first as GATK writes;
 * with `germline`, the normal also carries GERMLINE_BRCA2.
 */
export function mutect2Vcf(opts: { germline?: boolean } = {}): string {
  const lines = head(
    [
      '##source=Mutect2',
      '##tumor_sample=T-001',
      '##normal_sample=N-001',
      '##GATKCommandLine=<ID=Mutect2,CommandLine="Mutect2">',
    ],
    [
      '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
      '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">',
      '##FORMAT=<ID=AF,Number=A,Type=Float,Description="Allele fractions">',
      '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Approximate read depth">',
    ],
    ['N-001', 'T-001'],
  );
  const sample = ([r, a]: readonly [number, number]): string =>
    `0/1:${String(r)},${String(a)}:${(a / (r + a + 1)).toFixed(3)}:${String(r + a + 2)}`;
  for (const p of opts.germline === true ? sorted([...PLANTED, GERMLINE_BRCA2]) : SORTED)
    lines.push(
      [
        p.chrom,
        p.pos,
        '.',
        p.ref,
        p.alt,
        '.',
        'PASS',
        `CSQ=${p.csq}`,
        'GT:AD:AF:DP',
        `0/0:${String(p.normal[0])},${String(p.normal[1])}:0.01:${String(p.normal[0] + p.normal[1] + 2)}`,
        sample(p.tumour),
      ].join('\t'),
    );
  return `${lines.join('\n')}\n`;
}

/** Strelka2's shape (`germline`: as mutect2Vcf): no GT; SNVs with AU/CU/GU/TU tier counts, indels with TAR/TIR; NORMAL, TUMOR. */
export function strelka2Vcf(opts: { germline?: boolean } = {}): string {
  const lines = head(
    ['##source=strelka', '##source_version=2.9.10'],
    [
      '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Read depth for tier1">',
      ...['A', 'C', 'G', 'T'].map(
        (b) =>
          `##FORMAT=<ID=${b}U,Number=2,Type=Integer,Description="Number of '${b}' alleles used in tiers 1,2">`,
      ),
      '##FORMAT=<ID=TAR,Number=2,Type=Integer,Description="Reads strongly supporting alternate allele for tiers 1,2">',
      '##FORMAT=<ID=TIR,Number=2,Type=Integer,Description="Reads strongly supporting indel allele for tiers 1,2">',
    ],
    ['NORMAL', 'TUMOR'],
  );
  for (const p of opts.germline === true ? sorted([...PLANTED, GERMLINE_BRCA2]) : SORTED) {
    const indel = p.ref.length !== p.alt.length;
    const fmt = indel ? 'DP:TAR:TIR' : 'DP:AU:CU:GU:TU';
    const s = ([r, a]: readonly [number, number]): string => {
      if (indel)
        return `${String(r + a)}:${String(r)},${String(r + 2)}:${String(a)},${String(a + 1)}`;
      const counts = ['A', 'C', 'G', 'T'].map((b) => {
        const n = b === p.ref ? r : b === p.alt ? a : 1;
        return `${String(n)},${String(n + 3)}`;
      });
      return [String(r + a + 2), ...counts].join(':');
    };
    lines.push(
      [
        p.chrom,
        p.pos,
        '.',
        p.ref,
        p.alt,
        '.',
        'PASS',
        `SOMATIC;CSQ=${p.csq}`,
        fmt,
        s(p.normal),
        s(p.tumour),
      ].join('\t'),
    );
  }
  return `${lines.join('\n')}\n`;
}
