import { Worker } from 'node:worker_threads';
import type { PageJob, PageOutcome, ProcessedPage } from './pageProcess';
import { pageOf } from './pageProcess';
import { PullError, said } from './beaconPages';

/** Where the page worker is: its TypeScript source under tsx (tests, CLI), else the built bundle. */
function pageWorkerSpec(): { url: URL; execArgv: string[] } {
  const here = import.meta.url;
  return here.endsWith('.ts')
    ? { url: new URL('./pageWorker.ts', here), execArgv: ['--import', 'tsx'] }
    : { url: new URL('./pullPageWorker.js', here), execArgv: [] };
}

/** The page worker's young generation (MB): three semi-spaces of 32 MB. */
export const PAGE_WORKER_YOUNG_MB = 96;

/** Pages processed on one worker thread, in the order they are given (issue 20). */
export interface PageThread {
  process(job: PageJob): Promise<ProcessedPage>;
  /** Stops the worker; pages still in it are refused. */
  close(): Promise<void>;
}

/**
 * Starts the worker a pull processes its pages on. The body's bytes are transferred, not copied;
 * a worker that dies fails the pages it held (the job fails; nothing is sealed).
 */
export function openPageThread(): PageThread {
  const spec = pageWorkerSpec();
  const worker = new Worker(spec.url, {
    execArgv: spec.execArgv,
    // A page's JSON.parse allocates a few MB of short-lived objects: with V8's default young
    // generation most of them were copied (promoted) before they died; a larger one cut the
    // worker's CPU by ~15% (0060).
    resourceLimits: { maxYoungGenerationSizeMb: PAGE_WORKER_YOUNG_MB },
  });
  const pending = new Map<
    number,
    { resolve: (o: PageOutcome) => void; reject: (e: Error) => void }
  >();
  let next = 0;
  let ended: Error | undefined;
  const failAll = (error: Error): void => {
    ended ??= error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  worker.on('message', (m: { id: number; outcome: PageOutcome }) => {
    const p = pending.get(m.id);
    pending.delete(m.id);
    p?.resolve(m.outcome);
  });
  worker.on('error', (error) =>
    failAll(
      new PullError('Processing the pulled pages failed.', said('processingFailed'), {
        cause: error,
      }),
    ),
  );
  worker.on('exit', () =>
    failAll(new PullError('The pull stopped processing pages.', said('processingStopped'))),
  );
  return {
    async process(job) {
      if (ended !== undefined) throw ended;
      const id = next++;
      const outcome = new Promise<PageOutcome>((resolve, reject) => {
        pending.set(id, { resolve, reject });
      });
      const own = job.body.byteOffset === 0 && job.body.byteLength === job.body.buffer.byteLength;
      worker.postMessage({ id, job }, own ? [job.body.buffer as ArrayBuffer] : []);
      return pageOf(await outcome);
    },
    async close() {
      await worker.terminate();
    },
  };
}
