import type { PullProgress } from '../../../shared/vault/vault';
import type { Job } from './pullTypes';

/** What a job says of itself (pull:progress, pull:jobs): numbers, an ETA while it runs, words. */
export function jobProgress(job: Job, now: number): PullProgress {
  const c = job.cursor;
  const t = c.totals;
  const total =
    t.individuals !== undefined && t.g_variants !== undefined
      ? t.individuals + t.g_variants
      : undefined;
  let eta: number | undefined;
  if (job.state === 'running' && total !== undefined && job.since !== undefined) {
    const rate = (c.records - job.since.records) / Math.max(0.001, (now - job.since.at) / 1000);
    if (rate > 0) eta = Math.max(0, (total - c.records) / rate);
  }
  return {
    jobId: c.jobId,
    nodeId: c.nodeId,
    datasetId: c.datasetId,
    state: job.state,
    records: c.records,
    bytes: c.bytes,
    ...(total === undefined ? {} : { totalRecords: total }),
    ...(eta === undefined ? {} : { etaSeconds: eta }),
    ...(job.message === undefined ? {} : { message: job.message }),
    ...(job.said === undefined ? {} : { said: job.said }),
    ...(job.purged === undefined ? {} : { purged: job.purged }),
  };
}
