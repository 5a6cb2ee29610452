import { Worker } from 'node:worker_threads';
import type { PageJob, PageOutcome, ProcessedPage } from './pageProcess';
import { outcomeOf, pageOf } from './pageProcess';
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
  /** Resolves once the worker has loaded its modules and takes pages. */
  readonly ready: Promise<void>;
  /** Pages processed on main because the worker was not ready yet (decision 0074). */
  readonly processedOnMain: number;
  /** Stops the worker; pages still in it are refused. */
  close(): Promise<void>;
}

/**
 * Starts the worker a pull processes its pages on. The body's bytes are transferred, not copied;
 * a worker that dies fails the pages it held (the job fails; nothing is sealed). Until the worker
 * says it is ready (its modules loaded: a few hundred ms, which the first pages waited for),
 * pages are processed on main by the same function, with the same checks and errors (decision
 * 0074): the individuals' first pages are small.
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
  let ready = false;
  let processedOnMain = 0;
  let isReady: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => (isReady = resolve));
  const failAll = (error: Error): void => {
    ended ??= error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  worker.on('message', (m: { ready: true } | { id: number; outcome: PageOutcome }) => {
    if ('ready' in m) {
      ready = true;
      isReady();
      return;
    }
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
    ready: readyPromise,
    get processedOnMain() {
      return processedOnMain;
    },
    async process(job) {
      if (ended !== undefined) throw ended;
      if (!ready) {
        processedOnMain += 1;
        return pageOf(outcomeOf(job));
      }
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
