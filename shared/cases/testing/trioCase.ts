// A small trio case database as SQL (test fixture for the review queries, reviewSql.test.ts):
// a female affected proband (0) with her unaffected mother (1) and father (2).
import { caseTableDdl, CASE_SCHEMA_VERSION } from '../dbSchema';
import { queryLayoutSql } from '../queryLayout';
import { materializeInheritanceSql } from '../inheritanceSql';

type Call = readonly [altCount: number | null, ploidy?: number];

/** One planted allele: where, what the annotation says, and the trio's calls. */
export interface PlantedAllele {
  readonly vid: number;
  readonly chrom: string;
  readonly pos: number;
  readonly ref: string;
  readonly alt: string;
  readonly genes: readonly string[];
  readonly consequence: string;
  readonly impact: 'HIGH' | 'MODERATE' | 'LOW' | 'MODIFIER';
  readonly popAf: number | null;
  readonly hgvsP?: string;
  /** proband, mother, father */
  readonly calls: readonly [Call, Call, Call];
}

/** The planted alleles: a de novo, a compound het pair, a common homozygous one, one the proband lacks. */
export const TRIO_ALLELES: readonly PlantedAllele[] = [
  {
    vid: 0,
    chrom: '1',
    pos: 1000,
    ref: 'C',
    alt: 'T',
    genes: ['GENEA'],
    consequence: 'missense_variant',
    impact: 'MODERATE',
    popAf: null,
    hgvsP: 'p.Arg10Trp',
    calls: [[1], [0], [0]],
  },
  {
    vid: 1,
    chrom: '2',
    pos: 2000,
    ref: 'G',
    alt: 'A',
    genes: ['GENEB'],
    consequence: 'stop_gained',
    impact: 'HIGH',
    popAf: 0.001,
    hgvsP: 'p.Gln5Ter',
    calls: [[1], [1], [0]],
  },
  {
    vid: 2,
    chrom: '2',
    pos: 2500,
    ref: 'T',
    alt: 'C',
    genes: ['GENEB'],
    consequence: 'missense_variant',
    impact: 'MODERATE',
    popAf: 0.005,
    calls: [[1], [0], [1]],
  },
  {
    vid: 3,
    chrom: '3',
    pos: 3000,
    ref: 'A',
    alt: 'G',
    genes: ['GENEC'],
    consequence: 'synonymous_variant',
    impact: 'LOW',
    popAf: 0.3,
    calls: [[2], [1], [1]],
  },
  {
    vid: 4,
    chrom: '4',
    pos: 4000,
    ref: 'A',
    alt: 'AT',
    genes: ['GENED', 'GENEE'],
    consequence: 'frameshift_variant',
    impact: 'HIGH',
    popAf: null,
    calls: [[0], [1], [0]],
  },
  {
    vid: 5,
    chrom: 'X',
    pos: 5_000_000,
    ref: 'G',
    alt: 'T',
    genes: ['GENEX'],
    consequence: 'missense_variant',
    impact: 'MODERATE',
    popAf: null,
    calls: [[2], [1], [1, 1]],
  },
];

const lit = (v: string | number | boolean | null): string =>
  v === null ? 'NULL' : typeof v === 'string' ? `'${v.replaceAll("'", "''")}'` : String(v);
const row = (values: readonly (string | number | boolean | null)[]): string =>
  `(${values.map(lit).join(', ')})`;
const gtOf = ([n, ploidy = 2]: Call): string =>
  n === null
    ? './.'
    : ploidy === 1
      ? String(Math.min(n, 1))
      : n === 0
        ? '0/0'
        : n === 1
          ? '0/1'
          : '1/1';
const RANK = { HIGH: 4, MODERATE: 3, LOW: 2, MODIFIER: 1 } as const;

/** Statements that create and fill the trio case as database `db` (already attached). */
export function trioCaseStatements(db: string): string[] {
  const variants = TRIO_ALLELES.map((a) => {
    const [p] = a.calls;
    return row([
      a.vid,
      a.chrom,
      a.pos,
      a.pos + a.ref.length - 1,
      a.ref,
      a.alt,
      `${a.chrom}-${String(a.pos)}-${a.ref}-${a.alt}`,
      'bases',
      null,
      50,
      'PASS',
      true,
      10 + a.vid,
      false,
      a.genes[0] ?? null,
      a.consequence,
      0,
      a.impact,
      RANK[a.impact],
      'ENST0001',
      null,
      a.hgvsP ?? null,
      a.popAf,
      null,
      null,
      null,
      p[0],
      gtOf(p),
      60,
      30,
      p[0] === 1 ? 0.5 : 1,
      null,
      null,
    ]);
  });
  const genotypes = TRIO_ALLELES.flatMap((a) =>
    a.calls.map((c, i) =>
      row([a.vid, i, gtOf(c), c[0], c[1] ?? 2, false, null, null, 60, 30, 15, 15, 0.5, false]),
    ),
  );
  const annotations = TRIO_ALLELES.flatMap((a) =>
    a.genes.map((g) =>
      row([
        a.vid,
        'CSQ',
        g,
        null,
        'ENST0001',
        'protein_coding',
        a.consequence,
        a.impact,
        null,
        a.hgvsP ?? null,
        true,
        null,
        null,
        a.popAf,
      ]),
    ),
  );
  return [
    ...caseTableDdl(db),
    `INSERT INTO ${db}.main.case_meta VALUES ('schema_version', '${String(CASE_SCHEMA_VERSION)}')`,
    `INSERT INTO ${db}.main.samples VALUES (0, 'S-P', 'P', 'proband', 'female', true, 2, 1), (1, 'S-M', 'M', 'mother', 'female', false, NULL, NULL), (2, 'S-F', 'F', 'father', 'male', false, NULL, NULL)`,
    `INSERT INTO ${db}.main.variants VALUES ${variants.join(', ')}`,
    `INSERT INTO ${db}.main.variant_genes VALUES ${TRIO_ALLELES.flatMap((a) => a.genes.map((g) => row([a.vid, g]))).join(', ')}`,
    `INSERT INTO ${db}.main.genotypes VALUES ${genotypes.join(', ')}`,
    `INSERT INTO ${db}.main.annotations VALUES ${annotations.join(', ')}`,
    ...materializeInheritanceSql(db, { motherIdx: 1, fatherIdx: 2, probandSex: 'female' }),
    ...queryLayoutSql(db),
  ];
}
