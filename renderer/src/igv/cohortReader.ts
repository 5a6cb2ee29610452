import { regionDensitySql, regionVariantsSql } from '../../../shared/cohorts/sql';
import type { IgvFeature, IgvReader } from './igvTypes';

/** The db/ module's query shape: SQL with positional ? parameters → plain rows. */
export type QueryFn = (
  sql: string,
  params: readonly (string | number)[],
) => Promise<readonly Record<string, unknown>[]>;

/** One dataset's record of a variant (a variant can be cached from several datasets). */
export interface VariantInDataset {
  readonly datasetId: string;
  readonly nodeId: string;
  readonly ac: number;
  readonly an: number;
  readonly af: number;
}

/** A cached variant as the cohort track draws it (igv coordinates: 0-based, end exclusive). */
export interface CohortVariant extends IgvFeature {
  readonly kind: 'variant';
  readonly variantKey: string;
  readonly pos: number;
  readonly ref: string;
  readonly alt: string;
  readonly gene: string;
  readonly consequence: string;
  readonly clinSig: string | undefined;
  readonly hgvsC: string | undefined;
  readonly hgvsP: string | undefined;
  readonly datasets: VariantInDataset[];
}

/** A density bin shown instead of variants when the view is too wide to list them. */
export interface DensityBin extends IgvFeature {
  readonly kind: 'density';
  readonly count: number;
}

export type CohortFeature = CohortVariant | DensityBin;

export interface CohortReaderOptions {
  /** Requests wider than this (bp) show a density summary. igv asks for the view plus a view's
   * width on each side (expandQuery off), so 32 Mb lists variants up to a ~10 Mb view. */
  readonly maxListSpan: number;
  /** At most this many variant rows per request; more turn the view into density bins. */
  readonly maxRows: number;
  /** Number of density bins across the view. */
  readonly bins: number;
}

export const DEFAULT_READER_OPTIONS: CohortReaderOptions = {
  maxListSpan: 32_000_000,
  maxRows: 20_000,
  bins: 400,
};

/** 'chr17' → '17', 'chrM' → 'MT': the cache names chromosomes without 'chr'. */
export const cacheChrom = (chr: string): string => {
  const c = chr.replace(/^chr/i, '').toUpperCase();
  return c === 'M' ? 'MT' : c;
};

const str = (v: unknown): string =>
  typeof v === 'string' ? v : v === null || v === undefined ? '' : JSON.stringify(v);
const num = (v: unknown): number =>
  typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : Number(v ?? 0);
const opt = (v: unknown): string | undefined =>
  v === null || v === undefined || v === '' ? undefined : str(v);

/** Folds per-dataset rows into one feature per variant key, in position order. */
export function foldVariantRows(
  chr: string,
  rows: readonly Record<string, unknown>[],
): CohortVariant[] {
  const byKey = new Map<string, CohortVariant>();
  for (const r of rows) {
    const key = str(r['variant_key']);
    const ds: VariantInDataset = {
      datasetId: str(r['dataset_id']),
      nodeId: str(r['node_id']),
      ac: num(r['ac']),
      an: num(r['an']),
      af: num(r['af']),
    };
    const seen = byKey.get(key);
    if (seen !== undefined) {
      seen.datasets.push(ds);
      continue;
    }
    const pos = num(r['pos']);
    const ref = str(r['ref']);
    byKey.set(key, {
      kind: 'variant',
      chr,
      start: pos - 1,
      end: pos - 1 + Math.max(1, ref.length),
      name: key,
      variantKey: key,
      pos,
      ref,
      alt: str(r['alt']),
      gene: str(r['gene']),
      consequence: str(r['consequence']),
      clinSig: opt(r['clin_sig']),
      hgvsC: opt(r['hgvs_c']),
      hgvsP: opt(r['hgvs_p']),
      datasets: [ds],
    });
  }
  return [...byKey.values()];
}

/** Variant counts per bin across [start, end). */
async function readDensity(
  query: QueryFn,
  chr: string,
  start: number,
  end: number,
  bins: number,
): Promise<DensityBin[]> {
  const width = Math.max(1, Math.ceil((end - start) / bins));
  const q = regionDensitySql(cacheChrom(chr), start, end, width);
  const rows = await query(q.sql, q.params);
  return rows.map((r) => {
    const s = start + num(r['bin']) * width;
    const count = num(r['n']);
    return {
      kind: 'density',
      chr,
      start: s,
      end: Math.min(end, s + width),
      count,
      name: `${String(count)} variants`,
    };
  });
}

/**
 * An igv reader over the local cache (db/ views): only the region in view is queried; wide views
 * or regions with more than maxRows records come back as density bins so igv never freezes.
 */
export function createCohortReader(
  query: QueryFn,
  options: CohortReaderOptions = DEFAULT_READER_OPTIONS,
): IgvReader<CohortFeature> {
  return {
    async readFeatures(chr, start, end) {
      if (chr.toLowerCase() === 'all') return [];
      if (end - start > options.maxListSpan)
        return readDensity(query, chr, start, end, options.bins);
      // One row more than the cap tells a full region from one cut off at the cap.
      const q = regionVariantsSql(cacheChrom(chr), start, end, Math.trunc(options.maxRows) + 1);
      const rows = await query(q.sql, q.params);
      if (rows.length > options.maxRows) return readDensity(query, chr, start, end, options.bins);
      return foldVariantRows(chr, rows);
    },
  };
}
