import { carrierPhenotypesSql, variantByProteinSql } from '../../../shared/cohorts/sql';
import { cacheFrequencySql, localCarriersSql } from '../../../shared/cohorts/carrierSql';
import { query } from './query';

/**
 * The most frequent phenotypes of a variant's carriers in the cache. Only datasets the user was
 * allowed to copy are in it, so what it holds may be shown: counts per HPO term, never ids.
 */
export async function carrierPhenotypes(
  variantKey: string,
  limit = 10,
): Promise<{ phenotype: string; n: number }[]> {
  const q = carrierPhenotypesSql(variantKey, limit);
  const { rows } = await query(q.sql, q.params);
  return rows.map((r) => ({
    phenotype: typeof r['phenotype'] === 'string' ? r['phenotype'] : '',
    n: Number(r['n']),
  }));
}

/** A gene's first cached variant with this protein change (cache chromosome names: 17, X, MT). */
export async function findVariantByProtein(
  gene: string,
  aa: string,
): Promise<{ chrom: string; pos: number } | undefined> {
  const q = variantByProteinSql(gene, aa);
  const row = (await query(q.sql, q.params, 1)).rows[0];
  if (row === undefined) return undefined;
  return { chrom: typeof row['chrom'] === 'string' ? row['chrom'] : '', pos: Number(row['pos']) };
}

/** A carrier of a candidate allele in the local cache (issue 18, seen before). */
export interface LocalCarrier {
  readonly key: string;
  readonly datasetId: string;
  readonly nodeId: string;
  readonly individualId: string;
  readonly zygosity: string;
  readonly sex: string;
  readonly phenotypes: readonly string[];
}

/** The cache's carriers of these alleles (record-level data the user was allowed to copy). */
export async function localCarriers(keys: readonly string[]): Promise<LocalCarrier[]> {
  const q = localCarriersSql(keys);
  const { rows } = await query(q.sql, q.params);
  const text = (v: unknown): string => (typeof v === 'string' ? v : '');
  return rows.map((r) => ({
    key: text(r['variant_key']),
    datasetId: text(r['dataset_id']),
    nodeId: text(r['node_id']),
    individualId: text(r['individual_id']),
    zygosity: text(r['zygosity']),
    sex: text(r['sex']),
    phenotypes: Array.isArray(r['phenotypes']) ? r['phenotypes'].map(text) : [],
  }));
}

/** One cached dataset's carriers of an allele and its individuals in the cache (issue 18). */
export interface CacheCount {
  readonly key: string;
  readonly datasetId: string;
  readonly carriers: number;
  readonly individuals: number;
}

/** The cache's carriers of these alleles per dataset (the ACMG sheet's frequency, decision 0051). */
export async function cacheCounts(keys: readonly string[]): Promise<CacheCount[]> {
  const q = cacheFrequencySql(keys);
  const { rows } = await query(q.sql, q.params);
  return rows.map((r) => ({
    key: typeof r['variant_key'] === 'string' ? r['variant_key'] : '',
    datasetId: typeof r['dataset_id'] === 'string' ? r['dataset_id'] : '',
    carriers: Number(r['carriers']),
    individuals: Number(r['individuals']),
  }));
}
