import type { BoundSql } from './cohortPlan';
import type { CohortFilters } from './definition';
import { hasGenotype } from './definition';
import { keepCacheTerms } from './cacheTerms';
import { withDescendants } from './hpo';

/**
 * The cohort over the public views `individuals`, `variants`, `genotypes` alone (the form before
 * decision 0027): correct on any database holding those views, but it tests list columns and joins
 * genotype rows, so it is for small reads outside the cohort page (the genome browser's sample
 * list) and the reference the layout's SQL (sql.ts) is checked against in native.test.ts.
 */

const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/**
 * The WHERE clause over the `individuals` view aliased `i` (everything but genotype). Parts are
 * ANDed; values inside a part are ORed. HPO criteria with descendants expand via the HPO table,
 * kept to the terms the loaded cache carries (cacheTerms.ts).
 */
export function cohortWhere(f: CohortFilters): BoundSql {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  const phenos = f.phenotypes.map((p) => {
    const terms = p.includeDescendants ? keepCacheTerms(p.id, withDescendants(p.id)) : [p.id];
    params.push(...terms);
    return `list_has_any(i.phenotypes, [${marks(terms.length)}]::VARCHAR[])`;
  });
  if (phenos.length > 0)
    parts.push(`(${phenos.join(f.phenotypeMatch === 'all' ? ' AND ' : ' OR ')})`);
  if (f.diseases.length > 0) {
    parts.push(`list_has_any(i.diseases, [${marks(f.diseases.length)}]::VARCHAR[])`);
    params.push(...f.diseases);
  }
  const inList = (column: string, values: readonly string[]): void => {
    if (values.length === 0) return;
    parts.push(`${column} IN (${marks(values.length)})`);
    params.push(...values);
  };
  inList('i.sex', f.sexes);
  inList('i.country', f.countries);
  inList('i.dataset_id', f.datasets);
  return { sql: parts.length === 0 ? 'TRUE' : parts.join(' AND '), params };
}

/** The variant condition of a genotype criterion over the `variants` view aliased `v`. */
export function variantWhere(g: NonNullable<CohortFilters['genotype']>): BoundSql {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  if ((g.gene ?? '') !== '') {
    parts.push('upper(v.gene) = upper(?)');
    params.push(g.gene ?? '');
  }
  if ((g.consequence ?? '') !== '') {
    parts.push('v.consequence = ?');
    params.push(g.consequence ?? '');
  }
  if (g.maxAf !== undefined) {
    parts.push('v.af <= ?');
    params.push(g.maxAf);
  }
  return { sql: parts.length === 0 ? 'TRUE' : parts.join(' AND '), params };
}

/**
 * FROM + WHERE selecting the cohort from the views, aliased `i`. Genotype joins the DISTINCT
 * carriers (uncorrelated): a correlated EXISTS over the union views ran duckdb-wasm out of memory.
 */
export function cohortFrom(f: CohortFilters): BoundSql {
  const w = cohortWhere(f);
  if (!hasGenotype(f.genotype)) return { sql: `individuals i WHERE ${w.sql}`, params: w.params };
  const g = variantWhere(f.genotype);
  return {
    sql:
      'individuals i JOIN (SELECT DISTINCT g.dataset_id, g.individual_id FROM genotypes g ' +
      'JOIN variants v ON v.dataset_id = g.dataset_id AND v.variant_key = g.variant_key ' +
      `WHERE ${g.sql}) c ON c.dataset_id = i.dataset_id AND c.individual_id = i.individual_id ` +
      `WHERE ${w.sql}`,
    params: [...g.params, ...w.params],
  };
}
