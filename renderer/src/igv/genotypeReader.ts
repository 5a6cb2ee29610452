import type { CohortFilters } from '../../../shared/cohorts/definition';
import {
  cohortSamplesSql,
  regionGenotypesSql,
  regionVariantKeysSql,
} from '../../../shared/cohorts/sql';
import type { QueryFn } from './cohortReader';
import { cacheChrom } from './cohortReader';

/** One sample's call at one variant, in the shape igv's variant track draws and sorts. */
export interface GenotypeCall {
  readonly sample: string;
  /** 0 = reference allele, 1 = the alternate allele (igv's VCF genotype). */
  readonly genotype: readonly [0 | 1, 0 | 1];
  readonly zygosity: 'homref' | 'hetvar' | 'homvar';
  /** igv's sort key: homvar 4, hetvar 3, homref 2. */
  zygosityScore(): number;
  popupData(): { name: string; value: string }[];
}

/** A cached variant with one call per chosen sample (igv variant-track duck type). */
export interface GenotypeVariant {
  readonly kind: 'genotypes';
  readonly chr: string;
  readonly start: number;
  readonly end: number;
  readonly pos: number;
  readonly variantKey: string;
  readonly referenceBases: string;
  readonly alternateBases: string;
  readonly gene: string;
  readonly consequence: string;
  readonly type: 'SNP' | 'INDEL';
  /** Indexed as the header's sampleNameMap. */
  readonly calls: GenotypeCall[];
  alleleFreq(): number;
  isFiltered(): boolean;
  getAttributeValue(name: string): string | undefined;
  popupData(): { name: string; value: string }[];
}

/** The header igv reads once per track: sample name → column index. */
export interface GenotypeHeader {
  readonly sampleNameMap: Map<string, number>;
  /** True when the cohort has more individuals than the cap and only the first ones are shown. */
  readonly capped: boolean;
}

export interface GenotypeReaderOptions {
  /** At most this many samples (rows of genotypes); the first by dataset and individual id. */
  readonly maxSamples: number;
  /** At most this many variants per view; more and the track stays empty (zoom in). */
  readonly maxVariants: number;
}

export const DEFAULT_GENOTYPE_OPTIONS: GenotypeReaderOptions = {
  maxSamples: 200,
  maxVariants: 500,
};

const str = (v: unknown): string =>
  typeof v === 'string' ? v : v === null || v === undefined ? '' : JSON.stringify(v);
const num = (v: unknown): number =>
  typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : Number(v ?? 0);

/** A sample's name in the track: dataset and individual (individual ids repeat across datasets). */
export const sampleName = (datasetId: string, individualId: string): string =>
  `${datasetId}/${individualId}`;

const SCORES = { homvar: 4, hetvar: 3, homref: 2 } as const;
const LABELS = {
  homvar: 'homozygous',
  hetvar: 'heterozygous',
  homref: 'reference (not a carrier in the cache)',
} as const;

type Popup = { name: string; value: string }[];

/** The popup marker selectedFromClick reads to know a click came from the genotype track. */
export const GENOTYPE_SOURCE = 'cohort genotypes';

function call(sample: string, zygosity: GenotypeCall['zygosity'], variant: Popup): GenotypeCall {
  const genotype: GenotypeCall['genotype'] =
    zygosity === 'homvar' ? [1, 1] : zygosity === 'hetvar' ? [0, 1] : [0, 0];
  return {
    sample,
    genotype,
    zygosity,
    zygosityScore: () => SCORES[zygosity],
    // A genotype cell click selects its variant too: the variant's rows come along.
    popupData: () => [
      ...variant,
      { name: 'Sample', value: sample },
      { name: 'Genotype', value: LABELS[zygosity] },
    ],
  };
}

/**
 * Builds one variant per key with a call for every chosen sample. The cache stores carriers only
 * (het/hom genotype rows), so every other chosen sample is drawn as reference (0/0).
 */
export function genotypeVariants(
  chr: string,
  variantRows: readonly Record<string, unknown>[],
  genotypeRows: readonly Record<string, unknown>[],
  samples: ReadonlyMap<string, number>,
): GenotypeVariant[] {
  const carriers = new Map<string, Map<number, GenotypeCall['zygosity']>>();
  for (const g of genotypeRows) {
    const index = samples.get(sampleName(str(g['dataset_id']), str(g['individual_id'])));
    if (index === undefined) continue;
    const key = str(g['variant_key']);
    const byIndex = carriers.get(key) ?? new Map<number, GenotypeCall['zygosity']>();
    byIndex.set(index, str(g['zygosity']) === 'hom' ? 'homvar' : 'hetvar');
    carriers.set(key, byIndex);
  }
  const names = [...samples.entries()].sort((a, b) => a[1] - b[1]).map(([n]) => n);
  return variantRows.map((r) => {
    const key = str(r['variant_key']);
    const pos = num(r['pos']);
    const ref = str(r['ref']);
    const alt = str(r['alt']);
    const an = num(r['an']);
    const af = an > 0 ? num(r['ac']) / an : 0;
    const byIndex = carriers.get(key);
    const popup: Popup = [
      { name: 'Variant', value: key },
      { name: 'Chr', value: chr },
      { name: 'Pos', value: String(pos) },
      { name: 'Ref', value: ref },
      { name: 'Alt', value: alt },
      { name: 'Source', value: GENOTYPE_SOURCE },
    ];
    const calls = names.map((n, i) => call(n, byIndex?.get(i) ?? 'homref', popup));
    return {
      kind: 'genotypes',
      chr,
      start: pos - 1,
      end: pos - 1 + Math.max(1, ref.length),
      pos,
      variantKey: key,
      referenceBases: ref,
      alternateBases: alt,
      gene: str(r['gene']),
      consequence: str(r['consequence']),
      type: ref.length === 1 && alt.length === 1 ? 'SNP' : 'INDEL',
      calls,
      alleleFreq: () => af,
      isFiltered: () => false,
      getAttributeValue: () => undefined,
      popupData: () => popup,
    };
  });
}

/** The chosen samples: a saved cohort's individuals (or everyone), first maxSamples by id. */
export async function readSamples(
  query: QueryFn,
  filters: CohortFilters,
  maxSamples: number,
): Promise<GenotypeHeader> {
  const q = cohortSamplesSql(filters, Math.trunc(maxSamples) + 1);
  const rows = await query(q.sql, q.params);
  const sampleNameMap = new Map<string, number>();
  for (const r of rows.slice(0, maxSamples))
    sampleNameMap.set(
      sampleName(str(r['dataset_id']), str(r['individual_id'])),
      sampleNameMap.size,
    );
  return { sampleNameMap, capped: rows.length > maxSamples };
}

/**
 * An igv variant-track reader over the local cache: the header names the chosen cohort's samples;
 * each view reads the region's variants and the chosen samples' genotypes (db/ queries, limited).
 */
export function createGenotypeReader(
  query: QueryFn,
  filters: CohortFilters,
  options: GenotypeReaderOptions = DEFAULT_GENOTYPE_OPTIONS,
  onHeader?: (header: GenotypeHeader) => void,
): {
  readHeader(): Promise<GenotypeHeader>;
  readFeatures(chr: string, start: number, end: number): Promise<GenotypeVariant[]>;
} {
  let header: Promise<GenotypeHeader> | undefined;
  const readHeader = (): Promise<GenotypeHeader> => {
    header ??= readSamples(query, filters, options.maxSamples).then((h) => {
      onHeader?.(h);
      return h;
    });
    return header;
  };
  return {
    readHeader,
    async readFeatures(chr, start, end) {
      if (chr.toLowerCase() === 'all') return [];
      const { sampleNameMap } = await readHeader();
      const chrom = cacheChrom(chr);
      const v = regionVariantKeysSql(chrom, start, end, Math.trunc(options.maxVariants) + 1);
      const variants = await query(v.sql, v.params);
      if (variants.length > options.maxVariants || variants.length === 0) return [];
      const names = [...sampleNameMap.keys()];
      if (names.length === 0) return genotypeVariants(chr, variants, [], sampleNameMap);
      const g = regionGenotypesSql(chrom, start, end, names);
      const genotypes = await query(g.sql, g.params);
      return genotypeVariants(chr, variants, genotypes, sampleNameMap);
    },
  };
}
