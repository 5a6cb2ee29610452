import { csq, GERMLINE_BRCA2, head } from './somaticVcfs';

/**
 * A germline caller's VCF of the cancer patient (decision 0059: the constitutional pipeline's
 * output beside the tumour VCF), in HaplotypeCaller's shape: GT:AD:DP:GQ, one column for the
 * patient's blood sample and one for another person of the same joint call, so the sample picked
 * matters. The patient carries GERMLINE_BRCA2 (het), a homozygous MUTYH G396D and, on chrX, a
 * hemizygous FANCB missense (`PATIENT_GERMLINE`); a TP53 allele is carried by the other sample
 * only, and an OR4F5 allele is outside the cancer-predisposition superpanel.
 */

export const GERMLINE_SAMPLE = 'P-019-BLOOD';
export const OTHER_SAMPLE = 'RELATIVE-1';

interface GermlineCall {
  readonly chrom: string;
  readonly pos: number;
  readonly ref: string;
  readonly alt: string;
  readonly csq: string;
  /** GT of the patient, then of the other sample. */
  readonly gt: readonly [string, string];
}

const CALLS: readonly GermlineCall[] = [
  {
    chrom: 'chr1',
    pos: 69511,
    ref: 'A',
    alt: 'G',
    csq: csq('G', 'missense_variant', 'MODERATE', 'OR4F5', 'ENSP00000493376.2:p.Thr141Ala'),
    gt: ['1/1', '1/1'],
  },
  {
    chrom: 'chr1',
    pos: 45331556,
    ref: 'C',
    alt: 'T',
    csq: csq('T', 'missense_variant', 'MODERATE', 'MUTYH', 'ENSP00000497777.1:p.Gly396Asp'),
    gt: ['1/1', '0/1'],
  },
  {
    chrom: GERMLINE_BRCA2.chrom,
    pos: GERMLINE_BRCA2.pos,
    ref: GERMLINE_BRCA2.ref,
    alt: GERMLINE_BRCA2.alt,
    csq: GERMLINE_BRCA2.csq,
    gt: ['0/1', '0/0'],
  },
  {
    chrom: 'chr17',
    pos: 7676154,
    ref: 'G',
    alt: 'C',
    csq: csq('C', 'missense_variant', 'MODERATE', 'TP53', 'ENSP00000269305.4:p.Pro72Arg'),
    gt: ['0/0', '0/1'],
  },
  {
    chrom: 'chrX',
    pos: 14850123,
    ref: 'C',
    alt: 'T',
    csq: csq('T', 'missense_variant', 'MODERATE', 'FANCB', 'ENSP00000324639.4:p.Arg353Gln'),
    gt: ['1', '0'],
  },
];

/** What the predisposition view must find in the patient's column, in file order. */
export const PATIENT_GERMLINE = [
  { key: '1-45331556-C-T', gene: 'MUTYH', gt: '1/1', zygosity: 'homozygous' },
  { key: GERMLINE_BRCA2.key, gene: 'BRCA2', gt: '0/1', zygosity: 'heterozygous' },
  { key: 'X-14850123-C-T', gene: 'FANCB', gt: '1', zygosity: 'hemizygous' },
] as const;

/**
 * The germline VCF's text. `brokenAt`: a data line (1-based among the records) whose POS is not a
 * number, for the refusal tests; `brokenLine` is its line in the file.
 */
export function germlineVcf(opts: { brokenAt?: number } = {}): string {
  const lines = head(
    [
      '##source=HaplotypeCaller',
      '##GATKCommandLine=<ID=HaplotypeCaller,CommandLine="HaplotypeCaller">',
    ],
    [
      '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
      '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">',
      '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Approximate read depth">',
      '##FORMAT=<ID=GQ,Number=1,Type=Integer,Description="Genotype quality">',
    ],
    [GERMLINE_SAMPLE, OTHER_SAMPLE],
  );
  const call = (gt: string): string => {
    const alt = gt.split(/[/|]/).filter((a) => a === '1').length;
    const n = gt.includes('/') ? 2 : 1;
    const ad = [15 * (n - alt), 15 * alt];
    return `${gt}:${String(ad[0])},${String(ad[1])}:${String(15 * n)}:99`;
  };
  CALLS.forEach((c, i) =>
    lines.push(
      [
        c.chrom,
        i + 1 === opts.brokenAt ? 'not-a-position' : c.pos,
        '.',
        c.ref,
        c.alt,
        '50',
        'PASS',
        `CSQ=${c.csq}`,
        'GT:AD:DP:GQ',
        call(c.gt[0]),
        call(c.gt[1]),
      ].join('\t'),
    ),
  );
  return `${lines.join('\n')}\n`;
}

/** The file line of the `brokenAt`-th record. */
export const brokenLine = (brokenAt: number): number =>
  germlineVcf()
    .split('\n')
    .findIndex((l) => !l.startsWith('#')) + brokenAt;
