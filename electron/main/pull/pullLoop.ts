import { setTimeout as delay } from 'node:timers/promises';
import type { NodeEntry } from '../../../shared/federation/directory';
import type { Assembly } from '../../../shared/genome/assembly';
import type { GenotypeRow, IndividualRow, TableRows, VariantRow } from '../vault/arrowTables';
import { fetchPage, PULL_PAGE_SIZE } from './beaconPages';
import type { Page, PageRequest } from './beaconPages';
import { PullDataError, PullNetworkError } from './beaconPages';
import type { DatasetRoutes } from './pullRoutes';
import { RecordShapeError, toIndividual, toVariant } from './recordConvert';
import type { Cursor, Staging } from '../vault/staging';

export interface LoopContext {
  staging: Staging;
  cursor: Cursor;
  node: NodeEntry;
  /** The node's assembly: variants are lifted to the cache's GRCh38 when it differs. */
  assembly: Assembly;
  routes: DatasetRoutes;
  fetch: typeof fetch;
  token: (node: NodeEntry) => Promise<string | undefined>;
  timeoutMs: number;
  signal: AbortSignal;
  pageSize?: number;
  onPage: (c: Cursor) => void;
}

interface VariantPage {
  variants: VariantRow[];
  genotypes: GenotypeRow[];
  /** Variants the node sent that have no GRCh38 place (assembly conversion), with the reason. */
  unplaced?: string[];
}

/** fetchPage with two quick retries for transient failures (a reset keep-alive connection, one 5xx) before the job pauses. */
const RETRY_DELAYS_MS = [250, 1000];

export async function fetchWithRetry(req: PageRequest): Promise<Page> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetchPage(req);
    } catch (error: unknown) {
      const wait = RETRY_DELAYS_MS[attempt];
      if (!(error instanceof PullNetworkError) || wait === undefined || req.signal.aborted)
        throw error;
      await delay(wait, undefined, { signal: req.signal });
    }
  }
}

function convert(ctx: LoopContext, entity: 'individuals' | 'g_variants', page: Page): unknown {
  try {
    if (entity === 'individuals') return page.records.map(toIndividual);
    const rows: Required<VariantPage> = { variants: [], genotypes: [], unplaced: [] };
    page.records.forEach((raw, i) => {
      const c = toVariant(raw, i, ctx.assembly);
      if ('unplaced' in c) rows.unplaced.push(c.unplaced);
      else {
        rows.variants.push(c.variant);
        rows.genotypes.push(...c.genotypes);
      }
    });
    return rows;
  } catch (error: unknown) {
    if (error instanceof RecordShapeError)
      throw new PullDataError(`Node ${ctx.node.id}: ${error.message}.`);
    throw error;
  }
}

/**
 * Fetches the remaining pages (individuals, then g_variants with caseLevelData), each validated and
 * converted, sealed into staging before the cursor moves on. The page size is not trusted (issue 12
 * item 2, issue 15 item 4): a node may cap `limit`, and `skip` counts pages of the size it uses, so
 * the loop asks for page after page with the same limit, advances by the records received and
 * stops on the node's count or an empty page. Throws PullNetworkError (pause), PullRefusedError /
 * PullDataError (fail) or the abort reason.
 */
export async function runPages(ctx: LoopContext): Promise<void> {
  const { cursor } = ctx;
  const limit = ctx.pageSize ?? PULL_PAGE_SIZE;
  cursor.received ??= { individuals: 0, g_variants: 0 };
  while (cursor.entity !== 'done') {
    ctx.signal.throwIfAborted();
    const entity = cursor.entity;
    const page = await fetchWithRetry({
      node: ctx.node,
      entity,
      datasetId: cursor.datasetId,
      query: cursor.query,
      routes: ctx.routes,
      page: cursor.page,
      limit,
      token: await ctx.token(ctx.node),
      fetch: ctx.fetch,
      signal: ctx.signal,
      timeoutMs: ctx.timeoutMs,
    });
    ctx.signal.throwIfAborted();
    if (page.records.length > 0)
      ctx.staging.savePage(entity, cursor.page, convert(ctx, entity, page));
    cursor.totals[entity] = page.total;
    cursor.received[entity] += page.records.length;
    cursor.records += page.records.length;
    cursor.bytes += page.bytes;
    if (page.records.length > 0) {
      cursor.page += 1;
      cursor.pages[entity] = cursor.page;
    }
    if (page.records.length === 0 || cursor.received[entity] >= page.total) {
      cursor.entity = entity === 'individuals' ? 'g_variants' : 'done';
      cursor.page = 0;
    } else if (cursor.page > page.total) {
      throw new PullDataError(
        `Node ${ctx.node.id} kept sending pages of ${cursor.datasetId} past its own count (${page.total}); nothing was kept.`,
      );
    }
    ctx.staging.saveCursor(cursor);
    ctx.onPage(cursor);
  }
}

/** Everything staged, as table rows, plus the variants that could not be placed on GRCh38. */
export interface Assembled extends TableRows {
  unplaced: string[];
}

/** Reads every staged page back into table rows; duplicates mean the node reordered between pages. */
export function assemble(staging: Staging, cursor: Cursor): Assembled {
  const individuals: IndividualRow[] = [];
  const variants: VariantRow[] = [];
  const genotypes: GenotypeRow[] = [];
  const unplaced: string[] = [];
  for (let p = 0; p < cursor.pages.individuals; p++)
    individuals.push(...(staging.readPage('individuals', p) as IndividualRow[]));
  for (let p = 0; p < cursor.pages.g_variants; p++) {
    const page = staging.readPage('g_variants', p) as VariantPage;
    for (const v of page.variants) variants.push(v);
    for (const g of page.genotypes) genotypes.push(g);
    unplaced.push(...(page.unplaced ?? []));
  }
  if (
    new Set(individuals.map((r) => r.individual_id)).size !== individuals.length ||
    new Set(variants.map((r) => r.variant_key)).size !== variants.length
  ) {
    throw new PullDataError(
      'The node returned the same record on two pages (its order changed during the pull); pull again.',
    );
  }
  return { individuals, variants, genotypes, unplaced };
}

/**
 * Issue 12 item 2: what was received must be what the node counted, per entity, or nothing is
 * sealed. Returns the refusal in words (what the node said, what arrived), or undefined.
 */
export function countMismatch(rows: Assembled, cursor: Cursor): string | undefined {
  const got = {
    individuals: rows.individuals.length,
    g_variants: rows.variants.length + rows.unplaced.length,
  };
  const wrong = (['individuals', 'g_variants'] as const).filter(
    (e) => cursor.totals[e] !== undefined && cursor.totals[e] !== got[e],
  );
  if (wrong.length === 0) return undefined;
  const words = { individuals: 'individuals', g_variants: 'variants' };
  const parts = wrong.map((e) => `${String(got[e])} of ${String(cursor.totals[e])} ${words[e]}`);
  return `Node ${cursor.nodeId} sent ${parts.join(' and ')} it counted for ${cursor.datasetId}: the copy would be incomplete, so nothing was kept. Pull again; if it repeats, tell the node's operators.`;
}
