// The pull's page worker (issue 20): each fetched page is decoded, parsed, checked and converted
// here, off main's thread, while main fetches the next pages and seals the previous ones.
import { parentPort } from 'node:worker_threads';
import { codedBuffers, outcomeOf } from './pageProcess';
import type { PageJob } from './pageProcess';

const port = parentPort;
if (port === null) throw new Error('pageWorker.ts runs as a worker thread only');
// Only main posts here; the job's content is the node's answer, which outcomeOf checks (BCN-04).
port.on('message', (m: { id: number; job: PageJob }) => {
  const outcome = outcomeOf(m.job);
  port.postMessage(
    { id: m.id, outcome },
    outcome.ok ? [outcome.page.json.buffer as ArrayBuffer, ...codedBuffers(outcome.page.rows)] : [],
  );
});
// Loaded and listening: main stops processing pages itself (pageThread.ts, decision 0074).
port.postMessage({ ready: true });
