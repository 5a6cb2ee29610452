import { runImportJob } from '../import/importJob';
import type { ImportJob, ImportStats, WorkerMessage } from '../import/workerProtocol';

/**
 * One import job of the worker (decision 0059): a cancer case with a separate germline VCF reads
 * that file first, into its own sealed database beside the tumour's, with the same reader, row
 * builder and rules as any germline case (GT as the germline caller wrote it), then the tumour VCF.
 * The germline file goes first because it is usually the smaller one, so a bad germline file fails
 * the import before the long tumour read. Either file failing or a cancel fails the whole job;
 * the caller removes the staging folder, so no case and no half of one is left behind.
 * Progress is one bar over both files: the tumour's bytes and records count on from the germline's.
 */
export async function runCaseJob(
  job: ImportJob,
  post: (m: WorkerMessage) => void,
  signal: { aborted: boolean; onAbort?: () => void },
): Promise<void> {
  const germline = job.germline;
  if (germline === undefined) {
    await runImportJob(job, post, signal);
    return;
  }
  let stats: ImportStats | undefined;
  await runImportJob(
    germline,
    (m) => {
      if (m.type === 'done') stats = m.stats;
      // The germline file's own indexing and sealing are short: the bar stays on "reading".
      else if (m.type === 'progress') post({ ...m, phase: 'reading' });
      else post(m);
    },
    signal,
  );
  if (stats === undefined) return;
  const before = { bytes: germline.size, records: stats.records };
  const g = stats;
  await runImportJob(
    job,
    (m) => {
      if (m.type === 'progress')
        post({ ...m, bytesRead: before.bytes + m.bytesRead, records: before.records + m.records });
      else if (m.type === 'done') post({ ...m, germline: g });
      else post(m);
    },
    signal,
  );
}
