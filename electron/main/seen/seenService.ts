import type { FederationDirectory, NodeEntry } from '../../../shared/federation/directory';
import type { Corpus } from '../../../shared/ranking/corpus';
import { referenceCorpus } from '../../../shared/ranking/reference';
import type { SearchDone } from '../../../shared/search/results';
import type {
  LikePreview,
  LikeRequest,
  LikeStored,
  LikeTerm,
  LikeUpdate,
  SeenCandidate,
  SeenDone,
  SeenProgress,
  SeenStored,
} from '../../../shared/seen/channels';
import { candidateKey } from '../../../shared/seen/channels';
import { informativeTerms } from '../../../shared/seen/similarity';
import type { AuditLog } from '../audit/auditLog';
import { createAssemblyResolver } from '../beacon/nodeAssembly';
import { isAllowListed } from '../beacon/tokenPolicy';
import type { CaseService } from '../cases/caseService';
import { HandlerError } from '../ipc/router';
import type { Logger } from '../logging/logger';
import type { Fanout } from '../search/fanout';
import { startFanout } from '../search/fanout';
import { createFilteringTermsCache } from '../search/filteringTerms';
import type { FilteringTermsCache } from '../search/filteringTerms';
import { likeParts, likePreview, scored } from './likeMine';
import { createOfferedTumourTypes } from './offeredTumourTypes';
import { addLikeRun, readLikeRuns } from './likeStore';
import type { SeenBatch } from './seenBatch';
import { SEEN_BATCH_DEFAULTS, startSeenBatch } from './seenBatch';
import type { SealedCase } from './seenStore';
import { mergeSeen, readSeen } from './seenStore';
import { words } from '../../../shared/appError';

export interface SeenServiceDeps {
  fetch: typeof fetch;
  getDirectory: () => FederationDirectory | Promise<FederationDirectory>;
  getAccessToken: (node: NodeEntry) => Promise<string | undefined>;
  nodeTimeoutMs: () => number;
  cases: Pick<CaseService, 'find' | 'owner'>;
  audit: Pick<AuditLog, 'append'>;
  logger: Logger;
  onProgress: (p: SeenProgress) => void;
  onDone: (d: SeenDone) => void;
  onLikeUpdate: (u: LikeUpdate) => void;
  onLikeDone: (d: SearchDone) => void;
  perNode?: number;
  concurrency?: number;
  downAfter?: number;
  corpus?: () => Corpus;
  /** The app's cache of nodes' /filtering_terms (the search's), or one of this service's own. */
  filterTerms?: FilteringTermsCache;
}

export interface SeenService {
  lookup(
    queryId: string,
    caseId: string,
    candidates: readonly SeenCandidate[],
  ): Promise<{ queryId: string; nodes: number; candidates: number }>;
  cancel(queryId: string): boolean;
  stored(caseId: string): SeenStored;
  /** The case's stored patients-like-mine runs, oldest first. */
  likeStored(caseId: string): LikeStored;
  likeTerms(caseId: string): { terms: LikeTerm[]; unknown: string[] };
  likePreview(req: LikeRequest): Promise<LikePreview>;
  likeRun(queryId: string, req: LikeRequest): Promise<{ queryId: string; nodes: number }>;
  /** Resolves when a lookup or like query has finished (tests, the benchmark). */
  settled(queryId: string): Promise<void>;
}

/** "Seen before" and "Patients like mine" over the directory's nodes (issue 18, decision 0030). */
export function createSeenService(deps: SeenServiceDeps): SeenService {
  const running = new Map<string, { cancel(): void; settled: Promise<void> }>();
  const assemblies = createAssemblyResolver({ fetch: deps.fetch, timeoutMs: deps.nodeTimeoutMs });
  const corpus = deps.corpus ?? (() => referenceCorpus());
  // One read of each node's terms for its spelling of filter ids (decision 0101) and the tumour
  // types it offers, shared with the search when the app hands its cache in (decision 0105).
  const filterTerms =
    deps.filterTerms ??
    createFilteringTermsCache({ fetch: deps.fetch, timeoutMs: deps.nodeTimeoutMs });
  const offered = createOfferedTumourTypes({ terms: filterTerms });
  const spelling = (node: NodeEntry, ids: readonly string[]) => filterTerms.spelling(node, ids);

  const sealed = (caseId: string): SealedCase & { observed: string[] } => {
    const c = deps.cases.find(caseId);
    if (c === undefined)
      throw new HandlerError(
        'INVALID_REQUEST',
        `There is no case ${caseId} (or the vault is locked): open the case first.`,
        'caseId',
        words('seenNoCase', { caseId }),
      );
    return {
      dir: c.dir,
      folder: c.folder,
      dataKey: c.dataKey,
      user: deps.cases.owner().user,
      observed: c.manifest.phenotype.observed.map((t) => t.id),
    };
  };
  const fresh = (queryId: string): void => {
    if (running.has(queryId))
      throw new HandlerError(
        'INVALID_REQUEST',
        `Query id ${queryId} is already in use; send a new id.`,
        'queryId',
        words('queryIdInUse', { queryId }),
      );
  };
  const tokenFor = (d: FederationDirectory) => {
    const allow = d.nodes.map((n) => n.beaconUrl);
    return async (node: NodeEntry) =>
      isAllowListed(node.beaconUrl, allow) ? deps.getAccessToken(node) : undefined;
  };
  const chosenTerms = (caseId: string, ids: readonly string[]): LikeTerm[] => {
    const offered = new Map(service.likeTerms(caseId).terms.map((t) => [t.id, t]));
    return ids.map((id) => {
      const t = offered.get(id);
      if (t === undefined)
        throw new HandlerError(
          'INVALID_REQUEST',
          `${id} is not one of the case's phenotype terms; choose from the list.`,
          'terms',
          words('notCaseTerm', { term: id }),
        );
      return t;
    });
  };

  const previewOn = async (
    gene: string,
    terms: readonly LikeTerm[],
    directory: FederationDirectory,
  ): Promise<LikePreview> => {
    // Whether each node gets a token is decided as the send decides it (allow list, session).
    const token = tokenFor(directory);
    const withToken = new Set<string>();
    // Each node's own spelling of the term ids, as the run sends them (decision 0101).
    const spelt = new Map<string, ReadonlyMap<string, string>>();
    await Promise.all(
      directory.nodes.map(async (n) => {
        if ((await token(n).catch(() => undefined)) !== undefined) withToken.add(n.id);
        spelt.set(
          n.id,
          await spelling(
            n,
            terms.map((t) => t.id),
          ).catch(() => new Map<string, string>()),
        );
      }),
    );
    return likePreview(
      gene,
      terms,
      directory.nodes,
      (n) => withToken.has(n.id),
      (n) => spelt.get(n.id) ?? new Map<string, string>(),
    );
  };

  const service: SeenService = {
    async lookup(queryId, caseId, candidates) {
      fresh(queryId);
      const c = sealed(caseId);
      const directory = await deps.getDirectory();
      fresh(queryId);
      const batch: SeenBatch = startSeenBatch({
        queryId,
        nodes: directory.nodes,
        candidates,
        tokenFor: tokenFor(directory),
        fetch: deps.fetch,
        assemblies,
        timeoutMs: deps.nodeTimeoutMs(),
        ...SEEN_BATCH_DEFAULTS,
        perNode: deps.perNode ?? SEEN_BATCH_DEFAULTS.perNode,
        concurrency: deps.concurrency ?? SEEN_BATCH_DEFAULTS.concurrency,
        downAfter: deps.downAfter ?? SEEN_BATCH_DEFAULTS.downAfter,
        onProgress: deps.onProgress,
        // Only a batch with tumour-type lookups reads the nodes' terms (issue 19).
        ...(candidates.some((x) => x.tumourType !== undefined)
          ? { offered: offered.of, spelling }
          : {}),
      });
      const settled = batch.done.then(({ answers, totalMs, cancelled }) => {
        // Stored (and shown) in the order asked: alleles as listed, nodes as the directory lists them.
        const nodeAt = new Map(directory.nodes.map((n, i) => [n.id, i]));
        const keyAt = new Map(candidates.map((x, i) => [candidateKey(x), i]));
        answers.sort(
          (a, b) =>
            (keyAt.get(a.key) ?? 0) - (keyAt.get(b.key) ?? 0) ||
            (nodeAt.get(a.nodeId) ?? 0) - (nodeAt.get(b.nodeId) ?? 0),
        );
        let stored = 0;
        try {
          mergeSeen(c, answers);
          stored = answers.length;
        } catch (error: unknown) {
          deps.logger.warn('seen.store_failed', { error });
        }
        deps.logger.info('seen.done', { queryId, totalMs, cancelled, answers: answers.length });
        deps.onDone({ queryId, caseId, cancelled, totalMs, stored });
      });
      running.set(queryId, { cancel: () => batch.cancel(), settled });
      void settled.finally(() => running.delete(queryId));
      deps.audit.append('seen.lookup', {
        queryId,
        caseId,
        variants: candidates.length,
        nodes: directory.nodes.map((n) => n.id),
      });
      return { queryId, nodes: directory.nodes.length, candidates: candidates.length };
    },
    cancel(queryId) {
      const r = running.get(queryId);
      r?.cancel();
      return r !== undefined;
    },
    stored(caseId) {
      return { caseId, answers: readSeen(sealed(caseId)) };
    },
    likeStored(caseId) {
      return { caseId, runs: readLikeRuns(sealed(caseId)) };
    },
    likeTerms(caseId) {
      return informativeTerms(corpus(), sealed(caseId).observed);
    },
    async likePreview(req) {
      const terms = chosenTerms(req.caseId, req.terms);
      return previewOn(req.gene, terms, await deps.getDirectory());
    },
    async likeRun(queryId, req) {
      fresh(queryId);
      const patient = sealed(req.caseId).observed;
      const terms = chosenTerms(req.caseId, req.terms);
      const directory = await deps.getDirectory();
      // What is stored with the case: the exact requests (as the preview shows them) and each
      // node's latest answer, sealed once the run is over (issue 18).
      const sent = await previewOn(req.gene, terms, directory);
      fresh(queryId);
      const c = corpus();
      const at = new Date().toISOString();
      const latest = new Map<string, LikeUpdate>();
      const sealedCase = sealed(req.caseId);
      const fanout: Fanout = startFanout({
        queryId,
        nodes: directory.nodes,
        parts: likeParts(req.gene, req.terms),
        tokenFor: tokenFor(directory),
        fetch: deps.fetch,
        timeoutMs: deps.nodeTimeoutMs(),
        slowAfterMs: 1_500,
        concurrency: 32,
        maxBytes: 20 * 1_048_576,
        assemblies,
        spelling,
        emit: (u) => {
          const update = scored(c, patient, u);
          if ((latest.get(u.nodeId)?.attempt ?? 0) <= u.attempt) latest.set(u.nodeId, update);
          deps.onLikeUpdate(update);
        },
        onDone: (d) => {
          try {
            addLikeRun(sealedCase, {
              queryId,
              at,
              gene: req.gene,
              terms: sent.terms,
              sent: sent.sent,
              nodes: directory.nodes.flatMap((n) => latest.get(n.id) ?? []),
              cancelled: d.cancelled,
            });
          } catch (error: unknown) {
            deps.logger.warn('seen.like_store_failed', { error });
          }
          deps.onLikeDone(d);
        },
      });
      const settled = fanout.done.finally(() => running.delete(queryId));
      running.set(queryId, { cancel: () => fanout.cancel(), settled });
      // What was sent, to whom: the gene and term ids are patient data, so they are sealed fields.
      deps.audit.append('seen.like', {
        queryId,
        caseId: req.caseId,
        gene: req.gene,
        terms: req.terms,
        nodes: directory.nodes.map((n) => n.id),
      });
      return { queryId, nodes: directory.nodes.length };
    },
    settled: (queryId) => running.get(queryId)?.settled ?? Promise.resolve(),
  };
  return service;
}
