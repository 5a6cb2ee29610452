import { setTimeout as delay } from 'node:timers/promises';
import type { NodeEntry } from '../../../shared/domain/federation';
import type { GenotypeRow, IndividualRow, TableRows, VariantRow } from '../vault/arrowTables';
import { fetchPage, PULL_PAGE_SIZE } from './beaconPages';
import { RecordShapeError, toIndividual, toVariant } from './recordConvert';
import type { Page, PageRequest } from './beaconPages';
import { PullDataError, PullNetworkError } from './beaconPages';
import type { Cursor, Staging } from './staging';

export interface LoopContext {
  staging: Staging;
  cursor: Cursor;
  node: NodeEntry;
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

/**
 * Fetches the remaining pages (individuals, then g_variants with caseLevelData), each validated and
 * converted, sealed into staging before the cursor moves on. Throws PullNetworkError (pause),
 * PullRefusedError / PullDataError (fail) or the abort reason.
 */
export async function runPages(ctx: LoopContext): Promise<void> {
  const { cursor } = ctx;
  const limit = ctx.pageSize ?? PULL_PAGE_SIZE;
  while (cursor.entity !== 'done') {
    ctx.signal.throwIfAborted();
    const entity = cursor.entity;
    const page = await fetchWithRetry({
      node: ctx.node,
      entity,
      datasetId: cursor.datasetId,
      query: cursor.query,
      page: cursor.page,
      limit,
      token: await ctx.token(ctx.node),
      fetch: ctx.fetch,
      signal: ctx.signal,
      timeoutMs: ctx.timeoutMs,
    });
    ctx.signal.throwIfAborted();
    try {
      if (entity === 'individuals') {
        ctx.staging.savePage(entity, cursor.page, page.records.map(toIndividual));
      } else {
        const converted = page.records.map(toVariant);
        const rows: VariantPage = {
          variants: converted.map((c) => c.variant),
          genotypes: converted.flatMap((c) => c.genotypes),
        };
        ctx.staging.savePage(entity, cursor.page, rows);
      }
    } catch (error: unknown) {
      if (error instanceof RecordShapeError)
        throw new PullDataError(`Node ${ctx.node.id}: ${error.message}.`);
      throw error;
    }
    cursor.totals[entity] = page.total;
    cursor.records += page.records.length;
    cursor.bytes += page.bytes;
    cursor.page += 1;
    cursor.pages[entity] = cursor.page;
    if (page.records.length === 0 || cursor.page * limit >= page.total) {
      cursor.entity = entity === 'individuals' ? 'g_variants' : 'done';
      cursor.page = 0;
    }
    ctx.staging.saveCursor(cursor);
    ctx.onPage(cursor);
  }
}

/** Reads every staged page back into table rows; duplicates mean the node reordered between pages. */
export function assemble(staging: Staging, cursor: Cursor): TableRows {
  const individuals: IndividualRow[] = [];
  const variants: VariantRow[] = [];
  const genotypes: GenotypeRow[] = [];
  for (let p = 0; p < cursor.pages.individuals; p++)
    individuals.push(...(staging.readPage('individuals', p) as IndividualRow[]));
  for (let p = 0; p < cursor.pages.g_variants; p++) {
    const page = staging.readPage('g_variants', p) as VariantPage;
    for (const v of page.variants) variants.push(v);
    for (const g of page.genotypes) genotypes.push(g);
  }
  if (
    new Set(individuals.map((r) => r.individual_id)).size !== individuals.length ||
    new Set(variants.map((r) => r.variant_key)).size !== variants.length
  ) {
    throw new PullDataError(
      'The node returned the same record on two pages (its order changed during the pull); pull again.',
    );
  }
  return { individuals, variants, genotypes };
}
