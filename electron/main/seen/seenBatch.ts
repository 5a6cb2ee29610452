import type { DatasetDeclaration } from '../../../shared/acmg/declaration';
import type { NodeEntry } from '../../../shared/federation/directory';
import { toBeaconParams } from '../../../shared/search/parseGenomic';
import type { Count } from '../../../shared/search/results';
import type { SeenAnswer, SeenCandidate, SeenProgress } from '../../../shared/seen/channels';
import { candidateKey, tumourTypeFilter } from '../../../shared/seen/channels';
import { partsForNode } from '../beacon/assemblyQuery';
import type { BeaconQueryParts } from '../beacon/beaconRequest';
import type { NodeAnswer } from '../beacon/nodeClient';
import { CancelAbort, queryNode, TimeoutAbort } from '../beacon/nodeClient';
import type { AssemblyResolver } from '../beacon/nodeAssembly';
import { respell } from '../beacon/filterSpelling';
import { createLimiter } from '../search/limiter';
import { fetchCarrierPages } from './carrierPages';
import { datasetDeclarations } from './datasetDeclarations';
import { failedOutcome } from './nodeOutcome';
import { datasetSizes } from './datasetSizes';
import { stored } from './storedAnswer';
import type { OfferedTumourTypes } from './offeredTumourTypes';
import { splitOffered } from './offeredTumourTypes';

export interface SeenBatchOptions {
  queryId: string;
  nodes: readonly NodeEntry[];
  candidates: readonly SeenCandidate[];
  /** The bearer token for a node, or undefined (signed out, or not allow-listed: BCN-02). */
  tokenFor: (node: NodeEntry) => Promise<string | undefined>;
  fetch: typeof fetch;
  assemblies: AssemblyResolver;
  timeoutMs: number;
  maxBytes: number;
  /** Requests in flight per node (a node is never asked more than this at once). */
  perNode: number;
  /** Requests in flight over all nodes. */
  concurrency: number;
  /** Consecutive unreachable requests (no connection) after which a node's rest is not asked. */
  downAfter: number;
  /**
   * Consecutive timeouts after which a node's rest is not asked: more than `downAfter`, as a node
   * that is only slow (or busy with our own requests) times out in bursts of `perNode`.
   */
  giveUpAfterTimeouts: number;
  /** Least time between two progress events of one node (the final one always goes). */
  progressEveryMs: number;
  onProgress: (p: SeenProgress) => void;
  /** The tumour types a node lists (issue 19): types it does not list are not asked. */
  offered?: (node: NodeEntry) => Promise<OfferedTumourTypes | undefined>;
  /**
   * A node's own spelling of filter ids (decision 0101: the same as the search's, filterSpelling.ts),
   * so a node listing "ONCOTREE:LUAD" is asked for that, not for a term it would answer "no" to.
   */
  spelling?: (node: NodeEntry, ids: readonly string[]) => Promise<ReadonlyMap<string, string>>;
  now?: () => Date;
}

/**
 * The app's bounds for a lookup batch (issue 18): what seenService.ts runs with, and what the
 * benchmarks run with so they time the app as shipped.
 */
export const SEEN_BATCH_DEFAULTS = {
  maxBytes: 20 * 1_048_576,
  perNode: 8,
  concurrency: 128,
  downAfter: 3,
  giveUpAfterTimeouts: 10,
  progressEveryMs: 250,
} as const satisfies Partial<SeenBatchOptions>;

export interface SeenBatch {
  cancel(): void;
  /** Settles with every answer received (cancelled and unasked requests are not answers). */
  readonly done: Promise<{ answers: SeenAnswer[]; totalMs: number; cancelled: boolean }>;
}

/**
 * The candidate as the Beacon individuals query of its exact allele (carriers, with phenotypes);
 * with a tumour type, restricted to carriers with that disease term (issue 19; OncoTree is a tree,
 * so the type's descendants count too).
 */
export function candidateParts(c: SeenCandidate): BeaconQueryParts {
  return {
    entryType: 'individuals',
    params: toBeaconParams({ kind: 'variant', chrom: c.chrom, pos: c.pos, ref: c.ref, alt: c.alt }),
    filters:
      c.tumourType === undefined
        ? []
        : [{ id: tumourTypeFilter(c.tumourType), includeDescendantTerms: true }],
    granularity: 'record',
  };
}

/** No HTTP answer at all: the connection was refused, reset or never made. */
const unreachable = (a: NodeAnswer): boolean => a.status === 'error' && a.method === undefined;

/**
 * "Seen before" for a candidate list (issue 18): every node is asked for every allele through the
 * search's own node client (POST/GET, validation, assembly conversion, token scoping), each node
 * with its own queue of at most `perNode` requests, all under one `concurrency` bound, so a slow
 * node's share never waits behind another's. A node that cannot be reached is given up after
 * `downAfter` failed connections in a row, one that only times out after `giveUpAfterTimeouts`;
 * its rest is not asked and its status says so.
 */
export function startSeenBatch(o: SeenBatchOptions): SeenBatch {
  const t0 = performance.now();
  const now = o.now ?? (() => new Date());
  const global = createLimiter(o.concurrency);
  const answers: SeenAnswer[] = [];
  const controllers = new Set<AbortController>();
  let cancelled = false;
  const total = o.candidates.length;

  const runNode = async (node: NodeEntry): Promise<void> => {
    const started = performance.now();
    let done = 0;
    let failed = 0;
    let inARow = 0;
    let timeouts = 0;
    let lastFailed: NodeAnswer | undefined;
    let down: { message: string; limit: number } | undefined;
    let next = 0;
    let lastSent = 0;
    const progress = (
      status: SeenProgress['status'],
      message?: string,
      force = false,
      problem?: SeenProgress['problem'],
    ): void => {
      const t = performance.now();
      if (!force && t - lastSent < o.progressEveryMs) return;
      lastSent = t;
      o.onProgress({
        queryId: o.queryId,
        nodeId: node.id,
        nodeName: node.name,
        country: node.country,
        status,
        done,
        total,
        failed,
        timeMs: Math.round(t - started),
        ...(message === undefined ? {} : { message }),
        ...(problem === undefined ? {} : { problem }),
      });
    };
    progress('waiting', undefined, true);
    const place = await o.assemblies.of(node);
    const token = await o.tokenFor(node);
    const offered = await (o.offered?.(node) ?? Promise.resolve(undefined)).catch(() => undefined);
    const { ask: toAsk, notOffered } = splitOffered(node, o.candidates, offered);
    answers.push(...notOffered);
    done = notOffered.length;
    // The datasets' sizes are asked beside the alleles (not before), so a slow node's share does
    // not wait for them; the answers get them when both are in.
    const sizer = new AbortController();
    controllers.add(sizer);
    const sizes = datasetSizes({
      node,
      token,
      fetch: o.fetch,
      timeoutMs: o.timeoutMs,
      maxBytes: o.maxBytes,
      assembly: place.assembly,
      signal: sizer.signal,
    })
      .catch(() => new Map<string, Count>())
      .finally(() => controllers.delete(sizer));
    // What each dataset declares (decision 0051), from the public catalogue, also beside them.
    const catalogue = new AbortController();
    controllers.add(catalogue);
    const declarations = datasetDeclarations({
      node,
      fetch: o.fetch,
      timeoutMs: o.timeoutMs,
      maxBytes: o.maxBytes,
      signal: catalogue.signal,
    })
      .catch(() => new Map<string, DatasetDeclaration>())
      .finally(() => controllers.delete(catalogue));
    // The node's spelling of every filter this batch sends it, read once per node (decision 0101).
    const filterIds = [
      ...new Set(toAsk.flatMap((c) => candidateParts(c).filters.map((f) => f.id))),
    ];
    const theirs =
      o.spelling === undefined || filterIds.length === 0
        ? new Map<string, string>()
        : await o.spelling(node, filterIds).catch(() => new Map<string, string>());
    const got: { key: string; at: string; a: NodeAnswer & { notFetched?: number } }[] = [];
    progress('running', undefined, true);
    const ask = async (c: SeenCandidate): Promise<void> => {
      const spelt = respell(candidateParts(c), theirs);
      const np = partsForNode(spelt.parts, node, place);
      const at = now().toISOString();
      if (!np.ok) {
        const no: NodeAnswer = { status: 'error', message: np.message, problem: np.problem };
        answers.push(stored(node, candidateKey(c), at, no));
        failed++;
        lastFailed = no;
        return;
      }
      const controller = new AbortController();
      controllers.add(controller);
      const timer = setTimeout(() => controller.abort(new TimeoutAbort()), o.timeoutMs);
      try {
        const page = (skip: number) =>
          queryNode({
            node,
            parts: { ...np.parts, skip },
            written: spelt.written,
            token,
            signal: controller.signal,
            fetch: o.fetch,
            maxBytes: o.maxBytes,
            timeoutMs: o.timeoutMs,
            ...(place.assembly === undefined ? {} : { assembly: place.assembly }),
            queryRef: c.ref,
          });
        const a = await page(0);
        if (a.status === 'cancelled') return;
        // Carriers beyond the first page, up to the documented bound (issue 18).
        const paged = a.status === 'ok' ? await fetchCarrierPages(a, page) : undefined;
        if (controller.signal.aborted && cancelled) return;
        got.push({
          key: candidateKey(c),
          at,
          a:
            paged === undefined
              ? a
              : { ...a, records: paged.records, notFetched: paged.notFetched },
        });
        if (a.status !== 'ok') {
          failed++;
          lastFailed = a;
        }
        inARow = unreachable(a) ? inARow + 1 : 0;
        timeouts = a.status === 'timeout' ? timeouts + 1 : 0;
        const limit =
          inARow >= o.downAfter ? o.downAfter : timeouts >= o.giveUpAfterTimeouts ? timeouts : 0;
        if (limit > 0 && down === undefined)
          down = {
            message: `${a.message ?? `Node ${node.id} did not answer.`} ${String(limit)} lookups in a row failed, so the rest were not sent; ask again later.`,
            limit,
          };
      } finally {
        clearTimeout(timer);
        controllers.delete(controller);
      }
    };
    const worker = async (): Promise<void> => {
      while (!cancelled && down === undefined && next < toAsk.length) {
        const c = toAsk[next++];
        if (c === undefined) break;
        await global(() => (cancelled || down !== undefined ? Promise.resolve() : ask(c)));
        done++;
        progress('running');
      }
    };
    await Promise.all(Array.from({ length: Math.min(o.perNode, toAsk.length) }, worker));
    const known = await sizes;
    const declared = await declarations;
    for (const g of got) answers.push(stored(node, g.key, g.at, g.a, known, declared));
    if (cancelled) progress('cancelled', undefined, true);
    else if (down !== undefined || failed > 0) {
      const end = failedOutcome({
        nodeId: node.id,
        failed,
        total: toAsk.length,
        lastError: lastFailed?.message,
        lastProblem: lastFailed?.problem,
        down,
      });
      progress('error', end.message, true, end.problem);
    } else progress('ok', undefined, true);
  };

  const done = Promise.all(o.nodes.map(runNode)).then(() => ({
    answers,
    cancelled,
    totalMs: Math.round(performance.now() - t0),
  }));
  return {
    done,
    cancel() {
      cancelled = true;
      for (const c of controllers) c.abort(new CancelAbort());
    },
  };
}
