import { setTimeout as delay } from 'node:timers/promises';
import type { NodeEntry } from '../../../shared/federation/directory';
import type { Assembly } from '../../../shared/genome/assembly';
import { fetchPageBody, pageSent, PULL_PAGE_SIZE } from './beaconPages';
import type { PageRequest } from './beaconPages';
import { PullDataError, PullNetworkError, said } from './beaconPages';
import type { ProcessedPage } from './pageProcess';
import type { PageSink } from './pageSink';
import type { PageThread } from './pageThread';
import type { DatasetRoutes } from './pullRoutes';
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
  /** The worker thread the pages are read, checked and converted on (opened by the job). */
  pages: PageThread;
  /** Where each checked page goes as it is consumed, in order (the dataset's build, 0060). */
  sink: PageSink;
  pageSize?: number;
  /** The node's own spelling of the query's filter ids (decision 0101). */
  spelling?: ReadonlyMap<string, string>;
  onPage: (c: Cursor) => void;
}

/**
 * Requests a pull keeps in flight to the node (issue 20): while pages are checked, converted and
 * sealed, the next ones are already being fetched. Three requests at once is what a browser-based
 * client already sends to one host (search sends one per node); a node that cannot take them
 * answers 429 or 503, which pauses the pull like any transient failure (resumable, nothing lost).
 * A request holds its place from the moment it is sent until its body is read, not while the page
 * is processed (decision 0104): the node is never left idle while pages wait for the worker.
 */
export const PULL_PAGES_IN_FLIGHT = 3;

/**
 * Pages asked beyond the one being staged (decision 0104): fetched (at most PULL_PAGES_IN_FLIGHT
 * at once), processed or waiting for the worker. Bounds the memory of pages not yet staged (a
 * g_variants page with caseLevelData is ~8–10 MB of JSON until the worker has read it).
 */
export const PULL_PAGES_AHEAD = 4;

/** Runs at most `n` of the functions given to it at once, the others in the order they came. */
export function requestSlots(n: number): <T>(run: () => Promise<T>) => Promise<T> {
  let free = n;
  const waiting: (() => void)[] = [];
  return async (run) => {
    if (free > 0) free -= 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await run();
    } finally {
      const next = waiting.shift();
      if (next === undefined) free += 1;
      else next();
    }
  };
}

/** A page fetched and processed, with two quick retries for transient failures (a reset keep-alive connection, one 5xx) before the job pauses. */
const RETRY_DELAYS_MS = [250, 1000];

export async function fetchWithRetry(
  req: PageRequest,
  pages: PageThread,
  assembly: Assembly,
  slot: <T>(run: () => Promise<T>) => Promise<T> = (run) => run(),
): Promise<ProcessedPage> {
  const asked = {
    nodeId: req.node.id,
    datasetId: req.datasetId,
    entity: req.entity,
    assembly,
    sent: pageSent(req),
  };
  for (let attempt = 0; ; attempt++) {
    try {
      const body = await slot(() => fetchPageBody(req));
      return await pages.process({ ...asked, ...body });
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
 * converted, sealed into staging before the cursor moves on. The page size is not trusted (issue 12
 * item 2, issue 15 item 4): a node may cap `limit`, and `skip` counts pages of the size it uses, so
 * the loop asks for page after page with the same limit, advances by the records received and
 * stops on the node's count or an empty page. Once a page has shown the node's count and page
 * size, up to PULL_PAGES_AHEAD of the following pages are requested ahead (issue 20), at most
 * PULL_PAGES_IN_FLIGHT of them on the wire at once, the variants' first page too once the
 * individuals' last pages are asked; pages are
 * still consumed, checked and staged strictly in order, so a failure pauses at the first page not
 * staged, as before. Each page is read, checked and converted on the job's worker thread
 * (pageThread.ts) while main fetches and seals. Throws PullNetworkError (pause), PullRefusedError / PullDataError (fail) or
 * the abort reason.
 */
export async function runPages(ctx: LoopContext): Promise<void> {
  const { cursor } = ctx;
  const limit = ctx.pageSize ?? PULL_PAGE_SIZE;
  cursor.received ??= { individuals: 0, g_variants: 0 };
  // Requests ahead end with the loop, whichever way it ends.
  const ahead = new AbortController();
  const signal = AbortSignal.any([ctx.signal, ahead.signal]);
  const inFlight = new Map<string, Promise<ProcessedPage>>();
  const { pages } = ctx;
  const slot = requestSlots(PULL_PAGES_IN_FLIGHT);
  const request = async (
    entity: 'individuals' | 'g_variants',
    page: number,
  ): Promise<ProcessedPage> =>
    fetchWithRetry(
      {
        node: ctx.node,
        entity,
        datasetId: cursor.datasetId,
        query: cursor.query,
        routes: ctx.routes,
        page,
        limit,
        token: await ctx.token(ctx.node),
        fetch: ctx.fetch,
        signal,
        timeoutMs: ctx.timeoutMs,
        ...(ctx.spelling === undefined ? {} : { spelling: ctx.spelling }),
      },
      pages,
      ctx.assembly,
      slot,
    );
  const requestAhead = (entity: 'individuals' | 'g_variants', page: number): void => {
    const key = `${entity} ${String(page)}`;
    if (inFlight.has(key)) return;
    const pending = request(entity, page);
    // Awaited when its turn comes; until then a failure must not count as unhandled.
    pending.catch(() => undefined);
    inFlight.set(key, pending);
  };
  // Writes run behind the downloads (issue 20): each page's file, then the cursor that counts it,
  // strictly in that order, so a cursor on disk never counts a page that is not. At most
  // PULL_PAGES_IN_FLIGHT pages wait to be written; a failed write stops the loop (the job fails).
  let written: Promise<void> = Promise.resolve();
  let queued = 0;
  let failed: { error: unknown } | undefined;
  const stage = (save: Promise<void>, snapshot: Cursor): void => {
    save.catch(() => undefined);
    // Sealed now, written after its page (decision 0104): the app's close aborts the pull and
    // then zeroes the vault's key; a cursor sealed after that did not open, and the interrupted
    // pull was deleted as unreadable at the next start.
    const writeCursor = ctx.staging.sealCursorForLater(snapshot);
    queued += 1;
    written = written.then(async () => {
      try {
        if (failed !== undefined) return;
        await save;
        await writeCursor();
        ctx.onPage(cursor);
      } catch (error: unknown) {
        failed ??= { error };
      } finally {
        queued -= 1;
      }
    });
  };
  try {
    while (cursor.entity !== 'done') {
      ctx.signal.throwIfAborted();
      if (queued >= PULL_PAGES_IN_FLIGHT) await written;
      if (failed !== undefined) throw failed.error;
      const entity = cursor.entity;
      const key = `${entity} ${String(cursor.page)}`;
      const pending = inFlight.get(key) ?? request(entity, cursor.page);
      inFlight.delete(key);
      const page = await pending;
      ctx.signal.throwIfAborted();
      // The node's page size is what it sent; ask ahead only for pages within its count.
      const size = page.count;
      const left = page.total - cursor.received[entity] - size;
      let asked = 0;
      for (let k = 1; size > 0 && k <= PULL_PAGES_AHEAD && (k - 1) * size < left; k++, asked++)
        requestAhead(entity, cursor.page + k);
      // The variants' first page always follows the individuals' last: once every individuals
      // page left is asked and the window has room, it is asked too, so the node builds it and
      // the worker reads it while the individuals' tail is staged (issue 20).
      if (entity === 'individuals' && asked < PULL_PAGES_AHEAD) requestAhead('g_variants', 0);
      if (page.count > 0) ctx.sink.add(entity, page.rows);
      const save =
        page.count > 0
          ? ctx.staging.savePage(entity, cursor.page, page.rows, page.json)
          : Promise.resolve();
      cursor.totals[entity] = page.total;
      cursor.received[entity] += page.count;
      cursor.records += page.count;
      cursor.bytes += page.bytes;
      if (page.count > 0) {
        cursor.page += 1;
        cursor.pages[entity] = cursor.page;
      }
      if (page.count === 0 || cursor.received[entity] >= page.total) {
        cursor.entity = entity === 'individuals' ? 'g_variants' : 'done';
        cursor.page = 0;
      } else if (cursor.page > page.total) {
        throw new PullDataError(
          `Node ${ctx.node.id} kept sending pages of ${cursor.datasetId} past its own count (${String(page.total)}); nothing was kept.`,
          said('pastCount', { node: ctx.node.id, dataset: cursor.datasetId, total: page.total }),
        );
      }
      stage(save, structuredClone(cursor));
    }
    await written;
    if (failed !== undefined) throw failed.error;
  } finally {
    ahead.abort();
    // Nothing may still be writing when the caller removes or reads the staging folder.
    await written;
  }
}
