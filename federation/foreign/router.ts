import type { AccessContext } from '../node/access/policy.js';
import type { BeaconAnswer, BeaconContext } from '../node/beacon/context.js';
import { serviceInfo } from '../node/beacon/framework.js';
import type { BeaconRequest } from '../node/beacon/types.js';
import { notFound } from '../node/http/errors.js';
import { foreignDatasets, foreignEntity } from './answers.js';
import {
  foreignConfiguration,
  foreignFilteringTerms,
  foreignInfo,
  foreignMap,
} from './framework.js';

const ENTITY: Readonly<Record<string, 'individuals' | 'g_variants'>> = {
  individuals: 'individuals',
  g_variants: 'g_variants',
};

/** Routes one request of the foreign node (path relative to /api); only what its /map declares. */
export async function routeForeign(
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
  const all = ctx.datasets.map((d) => d.id);
  if (extra !== undefined) throw notFound(`no route ${path}`);
  if (parts.length <= 1) {
    if (head === '' || head === 'info') return { body: foreignInfo(ctx) };
    if (head === 'service-info') return { body: serviceInfo(ctx) };
    if (head === 'configuration') return { body: foreignConfiguration(ctx) };
    if (head === 'map') return { body: foreignMap(ctx) };
    if (head === 'filtering_terms') return { body: foreignFilteringTerms(ctx, parse()) };
    if (head === 'datasets') return foreignDatasets(ctx, parse());
  }
  if (head === 'datasets' && id !== undefined) {
    if (!all.includes(id)) throw notFound(`no dataset ${id}`);
    if (sub === undefined) return foreignDatasets(ctx, parse(), id);
    if (sub === 'filtering_terms') return { body: foreignFilteringTerms(ctx, parse()) };
    const entity = ENTITY[sub];
    if (entity === undefined) throw notFound(`no route ${path}`);
    return foreignEntity(ctx, access, entity, parse(), { datasetIds: [id] });
  }
  const entity = ENTITY[head];
  if (entity === undefined) throw notFound(`no route ${path}`);
  if (id === undefined) return foreignEntity(ctx, access, entity, parse(), { datasetIds: all });
  if (entity === 'individuals' && (sub === undefined || sub === 'g_variants'))
    return foreignEntity(ctx, access, sub ?? entity, parse(), {
      datasetIds: all,
      individualId: id,
    });
  if (entity === 'g_variants' && sub === undefined)
    return foreignEntity(ctx, access, entity, parse(), { datasetIds: all, variantInternalId: id });
  throw notFound(`no route ${path}`);
}
