import { randomUUID } from 'node:crypto';
import type { FederationDirectory, NodeEntry } from '../../../shared/federation/directory';
import type { RecentQuery, Suggestion } from '../../../shared/search/channels';
import { suggestGenes } from '../../../shared/search/genes';
import { describeQuery, type SearchQuery } from '../../../shared/search/query';
import type { NodeUpdate, SearchDone } from '../../../shared/search/results';
import type { Logger } from '../logging/logger';
import { GenomicInputError, queryParts } from '../beacon/beaconRequest';
import type { ErrorWords } from '../../../shared/appError';
import { words } from '../../../shared/appError';
import type { Fanout } from './fanout';
import { startFanout } from './fanout';
import { createFilteringTermsCache } from './filteringTerms';
import type { FilteringTermsCache } from './filteringTerms';
import { createAssemblyResolver } from '../beacon/nodeAssembly';
import type { RecentQueries } from './recentQueries';
import { isAllowListed } from '../beacon/tokenPolicy';

export interface SearchServiceDeps {
  fetch: typeof fetch;
  /** The federation directory (AUTH's FederationDirectory service, or a test's). */
  getDirectory: () => FederationDirectory | Promise<FederationDirectory>;
  /** An access token for this node only (issue 12 item 12), or undefined when signed out. */
  getAccessToken: (node: NodeEntry) => Promise<string | undefined>;
  /** Beacon base URLs that may receive the token; default: the directory's nodes (BCN-02). */
  allowList?: (directory: FederationDirectory) => readonly string[];
  nodeTimeoutMs: () => number;
  /** The signed-in user's recent queries (sealed per user: vault/userState.ts). */
  recent: RecentQueries;
  logger: Logger;
  onNodeUpdate: (update: NodeUpdate) => void;
  onDone: (done: SearchDone) => void;
  /** Records each query in the audit log (DESIGN audit): what was asked, of how many nodes. */
  onAudit?: (fields: Record<string, unknown>) => void;
  slowAfterMs?: number;
  concurrency?: number;
  maxBytes?: number;
  /** The app's cache of nodes' /filtering_terms, shared with seen-before (decision 0105). */
  filterTerms?: FilteringTermsCache;
}

export interface SearchService {
  /** Starts a query under the caller's id (the renderer's, issue 14) or a new one. */
  run(query: SearchQuery, queryId?: string): Promise<{ queryId: string; nodes: number }>;
  cancel(queryId: string): boolean;
  retryNode(queryId: string, nodeId: string): boolean;
  recent(): RecentQuery[];
  suggest(kind: 'gene' | 'filter', text: string, limit: number): Promise<Suggestion[]>;
  /** Resolves when a query's first round is over (tests and the benchmark wait on it). */
  settled(queryId: string): Promise<void>;
}

/** Error for a query that cannot be sent (bad genomic text); the handler names the field. */
export class QueryError extends Error {
  /** The parser's code as `appError.searchInputRefused` (decision 0106), when it has one. */
  constructor(
    message: string,
    readonly said?: ErrorWords,
  ) {
    super(message);
  }
}

/** The caller's query id is one this service still holds: its events would mix with the other's. */
export class DuplicateQueryIdError extends Error {}

const KEEP_QUERIES = 10;

/** Federated search over the directory's nodes: fan-out, events, recent queries, autocomplete. */
export function createSearchService(deps: SearchServiceDeps): SearchService {
  const running = new Map<string, Fanout>();
  const { recent } = deps;
  const terms =
    deps.filterTerms ??
    createFilteringTermsCache({ fetch: deps.fetch, timeoutMs: deps.nodeTimeoutMs });
  const assemblies = createAssemblyResolver({ fetch: deps.fetch, timeoutMs: deps.nodeTimeoutMs });
  const allowListOf =
    deps.allowList ?? ((d: FederationDirectory) => d.nodes.map((n) => n.beaconUrl));

  const tokenFor = (allow: readonly string[]) => async (node: NodeEntry) =>
    isAllowListed(node.beaconUrl, allow) ? deps.getAccessToken(node) : undefined;

  return {
    async run(query, clientId) {
      if (clientId !== undefined && running.has(clientId))
        throw new DuplicateQueryIdError(`Query id ${clientId} is already in use; send a new id.`);
      let parts;
      try {
        parts = queryParts(query);
      } catch (error: unknown) {
        throw new QueryError(
          error instanceof Error ? error.message : String(error),
          error instanceof GenomicInputError
            ? words('searchInputRefused', {
                searchInput: error.code,
                text: error.params.text.slice(0, 2000),
              })
            : undefined,
        );
      }
      const directory = await deps.getDirectory();
      const queryId = clientId ?? randomUUID();
      // Checked again after the await: two runs with one id may both have passed the first check.
      if (running.has(queryId))
        throw new DuplicateQueryIdError(`Query id ${queryId} is already in use; send a new id.`);
      const fanout = startFanout({
        queryId,
        nodes: directory.nodes,
        parts,
        tokenFor: tokenFor(allowListOf(directory)),
        fetch: deps.fetch,
        timeoutMs: deps.nodeTimeoutMs(),
        slowAfterMs: deps.slowAfterMs ?? 1_500,
        concurrency: deps.concurrency ?? 32,
        maxBytes: deps.maxBytes ?? 20 * 1_048_576,
        emit: deps.onNodeUpdate,
        assemblies,
        spelling: (node, ids) => terms.spelling(node, ids),
        unlisted: (node, ids) => terms.unlisted(node, ids),
        onDone: (done) => {
          deps.logger.info('search.done', done);
          deps.onDone(done);
        },
      });
      running.set(queryId, fanout);
      // Old queries are forgotten (their nodes can no longer be retried); memory stays bounded.
      for (const id of [...running.keys()].slice(0, Math.max(0, running.size - KEEP_QUERIES)))
        running.delete(id);
      try {
        recent.add(query);
      } catch (error: unknown) {
        deps.logger.warn('search.recent_write_failed', { error });
      }
      deps.onAudit?.({
        queryId,
        query: describeQuery(query),
        nodes: directory.nodes.map((n) => n.id),
      });
      deps.logger.info('search.started', {
        queryId,
        nodes: directory.nodes.length,
        target: query.target,
      });
      return { queryId, nodes: directory.nodes.length };
    },
    cancel(queryId) {
      const f = running.get(queryId);
      f?.cancel();
      return f !== undefined;
    },
    retryNode(queryId, nodeId) {
      return running.get(queryId)?.retry(nodeId) ?? false;
    },
    recent: () => recent.list(),
    async suggest(kind, text, limit) {
      if (kind === 'gene') {
        return suggestGenes(text, limit).map((g) => ({
          id: g.symbol,
          label: g.symbol,
          detail: `chr${g.chrom}:${g.start.toLocaleString('en-US')}-${g.end.toLocaleString('en-US')}`,
        }));
      }
      const directory = await deps.getDirectory();
      return terms.suggest(directory.nodes, text, limit);
    },
    settled: (queryId) => running.get(queryId)?.done ?? Promise.resolve(),
  };
}
