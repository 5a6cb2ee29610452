/**
 * Entry-type and collection answers of the foreign node, in Beacon v2.0 shapes: returnedSchemas as
 * strings, result sets without setType and with a null resultsHandovers, one result set per dataset,
 * exact counts without extension members, pages capped at FOREIGN_MAX_LIMIT (skip counts pages of
 * the page size actually used, echoed in receivedRequestSummary).
 */
import type { DatasetPolicy, NodeInfo } from '../catalogue.js';
import { granularityFor, type AccessContext } from '../node/access/policy.js';
import type { BeaconAnswer, BeaconContext } from '../node/beacon/context.js';
import { beaconId } from '../node/beacon/meta.js';
import type { IndividualRow, VariantRow } from '../node/beacon/records.js';
import {
  GRANULARITY_ORDER,
  minGranularity,
  type BeaconRequest,
  type Granularity,
} from '../node/beacon/types.js';
import {
  compileQuery,
  countByDataset,
  pageRows,
  type CompiledQuery,
  type EntityType,
  type Scope,
} from '../node/query/entityQuery.js';
import { Conditions } from '../node/query/sql.js';
import { FOREIGN_DEFAULT_LIMIT, FOREIGN_MAX_LIMIT } from './catalogue.js';
import { foreignDataset, foreignIndividual, foreignVariant } from './records.js';

export const FOREIGN_API_VERSION = 'v2.0.0';

/** The page size actually used: the request's, at most FOREIGN_MAX_LIMIT (limit 0 = the maximum). */
export function pageSize(requested: number | undefined): number {
  if (requested === undefined) return FOREIGN_DEFAULT_LIMIT;
  return requested === 0 ? FOREIGN_MAX_LIMIT : Math.min(requested, FOREIGN_MAX_LIMIT);
}

const SCHEMAS: Readonly<Record<string, string>> = {
  individuals: 'beacon-individual-v2.0.0',
  g_variants: 'beacon-g_variant-v2.0.0',
  datasets: 'beacon-dataset-v2.0.0',
};

/** beaconResponseMeta, v2.0 style. */
export function foreignMeta(
  node: NodeInfo,
  req: BeaconRequest,
  entity: string,
  returned: Granularity,
  limit: number,
): Record<string, unknown> {
  return {
    beaconId: beaconId(node),
    apiVersion: FOREIGN_API_VERSION,
    returnedGranularity: returned,
    receivedRequestSummary: {
      apiVersion: req.apiVersion,
      requestedSchemas: req.requestedSchemas,
      filters: req.filterIds,
      requestParameters: req.params,
      includeResultsetResponses: req.includeResultsetResponses,
      pagination: { skip: req.skip, limit },
      requestedGranularity: req.requestedGranularity,
    },
    returnedSchemas: SCHEMAS[entity] === undefined ? [] : [SCHEMAS[entity]],
  };
}

async function carriers(
  ctx: BeaconContext,
  q: CompiledQuery,
  ds: string,
  rows: VariantRow[],
): Promise<Map<string, { individual_id: string; zygosity: string }[]>> {
  const out = new Map<string, { individual_id: string; zygosity: string }[]>();
  if (rows.length === 0) return out;
  const where = new Conditions()
    .add('g.dataset_id = ?', ds)
    .add(`g.variant_id IN (${rows.map(() => '?').join(', ')})`, ...rows.map((r) => r.variant_id))
    .merge(q.carrierWhere);
  const join = q.carrierWhere.empty
    ? ''
    : 'JOIN individuals i ON i.dataset_id = g.dataset_id AND i.individual_id = g.individual_id';
  const found = await ctx.store.all<{
    variant_id: string;
    individual_id: string;
    zygosity: string;
  }>(
    `SELECT g.variant_id, g.individual_id, g.zygosity FROM genotypes g ${join} WHERE ${where.sql()} ORDER BY g.individual_id`,
    where.values,
  );
  for (const r of found) out.set(r.variant_id, [...(out.get(r.variant_id) ?? []), r]);
  return out;
}

async function records(
  ctx: BeaconContext,
  q: CompiledQuery,
  ds: DatasetPolicy,
  req: BeaconRequest,
  limit: number,
): Promise<unknown[]> {
  const rows = await pageRows<Record<string, unknown>>(
    ctx.store,
    q,
    ds.id,
    req.skip * limit,
    limit,
  );
  if (q.entity === 'individuals')
    return rows.map((r) => foreignIndividual(r as unknown as IndividualRow));
  const variants = rows as unknown as VariantRow[];
  const found = await carriers(ctx, q, ds.id, variants);
  return variants.map((v) => foreignVariant(v, found.get(v.variant_id) ?? [], ds));
}

/**
 * An entry-type query. The request's datasetIds are not read (the node's map declares no support;
 * the /datasets/{id}/… routes select a dataset), and neither is assemblyId: like the Reference
 * Implementation it answers in its own assembly whatever the client assumes.
 */
export async function foreignEntity(
  ctx: BeaconContext,
  access: AccessContext,
  entity: EntityType,
  req: BeaconRequest,
  scope: Scope & { variantInternalId?: string },
): Promise<BeaconAnswer> {
  const limit = pageSize(req.limit);
  const datasets = ctx.datasets.filter((d) => scope.datasetIds.includes(d.id));
  const params = { ...req.params };
  delete params.assemblyId;
  const q = compileQuery(
    entity,
    { ...req, params },
    { ...scope, datasetIds: datasets.map((d) => d.id) },
    ctx.store,
    ctx.vocab,
  );
  if (scope.variantInternalId !== undefined)
    q.where.add('v.variant_id = ?', scope.variantInternalId);
  const counts = await countByDataset(ctx.store, q);
  const per = datasets.map((ds) => {
    const g = minGranularity(req.requestedGranularity, granularityFor(ds, access));
    const n = counts.get(ds.id) ?? 0;
    return { ds, g, n };
  });
  const returned = per.reduce<Granularity>(
    (m, p) => (GRANULARITY_ORDER[p.g] > GRANULARITY_ORDER[m] ? p.g : m),
    'boolean',
  );
  const exists = per.some((p) => p.n > 0);
  const meta = foreignMeta(ctx.node, req, entity, returned, limit);
  if (returned === 'boolean')
    return { body: { meta, responseSummary: { exists } }, granularity: returned };
  const shown = per.filter((p) => p.g !== 'boolean');
  const resultSets: Record<string, unknown>[] = [];
  for (const p of shown) {
    const hit = p.n > 0;
    if (!(
      req.includeResultsetResponses === 'ALL' ||
      (req.includeResultsetResponses === 'HIT' && hit) ||
      (req.includeResultsetResponses === 'MISS' && !hit)
    ))
      continue;
    resultSets.push({
      id: p.ds.id,
      exists: hit,
      resultsCount: p.n,
      results: p.g === 'record' && hit ? await records(ctx, q, p.ds, req, limit) : [],
      resultsHandovers: null,
    });
  }
  const total = shown.reduce((s, p) => s + p.n, 0);
  return {
    body: {
      meta,
      responseSummary: { exists, numTotalResults: total },
      response: { resultSets },
      beaconHandovers: null,
    },
    granularity: returned,
  };
}

/** /datasets (beaconCollectionsResponse): public catalogue metadata, paged like everything else. */
export function foreignDatasets(
  ctx: BeaconContext,
  req: BeaconRequest,
  onlyId?: string,
): BeaconAnswer {
  const limit = pageSize(req.limit);
  const selected = ctx.datasets.filter((d) => onlyId === undefined || d.id === onlyId);
  const page = selected.slice(req.skip * limit, req.skip * limit + limit);
  return {
    body: {
      meta: foreignMeta(ctx.node, req, 'datasets', 'record', limit),
      responseSummary: { exists: selected.length > 0, numTotalResults: selected.length },
      response: { collections: page.map(foreignDataset) },
    },
    granularity: 'record',
  };
}
