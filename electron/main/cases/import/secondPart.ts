import { closeSync, openSync, readSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { bgzfBlockSize } from '../../../../shared/vcf';
import type { CaseImportWhy } from '../../../../shared/cases/caseProblem';
import type { CaseDbWriter } from './caseDbWriter';
import type { ImportJob, PartJob, PartMessage, PartSummary } from './workerProtocol';

/** How the second half ended: read (with or without problems), or failed outright. */
export type PartEnd =
  { readonly summary: PartSummary } | { readonly message: string; readonly why?: CaseImportWhy };

/** The import worker's handle on the second parse worker (decision 0061). */
export interface SecondPart {
  /** The compressed offset of the first BGZF block whose records the second worker builds. */
  readonly from: number;
  /** Records it has read, variants it has built (for progress). */
  readonly records: number;
  readonly variants: number;
  /** True once it has ended with problems: the first worker may stop reading. */
  readonly failed: boolean;
  /** Hands its spool files (now and later) to the writer, after the writer's own rows. */
  adoptInto(w: CaseDbWriter, vidOffset: number): void;
  /** Resolves when it has ended; its files are all handed over by then. */
  ended(): Promise<PartEnd>;
  /** Asks it to stop (cancel): it ends as cancelled. */
  cancel(): void;
  /** Stops it at once and waits for its thread to exit (failure, cleanup). */
  terminate(): Promise<void>;
}

/**
 * Share of the compressed file the first worker builds rows for: a little over half, since the
 * second also reads and checks the first half (about 0.35 of the parse's 2.5 s CPU per 100,000
 * records is reading and checking; 0.54 evens the two).
 */
const FIRST_SHARE = 0.54;

/** Starts the second parse worker when the job allows it and the file is BGZF, else undefined. */
export function startSecondPart(job: ImportJob): SecondPart | undefined {
  const parts = job.parts;
  if (parts === undefined || job.cancer !== undefined || job.source.kind !== 'file') return;
  if (job.size < parts.minBytes || !isBgzf(job.source.path)) return;
  const from = Math.floor(job.size * FIRST_SHARE);
  const data: PartJob = { role: 'part', job, from };
  const worker = new Worker(new URL(parts.url), { workerData: data, execArgv: parts.execArgv });
  const waiting: PartMessage[] = [];
  let adopt: ((m: Extract<PartMessage, { type: 'spool' }>) => void) | undefined;
  let end: PartEnd | undefined;
  let records = 0;
  let variants = 0;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const done = new Promise<PartEnd>((resolve) => {
    worker.on('message', (m: PartMessage) => {
      if (m.type === 'spool') {
        if (adopt === undefined) waiting.push(m);
        else adopt(m);
      } else if (m.type === 'progress') {
        records = m.records;
        variants = m.variants;
      } else {
        end ??=
          m.type === 'end'
            ? { summary: m.summary }
            : { message: m.message, ...(m.why === undefined ? {} : { why: m.why }) };
        resolve(end);
      }
    });
    worker.once('error', (e) => resolve((end ??= { message: e.message })));
    void exited.then(() => resolve((end ??= { message: 'the second parse worker stopped' })));
  });
  return {
    from,
    get records() {
      return records;
    },
    get variants() {
      return variants;
    },
    get failed() {
      return end !== undefined && 'summary' in end && end.summary.problemCount > 0;
    },
    adoptInto(w, vidOffset) {
      adopt = (m) => w.adopt(m.file, m.table, m.rows, vidOffset);
      for (const m of waiting.splice(0)) if (m.type === 'spool') adopt(m);
    },
    ended: () => done,
    cancel() {
      worker.postMessage({ type: 'cancel' });
    },
    async terminate() {
      await worker.terminate();
      await exited;
    },
  };
}

/** True when the file starts with a BGZF block (only BGZF can be cut at a block). */
function isBgzf(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = new Uint8Array(18);
    return readSync(fd, head, 0, 18, 0) === 18 && bgzfBlockSize(head, 0) !== undefined;
  } finally {
    closeSync(fd);
  }
}
