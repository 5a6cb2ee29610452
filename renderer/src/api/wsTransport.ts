import { rpcProtocols } from '../../../shared/browserMode/session';
import type { Transport } from './transport';
import { TransportError } from './transportError';

type Frame =
  | { type: 'result'; id: number; result: unknown }
  | { type: 'event'; event: string; payload: unknown };

export interface WebSocketTransportOptions {
  /** This launch's session secret, offered as a subprotocol (a browser WebSocket has no headers). */
  readonly secret: string;
  /** Called once when the connection is gone for good: the local service stopped (issue 13). */
  readonly onLost: () => void;
  readonly url?: string;
  /** Pauses before each reconnection attempt after a drop; all failing means "stopped". */
  readonly retryDelaysMs?: readonly number[];
}

export interface WebSocketTransport extends Transport {
  /** Resolves once the first connection is open; rejects when the server refuses this session. */
  ready(): Promise<void>;
}

const STOPPED = 'Cohort Desk has stopped. Start it again from its launcher.';
const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Browser mode's transport: one WebSocket to the page's own origin (/rpc). A dropped connection is
 * retried briefly (a server busy for a moment); when every retry fails the service has stopped, and
 * `onLost` lets the page clear what it decrypted and say so.
 */
export function webSocketTransport(opts: WebSocketTransportOptions): WebSocketTransport {
  const url = opts.url ?? `${location.origin.replace(/^http/, 'ws')}/rpc`;
  const retries = opts.retryDelaysMs ?? [250, 1000, 2000];
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let socket: Promise<WebSocket> | undefined;
  let lost = false;

  const dispatch = (message: MessageEvent<string>): void => {
    const frame = JSON.parse(message.data) as Frame;
    if (frame.type === 'result') {
      pending.get(frame.id)?.resolve(frame.result);
      pending.delete(frame.id);
    } else {
      for (const listener of listeners.get(frame.event) ?? []) listener(frame.payload);
    }
  };

  const reconnect = async (): Promise<void> => {
    for (const delay of retries) {
      await wait(delay);
      try {
        await connect();
        return;
      } catch {
        // The next attempt, or the verdict below.
      }
    }
    lost = true;
    opts.onLost();
  };

  function connect(): Promise<WebSocket> {
    if (lost) return Promise.reject(new TransportError('serviceStopped', STOPPED));
    socket ??= new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(url, rpcProtocols(opts.secret));
      let opened = false;
      ws.addEventListener('open', () => {
        opened = true;
        resolve(ws);
      });
      ws.addEventListener('error', () =>
        reject(
          new TransportError(
            'serviceUnreachable',
            'Cohort Desk could not reach its local service.',
          ),
        ),
      );
      ws.addEventListener('close', () => {
        socket = undefined;
        for (const { reject: fail } of pending.values())
          fail(new TransportError('serviceStopped', STOPPED));
        pending.clear();
        if (opened && !lost) void reconnect();
      });
      ws.addEventListener('message', dispatch);
    });
    return socket;
  }

  return {
    kind: 'browser',
    async ready() {
      await connect();
    },
    async invoke(channel, payload) {
      const ws = await connect();
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        ws.send(JSON.stringify({ type: 'invoke', id, channel, payload }));
      });
    },
    on(event, listener) {
      connect().catch(() => undefined);
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
}
