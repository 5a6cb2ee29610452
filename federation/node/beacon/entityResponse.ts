import type { DatasetPolicy } from '../../catalogue';
import { granularityFor, type AccessContext } from '../access/policy';
import {
  compileQuery,
  countByDataset,
  pageRows,
  type CompiledQuery,
  type EntityType,
  type Scope,
} from '../query/entityQuery';
import { Conditions } from '../query/sql';
import { boxConditions } from '../query/variantConditions';
import type { BeaconAnswer, BeaconContext } from './context';
import { countMembers, reportCount, sumCounts, type ReportedCount } from './counts';
import { responseMeta } from './meta';
import {
  biosampleRecord,
  individualRecord,
  variantRecord,
  type CarrierRow,
  type IndividualRow,
  type VariantRow,
} from './records';
import { GRANULARITY_ORDER, minGranularity, type BeaconRequest, type Granularity } from './types';

async function carriersFor(
  ctx: BeaconContext,
  q: CompiledQuery,
  ds: string,
  rows: VariantRow[],
): Promise<Map<string, CarrierRow[]>> {
  const out = new Map<string, CarrierRow[]>();
  if (rows.length === 0) return out;
  const boxes = [...new Set(rows.map((r) => r.chrom))].map((chrom) => {
    const ps = rows.filter((r) => r.chrom === chrom).map((r) => r.pos);
    return { chrom, lo: Math.min(...ps), hi: Math.max(...ps) };
  });
  const where = new Conditions()
    .add('g.dataset_id = ?', ds)
    .merge(boxConditions('g', boxes))
    .add(`g.variant_id IN (${rows.map(() => '?').join(', ')})`, ...rows.map((r) => r.variant_id))
    .merge(q.carrierWhere);
  // The individuals join is only needed when carriers are restricted by individual-side filters.
  const join = q.carrierWhere.empty
    ? ''
    : 'JOIN individuals i ON i.dataset_id = g.dataset_id AND i.individual_id = g.individual_id';
  // One aggregated string per variant: materialising ~100 carrier rows per variant as JS objects costs
  // far more than DuckDB's string_agg plus a split (see bench/federation-queries.ts).
  const rowsAgg = await ctx.store.all<{ variant_id: string; carriers: string }>(
    `SELECT g.variant_id, string_agg(g.individual_id || ' ' || g.zygosity, ',' ORDER BY g.individual_id) AS carriers
     FROM genotypes g ${join} WHERE ${where.sql()} GROUP BY g.variant_id`,
    where.values,
  );
  for (const r of rowsAgg) {
    out.set(
      r.variant_id,
      r.carriers.split(',').map((c) => {
        const [individual_id = '', zygosity = 'het'] = c.split(' ');
        return { variant_id: r.variant_id, individual_id, zygosity };
      }),
    );
  }
  return out;
}

async function records(
  ctx: BeaconContext,
  q: CompiledQuery,
  ds: DatasetPolicy,
  req: BeaconRequest,
): Promise<unknown[]> {
  const rows = await pageRows<Record<string, unknown>>(
    ctx.store,
    q,
    ds.id,
    req.skip * req.limit,
    req.limit,
  );
  if (q.entity === 'individuals')
    return rows.map((r) => individualRecord(r as unknown as IndividualRow));
  if (q.entity === 'biosamples')
    return rows.map((r) => biosampleRecord(r as unknown as IndividualRow));
  const variants = rows as unknown as VariantRow[];
  const carriers = await carriersFor(ctx, q, ds.id, variants);
  const url = `${ctx.beaconUrl}/datasets/${ds.id}`;
  return variants.map((v) => variantRecord(v, carriers.get(v.variant_id) ?? [], ds.title, url));
}

/** Handover to the dataset's VCF via htsget (needs the same bearer token; never logged: BCN 3.3). */
function vcfHandover(ctx: BeaconContext, datasetId: string): Record<string, unknown> {
  return {
    handoverType: { id: 'EDAM:3016', label: 'VCF' },
    url: `${ctx.beaconUrl.replace(/\/api$/, '')}/htsget/variants/${datasetId}`,
    note: 'htsget 1.3 ticket for this dataset (record-level access required)',
  };
}

function included(mode: BeaconRequest['includeResultsetResponses'], exists: boolean): boolean {
  return mode === 'ALL' || (mode === 'HIT' && exists) || (mode === 'MISS' && !exists);
}

/**
 * Answers an entry-type query. Each dataset is answered at min(requested, allowed) granularity (3.4);
 * the response's returnedGranularity is the highest of those, and every resultSet states its own in
 * `info.returnedGranularity`. Datasets answerable only as boolean add to `exists` and to
 * `info.booleanResultSets`, never to counts.
 */
export async function answerEntity(
  ctx: BeaconContext,
  access: AccessContext,
  entity: EntityType,
  req: BeaconRequest,
  scope: Scope,
): Promise<BeaconAnswer> {
  const datasets = ctx.datasets.filter(
    (d) =>
      scope.datasetIds.includes(d.id) &&
      (req.datasetIds === undefined || req.datasetIds.includes(d.id)),
  );
  const q = compileQuery(
    entity,
    req,
    { ...scope, datasetIds: datasets.map((d) => d.id) },
    ctx.store,
    ctx.vocab,
  );
  const counts = await countByDataset(ctx.store, q);
  const perDataset = datasets.map((ds) => {
    const allowed = granularityFor(ds, access);
    const g = minGranularity(req.requestedGranularity, allowed);
    const n = counts.get(ds.id) ?? 0;
    return { ds, g, n, exists: n > 0, exact: allowed === 'record' };
  });
  const returned = perDataset.reduce<Granularity>(
    (m, p) => (GRANULARITY_ORDER[p.g] > GRANULARITY_ORDER[m] ? p.g : m),
    'boolean',
  );
  const exists = perDataset.some((p) => p.exists);
  const meta = responseMeta(ctx.node, req, entity, returned);
  if (returned === 'boolean')
    return { body: { meta, responseSummary: { exists } }, granularity: returned };

  const reported: ReportedCount[] = [];
  const resultSets: Record<string, unknown>[] = [];
  const booleanResultSets: { id: string; exists: boolean }[] = [];
  for (const p of perDataset) {
    if (p.g === 'boolean') {
      booleanResultSets.push({ id: p.ds.id, exists: p.exists });
      continue;
    }
    // Rounding protects count-only callers; a caller allowed records gets exact counts at any level.
    const c = reportCount(p.n, p.ds, p.exact);
    reported.push(c);
    if (!included(req.includeResultsetResponses, p.exists)) continue;
    resultSets.push({
      id: p.ds.id,
      setType: 'dataset',
      exists: p.exists,
      resultsCount: c.value,
      results: p.g === 'record' && p.exists ? await records(ctx, q, p.ds, req) : [],
      info: { returnedGranularity: p.g, ...countMembers(c) },
      ...(p.g === 'record' && entity === 'g_variants'
        ? { resultsHandovers: [vcfHandover(ctx, p.ds.id)] }
        : {}),
    });
  }
  const total = sumCounts(reported);
  const body: Record<string, unknown> = {
    meta,
    responseSummary: { exists, numTotalResults: total.value, ...countMembers(total) },
    response: { resultSets },
    ...(booleanResultSets.length > 0 ? { info: { booleanResultSets } } : {}),
  };
  return { body, granularity: returned };
}
