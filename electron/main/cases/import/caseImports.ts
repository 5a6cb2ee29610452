import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CaseProgress } from '../../../../shared/cases/channels';
import type { Logger } from '../../logging/logger';
import type { ImportJob, ImportStats, ParentMessage, WorkerMessage } from './workerProtocol';

/**
 * Runs imports in worker threads (issue 16: never on main's thread) and relays their progress:
 * records, alleles kept, compressed bytes read of the total, elapsed and an estimate of time left.
 * Every outcome but success removes the job's staging folder; the caller commits a success.
 */

/** Where the import worker's script is and how Node starts it. */
export interface ImportWorkerSpec {
  readonly url: URL;
  readonly execArgv: string[];
}

/** The worker script: the TypeScript source under tsx (tests, the CLI), the bundle beside main. */
export function importWorkerSpec(): ImportWorkerSpec {
  const here = import.meta.url;
  return here.endsWith('.ts')
    ? { url: new URL('./importWorker.ts', here), execArgv: ['--import', 'tsx'] }
    : { url: new URL('./caseImportWorker.js', here), execArgv: [] };
}

/** The smallest BGZF file parsed on two workers by default (decision 0061). */
const PARALLEL_MIN = 1 << 20;

export interface StartImport {
  readonly caseId: string;
  /** The staging folder of this job (removed unless `commit` succeeds). */
  readonly stagingDir: string;
  readonly job: Omit<ImportJob, 'scratchDir' | 'dbFile' | 'sealedFile'>;
  /** Moves the staged case into place; throwing fails the job (and removes the staging). */
  commit(stats: ImportStats, germline?: ImportStats): void;
  /** Called once with the final progress (done, failed, cancelled). */
  onEnd?(p: CaseProgress): void;
}

export interface CaseImports {
  start(s: StartImport): string;
  cancel(jobId: string): boolean;
  jobs(): CaseProgress[];
  /** Cancels every running import and waits for the workers to stop (app quit). */
  close(): Promise<void>;
}

export function createCaseImports(opts: {
  logger: Logger;
  onProgress: (p: CaseProgress) => void;
  now?: () => number;
  /**
   * The worker script (default importWorkerSpec()): bench/case-import.ts times the app's own
   * bundle (scripts/build.mjs) from the source tree, where the default would be tsx's.
   */
  worker?: ImportWorkerSpec;
  /**
   * BGZF files of at least this many bytes are parsed on two workers (decision 0061; default
   * 1 MB, about 20,000 annotated records; never on a one-core machine). Tests set 0.
   */
  parallelMinBytes?: number;
}): CaseImports {
  const now = opts.now ?? Date.now;
  const running = new Map<
    string,
    { progress: () => CaseProgress; worker: Worker; ended: Promise<void> }
  >();
  const finished = new Map<string, CaseProgress>();
  return {
    start(s) {
      const jobId = randomBytes(8).toString('hex');
      const scratchDir = join(s.stagingDir, 'scratch');
      mkdirSync(scratchDir, { recursive: true, mode: 0o700 });
      let job: ImportJob = {
        ...s.job,
        scratchDir,
        dbFile: join(scratchDir, `${randomBytes(8).toString('hex')}.duckdb`),
        sealedFile: join(s.stagingDir, 'data.duckdb.sealed'),
      };
      const spec = opts.worker ?? importWorkerSpec();
      const minBytes =
        opts.parallelMinBytes ?? (availableParallelism() > 1 ? PARALLEL_MIN : Infinity);
      if (Number.isFinite(minBytes))
        job = { ...job, parts: { url: spec.url.href, execArgv: spec.execArgv, minBytes } };
      const started = now();
      let progress: CaseProgress = {
        jobId,
        caseId: s.caseId,
        phase: 'queued',
        records: 0,
        variants: 0,
        bytesRead: 0,
        totalBytes: s.job.size,
        elapsedMs: 0,
        etaMs: null,
        problems: [],
      };
      const worker = new Worker(spec.url, { workerData: job, execArgv: spec.execArgv });
      const update = (p: Partial<CaseProgress>): void => {
        const elapsedMs = now() - started;
        progress = { ...progress, ...p, elapsedMs };
        const read = progress.bytesRead;
        const reading = progress.phase === 'reading';
        progress.etaMs =
          reading && read > 0 && progress.totalBytes > 0
            ? Math.max(0, (elapsedMs * (progress.totalBytes - read)) / read)
            : progress.phase === 'done'
              ? 0
              : null;
        opts.onProgress(progress);
      };
      let outcome: Partial<CaseProgress> | undefined;
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'progress') {
          update({
            phase: m.phase,
            records: m.records,
            variants: m.variants,
            bytesRead: m.bytesRead,
          });
          return;
        }
        if (m.type === 'done') {
          try {
            s.commit(m.stats, m.germline);
            outcome = {
              phase: 'done',
              records: m.stats.records,
              variants: m.stats.variants,
              bytesRead: s.job.size,
            };
          } catch (error: unknown) {
            opts.logger.error('case.commit_failed', { error });
            outcome = {
              phase: 'failed',
              message:
                'The case could not be saved; nothing was kept. The details are in the log file.',
              why: { code: 'import-save-failed' },
            };
          }
        } else if (m.type === 'failed')
          outcome = { phase: 'failed', message: m.message, problems: m.problems, why: m.why };
        else
          outcome = {
            phase: 'cancelled',
            message: 'Import cancelled; nothing was kept.',
            why: { code: 'import-cancelled' },
          };
      });
      const ended = new Promise<void>((resolve) => {
        worker.on('error', (error) => {
          opts.logger.error('case.import_worker_failed', { error });
          outcome ??= {
            phase: 'failed',
            message:
              'The import stopped unexpectedly; nothing was kept. The details are in the log file.',
            why: { code: 'import-stopped-log' },
          };
        });
        worker.on('exit', () => {
          if (outcome?.phase !== 'done') rmSync(s.stagingDir, { recursive: true, force: true });
          update(
            outcome ?? {
              phase: 'failed',
              message: 'The import stopped unexpectedly; nothing was kept.',
              why: { code: 'import-stopped' },
            },
          );
          running.delete(jobId);
          finished.set(jobId, progress);
          for (const old of [...finished.keys()].slice(0, Math.max(0, finished.size - 20)))
            finished.delete(old);
          s.onEnd?.(progress);
          resolve();
        });
      });
      running.set(jobId, { progress: () => progress, worker, ended });
      update({ phase: 'reading' });
      return jobId;
    },
    cancel(jobId) {
      const r = running.get(jobId);
      if (r === undefined) return false;
      r.worker.postMessage({ type: 'cancel' } satisfies ParentMessage);
      return true;
    },
    jobs() {
      return [...finished.values(), ...[...running.values()].map((r) => r.progress())];
    },
    async close() {
      for (const [id] of running) this.cancel(id);
      await Promise.all([...running.values()].map((r) => r.ended));
    },
  };
}
