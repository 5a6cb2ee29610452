/**
 * Planted signal: known pathogenic variants that explain planted patients, with the phenotype model
 * their carriers get. `coordinates: 'public'` marks GRCh38 positions of the well-known variant;
 * 'synthetic' marks a position chosen inside the real gene span (no reference genome is available here
 * to place the published allele), labelled with the published HGVS for the demo.
 */
import type { NodeId } from '../catalogue';

export type Inheritance = 'AD' | 'AR' | 'de novo' | 'XL de novo' | 'hotspot';

export interface PlantedVariant {
  readonly variantId: string;
  readonly gene: string;
  readonly consequence: string;
  readonly hgvsC: string;
  readonly hgvsP: string;
  readonly aaChange: string;
  readonly clinSig: 'pathogenic' | 'likely_pathogenic';
  readonly coordinates: 'public' | 'synthetic';
  readonly inheritance: Inheritance;
  /** Key of the disease model in cohortModels.ts that carriers get. */
  readonly model: string;
  /** Affected carriers per dataset in the small profile (the large profile scales them). */
  readonly carriers: Readonly<Record<string, number>>;
  /** Unaffected heterozygous carriers in the population, by node (recessive or low-penetrance alleles). */
  readonly populationAf?: Readonly<Partial<Record<NodeId, number>>>;
}

const CANCER = (it: number, se: number): Record<string, number> => ({
  'IT-CA-01': it,
  'SE-CA-01': se,
});

export const PLANTED: readonly PlantedVariant[] = [
  {
    variantId: '17-43057062-T-TG',
    gene: 'BRCA1',
    consequence: 'frameshift_variant',
    hgvsC: 'c.5266dup',
    hgvsP: 'p.Gln1756ProfsTer74',
    aaChange: 'Q1756Pfs*74',
    clinSig: 'pathogenic',
    coordinates: 'public',
    inheritance: 'AD',
    model: 'hboc-brca1',
    carriers: CANCER(6, 4),
  },
  {
    variantId: '17-43124027-ACT-A',
    gene: 'BRCA1',
    consequence: 'frameshift_variant',
    hgvsC: 'c.68_69del',
    hgvsP: 'p.Glu23ValfsTer17',
    aaChange: 'E23Vfs*17',
    clinSig: 'pathogenic',
    coordinates: 'public',
    inheritance: 'AD',
    model: 'hboc-brca1',
    carriers: CANCER(3, 2),
  },
  {
    variantId: '13-32340300-GT-G',
    gene: 'BRCA2',
    consequence: 'frameshift_variant',
    hgvsC: 'c.5946del',
    hgvsP: 'p.Ser1982ArgfsTer22',
    aaChange: 'S1982Rfs*22',
    clinSig: 'pathogenic',
    coordinates: 'public',
    inheritance: 'AD',
    model: 'hboc-brca2',
    carriers: CANCER(4, 3),
  },
  {
    variantId: '3-37014500-C-T',
    gene: 'MLH1',
    consequence: 'missense_variant',
    hgvsC: 'c.350C>T',
    hgvsP: 'p.Thr117Met',
    aaChange: 'T117M',
    clinSig: 'pathogenic',
    coordinates: 'synthetic',
    inheritance: 'AD',
    model: 'lynch-mlh1',
    carriers: CANCER(5, 3),
  },
  {
    variantId: '17-7675088-C-T',
    gene: 'TP53',
    consequence: 'missense_variant',
    hgvsC: 'c.524G>A',
    hgvsP: 'p.Arg175His',
    aaChange: 'R175H',
    clinSig: 'pathogenic',
    coordinates: 'public',
    inheritance: 'AD',
    model: 'lfs',
    carriers: CANCER(2, 2),
  },
  {
    variantId: '22-28695868-AG-A',
    gene: 'CHEK2',
    consequence: 'frameshift_variant',
    hgvsC: 'c.1100del',
    hgvsP: 'p.Thr367MetfsTer15',
    aaChange: 'T367Mfs*15',
    clinSig: 'pathogenic',
    coordinates: 'public',
    inheritance: 'AD',
    model: 'breast-chek2',
    carriers: CANCER(1, 5),
    populationAf: { FI: 0.007, SE: 0.005, IT: 0.001, ES: 0.0005, PT: 0.0005 },
  },
  {
    variantId: '7-140753336-A-T',
    gene: 'BRAF',
    consequence: 'missense_variant',
    hgvsC: 'c.1799T>A',
    hgvsP: 'p.Val600Glu',
    aaChange: 'V600E',
    clinSig: 'pathogenic',
    coordinates: 'public',
    inheritance: 'hotspot',
    model: 'melanoma-braf',
    carriers: CANCER(3, 2),
  },
  {
    variantId: '2-166002500-C-T',
    gene: 'SCN1A',
    consequence: 'missense_variant',
    hgvsC: 'c.4943G>A',
    hgvsP: 'p.Arg1648His',
    aaChange: 'R1648H',
    clinSig: 'pathogenic',
    coordinates: 'synthetic',
    inheritance: 'de novo',
    model: 'dravet',
    carriers: { 'FI-NE-01': 4, 'ES-NE-01': 5, 'SE-NE-01': 3 },
  },
  {
    variantId: '20-63409100-G-A',
    gene: 'KCNQ2',
    consequence: 'missense_variant',
    hgvsC: 'c.637C>T',
    hgvsP: 'p.Arg213Trp',
    aaChange: 'R213W',
    clinSig: 'pathogenic',
    coordinates: 'synthetic',
    inheritance: 'de novo',
    model: 'kcnq2-dee',
    carriers: { 'FI-NE-01': 3, 'ES-NE-01': 3 },
  },
  {
    variantId: 'X-18602300-C-T',
    gene: 'CDKL5',
    consequence: 'stop_gained',
    hgvsC: 'c.1675C>T',
    hgvsP: 'p.Arg559Ter',
    aaChange: 'R559*',
    clinSig: 'pathogenic',
    coordinates: 'synthetic',
    inheritance: 'XL de novo',
    model: 'cdkl5',
    carriers: { 'ES-NE-01': 3, 'SE-NE-01': 2 },
  },
  {
    variantId: '7-117559590-ATCT-A',
    gene: 'CFTR',
    consequence: 'inframe_deletion',
    hgvsC: 'c.1521_1523del',
    hgvsP: 'p.Phe508del',
    aaChange: 'F508del',
    clinSig: 'pathogenic',
    coordinates: 'public',
    inheritance: 'AR',
    model: 'cf',
    carriers: { 'FI-RD-01': 2, 'IT-RD-01': 4, 'PT-RD-01': 4 },
    populationAf: { FI: 0.004, IT: 0.012, ES: 0.012, PT: 0.01, SE: 0.01 },
  },
  {
    variantId: '15-48460000-C-T',
    gene: 'FBN1',
    consequence: 'missense_variant',
    hgvsC: 'c.3725G>A',
    hgvsP: 'p.Cys1242Tyr',
    aaChange: 'C1242Y',
    clinSig: 'pathogenic',
    coordinates: 'synthetic',
    inheritance: 'AD',
    model: 'marfan',
    carriers: { 'FI-RD-01': 3, 'IT-RD-01': 3, 'PT-RD-01': 2 },
  },
  {
    variantId: '17-50189000-C-T',
    gene: 'COL1A1',
    consequence: 'missense_variant',
    hgvsC: 'c.3118G>A',
    hgvsP: 'p.Gly1040Ser',
    aaChange: 'G1040S',
    clinSig: 'pathogenic',
    coordinates: 'synthetic',
    inheritance: 'AD',
    model: 'oi',
    carriers: { 'FI-RD-01': 2, 'IT-RD-01': 3, 'PT-RD-01': 3 },
  },
];

/** Parses a variant id 'chrom-pos-ref-alt'. */
export function parseVariantId(id: string): {
  chrom: string;
  pos: number;
  ref: string;
  alt: string;
} {
  const [chrom = '', pos = '', ref = '', alt = ''] = id.split('-');
  return { chrom, pos: Number(pos), ref, alt };
}
