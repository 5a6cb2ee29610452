// The import worker's entry (issue 16): the VCF is read, parsed and written off main's thread, so
// the app stays responsive however large the file; main only relays progress and cancel. The same
// script runs the second parse worker of a large BGZF file (decision 0061).
import { parentPort, workerData } from 'node:worker_threads';
import { runCaseJob } from '../cancer/germlineImport';
import { runPartJob } from './partJob';
import type { ImportJob, ParentMessage, PartJob, WorkerMessage } from './workerProtocol';

const port = parentPort;
if (port === null) throw new Error('importWorker.ts runs as a worker thread only');
const signal: { aborted: boolean; onAbort?: () => void } = { aborted: false };
// Messages cross a thread boundary: checked, not trusted to be ParentMessage.
port.on('message', (m: { type?: unknown } | null) => {
  if (m?.type !== ('cancel' satisfies ParentMessage['type'])) return;
  signal.aborted = true;
  signal.onAbort?.();
});
const data = workerData as ImportJob | PartJob;
if ('role' in data) await runPartJob(data, (m) => port.postMessage(m), signal);
else await runCaseJob(data, (m: WorkerMessage) => port.postMessage(m), signal);
port.close();
