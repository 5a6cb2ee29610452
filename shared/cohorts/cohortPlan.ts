import type { CachedDataset } from './cacheCatalog';
import { keepCacheTerms } from './cacheTerms';
import type { CohortFilters, GenotypeCriterion } from './definition';
import { hasGenotype } from './definition';
import { withDescendants } from './hpo';
import type { BoundSql } from './boundSql';
import { inList, joinSql, sql } from './boundSql';
import { datasetDatabaseName } from './schema';
import { geneCarrierBits, groupCarrierBits, individualBits } from './storedBits';

export type { BoundSql } from './boundSql';
export { checkLimit, joinSql, sql } from './boundSql';

/**
 * How one dataset's share of a cohort is computed (docs/decisions/0027). Individual attributes are
 * a WHERE on `cd_individuals` (alias i); term and genotype criteria are bitmaps over the dataset's
 * individuals (bit ix set = in the set), ANDed together: cheaper than joins on 5M genotype rows.
 */
export interface DatasetPlan {
  readonly db: string;
  /** The highest ix (individuals - 1): the bitmaps' upper bound. */
  readonly last: number;
  /** Sex and country on `i`, when the cohort constrains them. */
  readonly where?: BoundSql;
  /**
   * The same condition as bitmaps, one per constrained column, ORed from `cd_individual_bits`
   * (layout 8, decision 0103) instead of a scan of every individual.
   */
  readonly individualSets: readonly BoundSql[];
  /** One bitmap per phenotype criterion (one for 'any') and one for diseases. */
  readonly termSets: readonly BoundSql[];
  /** The variant condition on `cd_variants` aliased v, when the cohort has a genotype criterion. */
  readonly variant?: BoundSql;
  /** Bitmap of the carriers of a matching variant. */
  readonly genotypeSet?: BoundSql;
  /** The gene, when the gene is the cohort's only criterion (answered by cd_gene_counts). */
  readonly geneOnly?: string;
  /**
   * The diseases, when they are the cohort's only criterion besides sex and country (its one term
   * set): counted from `cd_disease_groups` (decision 0087).
   */
  readonly diseasesOnly?: readonly string[];
}

/** The variant condition of a genotype criterion over `cd_variants` aliased `v`. */
export function variantCondition(g: GenotypeCriterion): BoundSql {
  const parts: BoundSql[] = [];
  if ((g.gene ?? '') !== '') parts.push({ sql: 'v.gene_key = upper(?)', params: [g.gene ?? ''] });
  if ((g.consequence ?? '') !== '')
    parts.push({ sql: 'v.consequence = ?', params: [g.consequence ?? ''] });
  if (g.maxAf !== undefined) parts.push({ sql: 'v.af <= ?', params: [g.maxAf] });
  return parts.length === 0 ? { sql: 'TRUE', params: [] } : joinSql(parts, ' AND ');
}

/** The plan of one dataset for a cohort. HPO descendants are kept to the cache's terms. */
export function datasetPlan(f: CohortFilters, d: CachedDataset): DatasetPlan {
  const db = datasetDatabaseName(d.id);
  const last = d.individuals - 1;
  const conds: BoundSql[] = [];
  if (f.sexes.length > 0) conds.push(inList('i.sex', f.sexes));
  if (f.countries.length > 0) conds.push(inList('i.country', f.countries));
  const criteria = f.phenotypes.map((p) =>
    p.includeDescendants ? keepCacheTerms(p.id, withDescendants(p.id)) : [p.id],
  );
  const groups =
    f.phenotypeMatch === 'all' || criteria.length === 0
      ? criteria
      : [[...new Set(criteria.flat())]];
  // A term criterion unnests the ix lists of its terms (layout.ts, decision 0040).
  const termBits = (list: 'phenotype' | 'disease', terms: readonly string[]): BoundSql =>
    sql(
      `(SELECT bitstring_agg(ix, 0, ${String(last)}) FROM (SELECT unnest(t.ixs) AS ix `,
      `FROM ${db}.cd_${list}_index t WHERE `,
      inList('t.term', terms),
      '))',
    );
  const termSets = groups.map((terms) => termBits('phenotype', terms));
  if (f.diseases.length > 0) termSets.push(termBits('disease', f.diseases));
  const g = hasGenotype(f.genotype) ? f.genotype : undefined;
  const variant = g === undefined ? undefined : variantCondition(g);
  const genotypeSet =
    g === undefined || variant === undefined
      ? undefined
      : (groupCarrierBits(db, last, g, variant) ??
        geneCarrierBits(db, last, g, variant) ??
        sql(
          `(SELECT bitstring_agg(ix, 0, ${String(last)}) FROM (SELECT unnest(v.carriers) AS ix `,
          `FROM ${db}.cd_variants v WHERE `,
          variant,
          '))',
        ));
  const onlyGene =
    g !== undefined &&
    (g.gene ?? '') !== '' &&
    (g.consequence ?? '') === '' &&
    g.maxAf === undefined &&
    conds.length === 0 &&
    termSets.length === 0;
  return {
    db,
    last,
    ...(conds.length > 0 ? { where: joinSql(conds, ' AND ') } : {}),
    individualSets: [
      ...(f.sexes.length > 0 ? [individualBits(db, last, 'sex', f.sexes)] : []),
      ...(f.countries.length > 0 ? [individualBits(db, last, 'country', f.countries)] : []),
    ],
    termSets,
    ...(variant === undefined ? {} : { variant }),
    ...(genotypeSet === undefined ? {} : { genotypeSet }),
    ...(onlyGene ? { geneOnly: g.gene ?? '' } : {}),
    ...(f.diseases.length > 0 && groups.length === 0 && variant === undefined
      ? { diseasesOnly: f.diseases }
      : {}),
  };
}

/**
 * The cohort bitmap (`a & b & …`) of the chosen parts, or undefined when none constrains:
 * `individual` adds the sex/country condition as bitmaps (`cd_individual_bits`, decision 0103), `genotype`
 * the carriers (left out when the rows scanned are the matching genotypes themselves).
 */
export function cohortBits(
  p: DatasetPlan,
  parts: { individual: boolean; genotype: boolean },
): BoundSql | undefined {
  const sets: BoundSql[] = [...p.termSets];
  if (parts.genotype && p.genotypeSet !== undefined) sets.push(p.genotypeSet);
  if (parts.individual) sets.push(...p.individualSets);
  return sets.length === 0 ? undefined : joinSql(sets, ' & ');
}

/** The loaded datasets a cohort reads: its dataset filter applied, empty datasets left out. */
export const cohortDatasets = (
  f: CohortFilters,
  datasets: readonly CachedDataset[],
): CachedDataset[] =>
  datasets.filter(
    (d) => d.individuals > 0 && (f.datasets.length === 0 || f.datasets.includes(d.id)),
  );

/**
 * Rows of a summary that answer the cohort's counts, aliased i with a column `n`, or undefined:
 * sex and country alone read the individuals per group (`cd_individual_groups`, decision 0027);
 * diseases with them, the individuals per group and list of diseases (`cd_disease_groups`, layout
 * 5, decision 0087), where a list holding any of the diseases is in the cohort, as in the disease
 * bitmap.
 */
export function groupRows(p: DatasetPlan): BoundSql | undefined {
  return summaryRows(p, 'cd_individual_groups', 'cd_disease_groups');
}

/**
 * Rows of a summary that answer the cohort's phenotype counts, aliased i with columns `term` and
 * `n`, or undefined: sex and country alone read the phenotype rows per term and group
 * (`cd_term_groups`, decision 0087); diseases with them, the phenotype rows per term, group and
 * list of diseases (`cd_term_disease_groups`, layout 6, decision 0094), with the lists tested as
 * groupRows tests them.
 */
export function termGroupRows(p: DatasetPlan): BoundSql | undefined {
  return summaryRows(p, 'cd_term_groups', 'cd_term_disease_groups');
}

function summaryRows(p: DatasetPlan, byGroup: string, byDiseases: string): BoundSql | undefined {
  const where = p.where ?? { sql: 'TRUE', params: [] };
  if (p.termSets.length === 0 && p.genotypeSet === undefined)
    return sql(`${p.db}.${byGroup} i WHERE `, where);
  if (p.diseasesOnly === undefined) return undefined;
  return sql(`${p.db}.${byDiseases} i WHERE `, where, ' AND ', {
    sql: `list_has_any(i.diseases, [${p.diseasesOnly.map(() => '?').join(', ')}]::VARCHAR[])`,
    params: [...p.diseasesOnly],
  });
}

type Branch = (p: DatasetPlan) => BoundSql;

/** One branch per dataset the cohort reads, UNION ALL; `empty` (typed, no rows) when none. */
export function union(
  f: CohortFilters,
  datasets: readonly CachedDataset[],
  branch: Branch,
  empty: string,
): BoundSql {
  const parts = cohortDatasets(f, datasets).map((d) => branch(datasetPlan(f, d)));
  return parts.length === 0
    ? { sql: empty, params: [] }
    : joinSql(
        parts.map((p) => sql('SELECT * FROM (', p, ')')),
        ' UNION ALL ',
      );
}
