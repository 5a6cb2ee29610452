import type { NodeEntry } from '../../../shared/federation/directory';
import type { NodeUpdate, SearchDone } from '../../../shared/search/results';
import { MAX_NOTES } from '../../../shared/search/results';
import type { BeaconQueryParts } from '../beacon/beaconRequest';
import { partsForNode } from '../beacon/assemblyQuery';
import type { AssemblyResolver } from '../beacon/nodeAssembly';
import { respellFor } from '../beacon/filterSpelling';
import { createLimiter } from './limiter';
import { CancelAbort, queryNode, TimeoutAbort } from '../beacon/nodeClient';

export interface FanoutOptions {
  queryId: string;
  nodes: readonly NodeEntry[];
  parts: BeaconQueryParts;
  /** The bearer token for a node, or undefined (signed out, or not allow-listed: BCN-02). */
  tokenFor: (node: NodeEntry) => Promise<string | undefined>;
  fetch: typeof fetch;
  timeoutMs: number;
  slowAfterMs: number;
  concurrency: number;
  maxBytes: number;
  emit: (update: NodeUpdate) => void;
  onDone: (done: SearchDone) => void;
  /** Node assemblies (issue 15 item 2). */
  assemblies: AssemblyResolver;
  /**
   * A node's own spelling of filter ids whose CURIE prefix it writes in another case (decision
   * 0096: a node listing "hp:0001250" is sent that, not HP:0001250, which it would answer "no" to).
   */
  spelling?: (node: NodeEntry, ids: readonly string[]) => Promise<ReadonlyMap<string, string>>;
  /**
   * Filter ids a node's /filtering_terms does not list (STANDARDS 3.6 test 9, decision 0105): its
   * answer is shown with a note naming them, since the node may not know them.
   */
  unlisted?: (node: NodeEntry, ids: readonly string[]) => Promise<readonly string[]>;
}

export interface Fanout {
  /** Aborts every request in flight; each such node reports `cancelled`. */
  cancel(): void;
  /** Asks one node again once its last attempt has finished; false when it cannot. */
  retry(nodeId: string): boolean;
  /** Settles when the first round of every node has finished. */
  readonly done: Promise<void>;
}

interface NodeState {
  attempt: number;
  controller: AbortController | undefined;
}

/**
 * A note per filter id the node's own /filtering_terms does not list (English, for the node's
 * operator as every conformance note: decision 0058): such a node may not know the term, so a "no"
 * or a small count may not be about it. The node is still asked (it may expand terms it does not
 * list, decision 0101); a node whose terms could not be read whole gets no note.
 */
async function unlistedNotes(
  unlisted: FanoutOptions['unlisted'],
  node: NodeEntry,
  parts: BeaconQueryParts,
): Promise<string[]> {
  if (unlisted === undefined || parts.filters.length === 0) return [];
  const ids = await unlisted(
    node,
    parts.filters.map((f) => f.id),
  ).catch(() => []);
  return ids.map(
    (id) =>
      `Filter ${id} is not among the terms the node's /filtering_terms lists; the node may not know it, so its answer may not apply it.`,
  );
}

/**
 * Queries every node in parallel (bounded by `concurrency`), each with its own timeout and abort
 * controller, and pushes one update per change: waiting → slow → final (DESIGN flow 2). A slow,
 * dead or hostile node never holds back the others.
 */
export function startFanout(o: FanoutOptions): Fanout {
  const t0 = performance.now();
  const limit = createLimiter(o.concurrency);
  const state = new Map<string, NodeState>(
    o.nodes.map((n) => [n.id, { attempt: 0, controller: undefined }]),
  );
  let cancelled = false;

  const base = (node: NodeEntry, attempt: number) => ({
    queryId: o.queryId,
    nodeId: node.id,
    nodeName: node.name,
    country: node.country,
    attempt,
  });

  const run = async (node: NodeEntry, s: NodeState): Promise<void> => {
    const attempt = ++s.attempt;
    const controller = new AbortController();
    s.controller = controller;
    o.emit({ ...base(node, attempt), status: 'waiting' });
    await limit(async () => {
      if (controller.signal.aborted) {
        // Cancelled while still queued: say so, so the row does not stay "waiting".
        o.emit({ ...base(node, attempt), status: 'cancelled' });
        return;
      }
      const started = performance.now();
      const slow = setTimeout(() => {
        o.emit({
          ...base(node, attempt),
          status: 'slow',
          timeMs: Math.round(performance.now() - started),
        });
      }, o.slowAfterMs);
      const timer = setTimeout(() => {
        controller.abort(new TimeoutAbort());
      }, o.timeoutMs);
      try {
        // The node is asked for its assembly only when coordinates must be converted; records
        // carry their own accessions otherwise.
        const coordinates = o.parts.params.referenceName !== undefined;
        const place = await (coordinates ? o.assemblies.of(node) : o.assemblies.known(node));
        const assembly = { name: place.name, source: place.source };
        const np = partsForNode(o.parts, node, place);
        if (!np.ok) {
          o.emit({
            ...base(node, attempt),
            status: 'error',
            assembly,
            message: np.message,
            problem: np.problem,
          });
          return;
        }
        const asked = await respellFor(o.spelling, node, np.parts);
        const token = await o.tokenFor(node);
        const { seen, ...answer } = await queryNode({
          node,
          parts: asked.parts,
          written: asked.written,
          token,
          signal: controller.signal,
          fetch: o.fetch,
          maxBytes: o.maxBytes,
          timeoutMs: o.timeoutMs,
          ...(place.assembly === undefined ? {} : { assembly: place.assembly }),
          ...(o.parts.params.referenceBases === undefined
            ? {}
            : { queryRef: o.parts.params.referenceBases }),
        });
        const other = [...(seen ?? [])].find((a) => a !== place.assembly);
        if (other !== undefined) o.assemblies.learn(node, other);
        const timeMs = Math.round(performance.now() - started);
        if (other !== undefined && coordinates) {
          // Never shown as matches: the hits lie at other places than the ones asked for.
          o.emit({
            ...base(node, attempt),
            status: 'error',
            timeMs,
            assembly,
            message: `Node ${node.id} answered with ${other} coordinates to a query in ${place.name} coordinates, so its hits are not shown as matches. Ask again: Cohort Desk now converts coordinates for this node.`,
            problem: { code: 'other-assembly', assembly: other, askedIn: place.name },
          });
          return;
        }
        const notes = [
          ...asked.notes,
          ...(await unlistedNotes(o.unlisted, node, o.parts)),
          ...(answer.notes ?? []),
        ].slice(0, MAX_NOTES);
        o.emit({
          ...base(node, attempt),
          ...answer,
          ...(notes.length > 0 ? { notes } : {}),
          // Records that name another assembly than the one assumed tell the node's real one.
          assembly: other === undefined ? assembly : { name: other, source: 'records' },
          ...(np.asked === undefined ? {} : { asked: np.asked }),
          timeMs,
        });
      } finally {
        clearTimeout(slow);
        clearTimeout(timer);
      }
    });
    if (s.controller === controller) s.controller = undefined;
  };

  const first = Promise.all(
    o.nodes.map((node) => run(node, state.get(node.id) ?? { attempt: 0, controller: undefined })),
  ).then(() => {
    o.onDone({ queryId: o.queryId, cancelled, totalMs: Math.round(performance.now() - t0) });
  });

  return {
    done: first,
    cancel() {
      cancelled = true;
      for (const s of state.values()) s.controller?.abort(new CancelAbort());
    },
    retry(nodeId) {
      const node = o.nodes.find((n) => n.id === nodeId);
      const s = state.get(nodeId);
      if (node === undefined || s === undefined || s.controller !== undefined) return false;
      void run(node, s);
      return true;
    },
  };
}
