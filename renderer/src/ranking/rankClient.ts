import type { GeneExplanation } from '../../../shared/ranking/explain';
import type { RankRequest } from '../../../shared/ranking/input';
import { SaidError } from '../i18n/said';
import type { RankMessage, RankReply, RankSummary } from './protocol';

/** Something that answers ranking messages: the worker, or the page itself where none exists. */
interface Runner {
  send(message: RankMessage): void;
  stop(): void;
}

let runner: Runner | undefined;
let nextId = 1;
const pending = new Map<number, (reply: RankReply) => void>();
const receive = (reply: RankReply): void => {
  pending.get(reply.id)?.(reply);
  pending.delete(reply.id);
};

/** The worker, started on first use; jsdom has no Worker, so tests rank in the page (same code). */
function start(): Runner {
  if (typeof Worker === 'undefined') {
    const core = import('./rankCore');
    return {
      send: (m) => void core.then(({ answer }) => receive(answer(m))),
      stop: () => undefined,
    };
  }
  const worker = new Worker(new URL('./rankWorker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<RankReply>) => receive(e.data);
  worker.onerror = (e) => {
    e.preventDefault();
    for (const [id, resolve] of pending)
      resolve({
        id,
        ok: false,
        message: `The ranking stopped: ${e.message}`,
        said: { key: 'rankStopped', params: { detail: e.message } },
      });
    pending.clear();
    stopRanking();
  };
  return { send: (m) => worker.postMessage(m), stop: () => worker.terminate() };
}

/** A message without its id (distributed over the union). */
type Question = RankMessage extends infer M
  ? M extends RankMessage
    ? Omit<M, 'id'>
    : never
  : never;

function ask(message: Question): Promise<RankReply> {
  runner ??= start();
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    runner?.send({ ...message, id });
  });
}

/** A failed reply as an error: worded when the client ended the ranking, else the core's own. */
const failure = (reply: Extract<RankReply, { ok: false }>): Error =>
  reply.said === undefined ? new Error(reply.message) : new SaidError(reply.said, reply.message);

/** Ranks the patient's genes (phenotype only without variants). */
export async function rankGenes(request: RankRequest): Promise<RankSummary> {
  const reply = await ask({ kind: 'rank', request });
  if (!reply.ok) throw failure(reply);
  if (reply.kind !== 'rank')
    throw new SaidError({ key: 'rankOtherAnswer' }, 'The ranking answered another question.');
  return reply.summary;
}

/** Explains one gene of the same request; undefined when the gene is not ranked. */
export async function explainRankedGene(
  request: RankRequest,
  symbol: string,
): Promise<GeneExplanation | undefined> {
  const reply = await ask({ kind: 'explain', request, symbol });
  if (!reply.ok) throw failure(reply);
  if (reply.kind !== 'explain')
    throw new SaidError({ key: 'rankOtherAnswer' }, 'The ranking answered another question.');
  return reply.explanation ?? undefined;
}

/** Ends the worker (and every answer still owed says so); the next call starts a new one. */
export function stopRanking(): void {
  runner?.stop();
  runner = undefined;
  for (const [id, resolve] of pending)
    resolve({ id, ok: false, message: 'The ranking was stopped.', said: { key: 'rankCancelled' } });
  pending.clear();
}
