// The import worker's entry (issue 16): the VCF is read, parsed and written off main's thread, so
// the app stays responsive however large the file; main only relays progress and cancel.
import { parentPort, workerData } from 'node:worker_threads';
import { runCaseJob } from '../cancer/germlineImport';
import type { ImportJob, ParentMessage, WorkerMessage } from './workerProtocol';

const port = parentPort;
if (port === null) throw new Error('importWorker.ts runs as a worker thread only');
const signal = { aborted: false };
// Messages cross a thread boundary: checked, not trusted to be ParentMessage.
port.on('message', (m: { type?: unknown } | null) => {
  if (m?.type === ('cancel' satisfies ParentMessage['type'])) signal.aborted = true;
});
await runCaseJob(workerData as ImportJob, (m: WorkerMessage) => port.postMessage(m), signal);
port.close();
