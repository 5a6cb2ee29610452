import type { Transport } from './transport';

type Frame =
  | { type: 'result'; id: number; result: unknown }
  | { type: 'event'; event: string; payload: unknown };

/**
 * Browser mode's transport: one WebSocket to the page's own origin (/rpc). The per-launch secret
 * travels as an HttpOnly cookie set by the launch URL, so the page script never sees it.
 */
export function webSocketTransport(
  url = `${location.origin.replace(/^http/, 'ws')}/rpc`,
): Transport {
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let socket: Promise<WebSocket> | undefined;

  const connect = (): Promise<WebSocket> => {
    socket ??= new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.addEventListener('open', () => resolve(ws));
      ws.addEventListener('error', () =>
        reject(new Error('Cohort Desk could not reach its local service.')),
      );
      ws.addEventListener('close', () => {
        socket = undefined;
        for (const { reject: fail } of pending.values()) {
          fail(new Error('The connection to Cohort Desk closed. Restart the app.'));
        }
        pending.clear();
      });
      ws.addEventListener('message', (message: MessageEvent<string>) => {
        const frame = JSON.parse(message.data) as Frame;
        if (frame.type === 'result') {
          pending.get(frame.id)?.resolve(frame.result);
          pending.delete(frame.id);
        } else {
          for (const listener of listeners.get(frame.event) ?? []) listener(frame.payload);
        }
      });
    });
    return socket;
  };

  return {
    kind: 'browser',
    async invoke(channel, payload) {
      const ws = await connect();
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        ws.send(JSON.stringify({ type: 'invoke', id, channel, payload }));
      });
    },
    on(event, listener) {
      void connect();
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
}
