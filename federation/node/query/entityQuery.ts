import type { DuckDBValue } from '@duckdb/node-api';
import type { BeaconRequest } from '../beacon/types';
import type { NodeStore } from '../store/db';
import type { Vocabulary } from '../store/vocabulary';
import { filterConditions } from './filterConditions';
import { Conditions } from './sql';
import {
  boxConditions,
  hasVariantQuery,
  normaliseChrom,
  variantConditions,
  type Box,
} from './variantConditions';

export type EntityType = 'individuals' | 'biosamples' | 'g_variants';

/** Restrictions coming from the route (/datasets/{id}/…, /individuals/{id}/…, /g_variants/{id}/…). */
export interface Scope {
  datasetIds: readonly string[];
  individualId?: string;
  variantId?: string;
}

/** A compiled query: `FROM from WHERE where`, per-dataset pages ordered by `orderBy`. */
export interface CompiledQuery {
  entity: EntityType;
  alias: 'i' | 'v';
  from: string;
  /** Values bound in `from` (they precede the WHERE values). */
  fromValues: DuckDBValue[];
  where: Conditions;
  orderBy: string;
  /** Conditions on carriers (alias i over individuals, g over genotypes) for caseLevelData. */
  carrierWhere: Conditions;
}

const VARIANT_ID = /^([0-9]{1,2}|X|Y)-(\d{1,9})-([ACGTN]+)-([ACGTN]+)$/;

/** '17-43045712-G-A' → its box (an unparseable id can match nothing). */
export function variantIdBox(id: string): Box | undefined {
  const m = VARIANT_ID.exec(id);
  if (!m?.[1] || !m[2]) return undefined;
  const pos = Number(m[2]);
  return { chrom: normaliseChrom(m[1]), lo: pos, hi: pos };
}

function inList(column: string, ids: readonly string[]): Conditions {
  const c = new Conditions();
  if (ids.length === 0) return c.add('FALSE');
  return c.add(`${column} IN (${ids.map(() => '?').join(', ')})`, ...ids);
}

/** Compiles a normalised request to SQL over the node's views; all user input is bound, never spliced. */
export function compileQuery(
  entity: EntityType,
  req: BeaconRequest,
  scope: Scope,
  store: NodeStore,
  vocab: Vocabulary,
): CompiledQuery {
  const filters = filterConditions(req.filters, vocab);
  const variantQuery = hasVariantQuery(req.params);
  const vc = variantQuery ? variantConditions(req.params, store) : { where: new Conditions() };
  let boxes = vc.boxes;
  if (scope.variantId !== undefined) {
    const box = variantIdBox(scope.variantId);
    vc.where.add(box ? 'v.variant_id = ?' : 'FALSE', ...(box ? [scope.variantId] : []));
    boxes = box ? [box] : boxes;
  }
  const variantSide = new Conditions()
    .merge(boxConditions('v', boxes))
    .merge(vc.where)
    .merge(filters.variant);
  const individualSide = new Conditions().merge(filters.individual);
  if (scope.individualId !== undefined)
    individualSide.add('i.individual_id = ?', scope.individualId);

  // Semi joins (not correlated EXISTS): DuckDB prunes the genotypes scan by the box, then hash-joins.
  if (entity === 'g_variants') {
    const where = inList('v.dataset_id', scope.datasetIds).merge(variantSide);
    let from = 'variants v';
    let fromValues: DuckDBValue[] = [];
    if (!individualSide.empty) {
      const carriers = new Conditions().merge(boxConditions('g', boxes)).merge(individualSide);
      from = `variants v SEMI JOIN (SELECT g.dataset_id, g.variant_id FROM genotypes g JOIN individuals i
          ON i.dataset_id = g.dataset_id AND i.individual_id = g.individual_id WHERE ${carriers.sql()}) c
        ON c.dataset_id = v.dataset_id AND c.variant_id = v.variant_id`;
      fromValues = carriers.values;
    }
    return {
      entity,
      alias: 'v',
      from,
      fromValues,
      where,
      orderBy: 'v.chrom, v.pos, v.variant_id',
      carrierWhere: individualSide,
    };
  }
  const where = inList('i.dataset_id', scope.datasetIds).merge(individualSide);
  let from = 'individuals i';
  let fromValues: DuckDBValue[] = [];
  if (!variantSide.empty) {
    const carried = new Conditions().merge(boxConditions('g', boxes)).merge(variantSide);
    from = `individuals i SEMI JOIN (SELECT g.dataset_id, g.individual_id FROM genotypes g JOIN variants v
        ON v.dataset_id = g.dataset_id AND v.variant_id = g.variant_id WHERE ${carried.sql()}) c
      ON c.dataset_id = i.dataset_id AND c.individual_id = i.individual_id`;
    fromValues = carried.values;
  }
  return {
    entity,
    alias: 'i',
    from,
    fromValues,
    where,
    orderBy: 'i.individual_id',
    carrierWhere: individualSide,
  };
}

/** Per-dataset match counts for a compiled query. */
export async function countByDataset(
  store: NodeStore,
  q: CompiledQuery,
): Promise<Map<string, number>> {
  const rows = await store.all<{ dataset_id: string; n: number }>(
    `SELECT ${q.alias}.dataset_id, count(*)::INTEGER AS n FROM ${q.from} WHERE ${q.where.sql()} GROUP BY 1`,
    [...q.fromValues, ...q.where.values],
  );
  return new Map(rows.map((r) => [r.dataset_id, r.n]));
}

/** One page of rows of one dataset, in a stable order so pages never overlap or skip. */
export async function pageRows<T extends object>(
  store: NodeStore,
  q: CompiledQuery,
  datasetId: string,
  offset: number,
  limit: number,
): Promise<T[]> {
  return store.all<T>(
    `SELECT ${q.alias}.* FROM ${q.from} WHERE ${q.where.sql()} AND ${q.alias}.dataset_id = ?
     ORDER BY ${q.orderBy} LIMIT ? OFFSET ?`,
    [...q.fromValues, ...q.where.values, datasetId, limit, offset],
  );
}
