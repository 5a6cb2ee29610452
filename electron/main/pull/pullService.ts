import { randomUUID } from 'node:crypto';
import type { NodeEntry } from '../../../shared/federation/directory';
import type { PullProgress, PullSaid } from '../../../shared/vault/vault';
import type { AuditLog } from '../audit/auditLog';
import type { Logger } from '../logging/logger';
import type { VaultService } from '../vault/vaultService';
import type { AssemblyResolver } from '../beacon/nodeAssembly';
import { createAssemblyResolver } from '../beacon/nodeAssembly';
import { failureSaid, PullNetworkError, PullRefusedError, said } from './beaconPages';
import { pullSpelling } from './pullSpelling';
import type { CheckDeps } from './pullCheck';
import { checkPull } from './pullCheck';
import { finishPull } from './pullFinish';
import { jobProgress } from './pullProgress';
import { runPages } from './pullLoop';
import { openPageThread } from './pageThread';
import type { PageSink } from './pageSink';
import { openPageSink } from './pageSink';
import { localCopyRefusal } from './localCopies';
import { datasetRoutes } from './pullRoutes';
import type { Cursor } from '../vault/staging';
import { openStaging } from '../vault/staging';
import { restoreJobs, restoredJobs } from './pullRestore';
import type { Job, PullService } from './pullTypes';
import { PullForbiddenError, Stop } from './pullTypes';

export type { PullService } from './pullTypes';
export { PullForbiddenError };

/** A record page is far larger than a search answer: never less than this per page. */
const PULL_MIN_TIMEOUT_MS = 30_000;

/** Pull jobs (DESIGN pull): checked, paged, resumable, verified, cancellable, with progress. */
export function createPullService(
  opts: CheckDeps & {
    vault: VaultService;
    token: (node: NodeEntry) => Promise<string | undefined>;
    audit: AuditLog;
    logger: Logger;
    onProgress: (p: PullProgress) => void;
    now?: () => number;
    pageSize?: number;
    /** Node assemblies (issue 15 item 2); default: a resolver of the pull's own. */
    assemblies?: AssemblyResolver;
  },
): PullService {
  const now = opts.now ?? Date.now;
  const assemblies =
    opts.assemblies ?? createAssemblyResolver({ fetch: opts.fetch, timeoutMs: opts.timeoutMs });
  const jobs = new Map<string, Job>();

  const progress = (job: Job): PullProgress => jobProgress(job, now());
  /** Jobs belong to the user who started them: no one else sees them (issue 13). */
  const mine = (job: Job): boolean => {
    const u = opts.auth.grants()?.user;
    return u !== undefined && u.sub === job.user.sub && u.iss === job.user.iss;
  };
  const emit = (job: Job): void => {
    if (mine(job)) opts.onProgress(progress(job));
  };

  async function run(job: Job): Promise<void> {
    const abort = new AbortController();
    job.abort = abort;
    job.state = 'running';
    job.message = undefined;
    job.said = undefined;
    job.purged = undefined;
    job.since = { at: now(), records: job.cursor.records };
    emit(job);
    // Started first: the worker boots while the node's assembly and routes are asked for.
    const pages = openPageThread();
    let sink: PageSink | undefined;
    try {
      // Pages an earlier run staged go into this run's build first (0060).
      sink = await openPageSink(job.staging, job.cursor);
      const node = (await opts.directory()).nodes.find((n) => n.id === job.cursor.nodeId);
      if (node === undefined)
        throw new PullRefusedError(
          `Node ${job.cursor.nodeId} left the federation directory.`,
          said('nodeLeft', { node: job.cursor.nodeId }),
        );
      const timeoutMs = Math.max(PULL_MIN_TIMEOUT_MS, opts.timeoutMs());
      const place = await assemblies.of(node);
      if (place.assembly === undefined)
        throw new PullRefusedError(
          `Node ${node.id} holds its data on ${place.name}, which Cohort Desk cannot convert to GRCh38; nothing was pulled.`,
          { key: 'noConversion', params: { node: node.id, assembly: place.name } },
        );
      await runPages({
        staging: job.staging,
        cursor: job.cursor,
        node,
        assembly: place.assembly,
        routes: await datasetRoutes(node, opts.fetch, timeoutMs),
        spelling: await pullSpelling(node, job.cursor.query, opts.fetch, timeoutMs),
        fetch: opts.fetch,
        token: opts.token,
        timeoutMs,
        signal: abort.signal,
        pages,
        sink,
        ...(opts.pageSize === undefined ? {} : { pageSize: opts.pageSize }),
        onPage: () => emit(job),
      });
      // Its memory is not needed for the build (closing twice is harmless).
      await pages.close();
      const note = await finishPull({ ...opts, now }, job, sink, abort.signal);
      job.state = 'done';
      job.message = note?.message;
      job.said = note?.said;
    } catch (error: unknown) {
      const reason: unknown = abort.signal.reason;
      if (abort.signal.aborted && reason instanceof Stop) {
        job.state = reason.to;
        Object.assign(job, { message: reason.message, said: reason.said, purged: reason.purged });
      } else if (error instanceof PullNetworkError) {
        job.state = 'paused';
        Object.assign(job, { message: error.message, said: error.said });
        opts.logger.warn('pull.paused', { jobId: job.cursor.jobId, error });
      } else {
        job.state = 'failed';
        job.message = error instanceof Error ? error.message : 'The pull failed.';
        job.said = failureSaid(error, job.message);
        job.staging.remove();
        opts.audit.append('pull.failed', {
          datasetId: job.cursor.datasetId,
          nodeId: job.cursor.nodeId,
          message: job.message,
          code: job.said.key,
        });
      }
      if (job.state === 'cancelled') job.staging.remove();
    } finally {
      job.abort = undefined;
      sink?.build.close();
      await pages.close();
    }
    emit(job);
  }

  const stop = (
    jobId: string,
    to: 'paused' | 'cancelled',
    message: string,
    said: PullSaid,
  ): boolean => {
    restoreJobs(jobs, opts.vault);
    const job = jobs.get(jobId);
    if (
      job === undefined ||
      !mine(job) ||
      job.state === 'done' ||
      job.state === 'failed' ||
      job.state === 'cancelled'
    )
      return false;
    if (job.abort !== undefined) job.abort.abort(new Stop(to, message, said));
    else {
      job.state = to;
      job.message = message;
      job.said = said;
      if (to === 'cancelled') job.staging.remove();
      emit(job);
    }
    if (to === 'cancelled')
      opts.audit.append('pull.cancelled', {
        datasetId: job.cursor.datasetId,
        nodeId: job.cursor.nodeId,
      });
    return true;
  };

  // The purge deleted a job's staged pages (grant revoked or ended, policy): that job is over.
  const offPurge = opts.vault.onStagingPurged((jobId, message, purged) => {
    const job = jobs.get(jobId);
    if (job === undefined) return;
    if (job.abort !== undefined) job.abort.abort(new Stop('failed', message, undefined, purged));
    else if (job.state === 'paused' || job.state === 'running') {
      job.state = 'failed';
      job.message = message;
      job.said = undefined;
      job.purged = purged;
      emit(job);
    }
  });

  return {
    async check(t) {
      return (await checkPull(opts, t)).check;
    },
    async start(t, query) {
      const { check, node, dataset, access, grant } = await checkPull(opts, t);
      if (
        !check.allowed ||
        node === undefined ||
        dataset === undefined ||
        access === undefined ||
        grant === undefined
      ) {
        opts.audit.append('pull.refused', {
          datasetId: t.datasetId,
          nodeId: t.nodeId,
          purpose: t.purpose,
          reasons: check.reasons,
          codes: (check.said ?? []).map((r) => r.code),
        });
        throw new PullForbiddenError(t, check);
      }
      const w = opts.vault.writer();
      if (w === undefined)
        throw new PullForbiddenError(t, {
          allowed: false,
          reasons: ['The vault is locked.'],
          offer: 'counts-only',
          said: [{ code: 'vault-locked' }],
        });
      const jobId = randomUUID();
      const staging = openStaging(w.userDir, w.user, w.masterKey, jobId);
      const cursor: Cursor = {
        v: 1,
        jobId,
        ...t,
        query,
        entity: 'individuals',
        page: 0,
        pages: { individuals: 0, g_variants: 0 },
        records: 0,
        bytes: 0,
        totals: {},
        startedAt: new Date(now()).toISOString(),
        meta: {
          nodeName: node.name,
          country: node.country,
          title: dataset.title,
          level: access.level,
          duo: dataset.duo,
          // The check passed: the node, or the directory for a silent node, allows the copy.
          allowLocalCopies: localCopyRefusal(dataset, node) === undefined,
        },
      };
      // The grant first: the purge deletes these pages with the dataset if it is revoked (issue 12).
      staging.saveBinding({
        datasetId: t.datasetId,
        nodeId: t.nodeId,
        visa: grant.visa,
        expiresAt: new Date(grant.visa.exp * 1000).toISOString(),
      });
      staging.saveCursor(cursor);
      const job: Job = { cursor, user: w.user, staging, state: 'running' };
      jobs.set(jobId, job);
      opts.audit.append('pull.start', {
        datasetId: t.datasetId,
        nodeId: t.nodeId,
        purpose: t.purpose,
        sub: w.user.sub,
        iss: w.user.iss,
      });
      void run(job);
      return { jobId };
    },
    pause: (jobId) => stop(jobId, 'paused', 'Paused.', { key: 'paused' }),
    cancel: (jobId) =>
      stop(jobId, 'cancelled', 'Cancelled; nothing was kept.', { key: 'cancelled' }),
    async resume(jobId) {
      await restoredJobs(jobs, opts.vault);
      const job = jobs.get(jobId);
      if (job?.state !== 'paused' || job.abort !== undefined || !mine(job)) return false;
      void run(job);
      return true;
    },
    async jobs() {
      await restoredJobs(jobs, opts.vault);
      return [...jobs.values()].filter(mine).map(progress);
    },
    close() {
      offPurge();
      for (const job of jobs.values())
        job.abort?.abort(
          new Stop('paused', 'Interrupted when Cohort Desk closed; resume to continue.', {
            key: 'interrupted',
          }),
        );
    },
  };
}
