import type { AccessContext } from '../access/policy';
import { notFound } from '../http/errors';
import type { EntityType, Scope } from '../query/entityQuery';
import { answerCollections, datasetOfCohort } from './collections';
import type { BeaconAnswer, BeaconContext } from './context';
import { answerEntity } from './entityResponse';
import {
  beaconMap,
  configuration,
  entryTypesResponse,
  filteringTerms,
  info,
  serviceInfo,
} from './framework';
import { individualOfBiosample } from './records';
import type { BeaconRequest } from './types';

const ENTITIES = new Set<string>(['individuals', 'biosamples', 'g_variants']);
/** Cross-entity routes per the default model endpoints (STANDARDS 3.1). */
const RELATED: Readonly<Record<string, readonly string[]>> = {
  individuals: ['g_variants', 'biosamples'],
  biosamples: ['g_variants'],
  g_variants: ['individuals', 'biosamples'],
  datasets: ['individuals', 'g_variants', 'biosamples'],
  cohorts: ['individuals'],
};

const FRAMEWORK: Readonly<Record<string, (ctx: BeaconContext) => unknown>> = {
  '': info,
  info,
  'service-info': serviceInfo,
  configuration,
  map: beaconMap,
  entry_types: entryTypesResponse,
  filtering_terms: filteringTerms,
};

async function exists(ctx: BeaconContext, sql: string, id: string): Promise<boolean> {
  const ds = ctx.datasets.map((d) => d.id);
  const rows = await ctx.store.all<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM ${sql} = ? AND dataset_id IN (${ds.map(() => '?').join(', ')})`,
    [id, ...ds],
  );
  return (rows[0]?.n ?? 0) > 0;
}

/** Scope for `/{entity}/{id}`; 404 when no dataset of this node has the id. */
async function idScope(
  ctx: BeaconContext,
  entity: string,
  id: string,
  all: readonly string[],
): Promise<Scope> {
  if (entity === 'g_variants') {
    if (!(await exists(ctx, 'variants WHERE variant_id', id)))
      throw notFound(`no genomic variation ${id}`);
    return { datasetIds: all, variantId: id };
  }
  const individualId = entity === 'biosamples' ? individualOfBiosample(id) : id;
  if (
    individualId === undefined ||
    !(await exists(ctx, 'individuals WHERE individual_id', individualId))
  ) {
    throw notFound(`no ${entity === 'biosamples' ? 'biosample' : 'individual'} ${id}`);
  }
  return { datasetIds: all, individualId };
}

/** Routes one Beacon request (path relative to /api, without leading slash). */
export async function routeBeacon(
  ctx: BeaconContext,
  access: AccessContext,
  path: string,
  parse: () => BeaconRequest,
): Promise<BeaconAnswer> {
  const parts = path
    .split('/')
    .filter((p) => p !== '')
    .map(decodeURIComponent);
  const [head = '', id, sub, extra] = parts;
  const fw = FRAMEWORK[head];
  if (fw !== undefined && parts.length <= 1) return { body: fw(ctx) };
  const all = ctx.datasets.map((d) => d.id);
  if (extra !== undefined) throw notFound(`no route ${path}`);
  if (
    id === 'filtering_terms' &&
    sub === undefined &&
    (ENTITIES.has(head) || head === 'datasets' || head === 'cohorts')
  ) {
    return { body: filteringTerms(ctx) };
  }
  if (sub !== undefined && !(RELATED[head] ?? []).includes(sub) && sub !== 'filtering_terms')
    throw notFound(`no route ${path}`);

  if (head === 'datasets' || head === 'cohorts') {
    const dsId = id === undefined ? undefined : head === 'cohorts' ? datasetOfCohort(id) : id;
    if (id !== undefined && (dsId === undefined || !all.includes(dsId)))
      throw notFound(`no ${head.slice(0, -1)} ${id}`);
    if (sub === 'filtering_terms') return { body: filteringTerms(ctx) };
    if (sub === undefined || dsId === undefined)
      return answerCollections(ctx, access, head, parse(), dsId);
    return answerEntity(ctx, access, sub as EntityType, parse(), { datasetIds: [dsId] });
  }
  if (!ENTITIES.has(head)) throw notFound(`no route ${path}`);
  if (id === undefined)
    return answerEntity(ctx, access, head as EntityType, parse(), { datasetIds: all });
  const scope = await idScope(ctx, head, id, all);
  return answerEntity(ctx, access, (sub ?? head) as EntityType, parse(), scope);
}
