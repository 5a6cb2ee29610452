// @vitest-environment node
// jsdom's WebSocket cannot open a connection under vitest (undici's Event is not jsdom's); Node's
// own WebSocket is the same WHATWG API the page uses.
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import type { WebSocket as ServerSocket } from 'ws';
import { RPC_PROTOCOL, SESSION_PROTOCOL_PREFIX } from '../../../shared/browserMode/session';
import { webSocketTransport } from './wsTransport';

const secret = 'S'.repeat(43);
let server: WebSocketServer | undefined;

/** A real WebSocket server speaking the RPC frames: answers every invoke with its channel name. */
async function startRpcServer(
  port = 0,
): Promise<{ url: string; sockets: ServerSocket[]; offered: string[][] }> {
  const sockets: ServerSocket[] = [];
  const offered: string[][] = [];
  server = new WebSocketServer({
    host: '127.0.0.1',
    port,
    handleProtocols: (protocols) => {
      offered.push([...protocols]);
      return protocols.has(RPC_PROTOCOL) ? RPC_PROTOCOL : false;
    },
  });
  await new Promise<void>((resolve) => server?.once('listening', resolve));
  server.on('connection', (ws) => {
    sockets.push(ws);
    ws.on('message', (data) => {
      const frame = JSON.parse((data as Buffer).toString('utf8')) as {
        id: number;
        channel: string;
      };
      ws.send(JSON.stringify({ type: 'result', id: frame.id, result: frame.channel }));
    });
  });
  const { port: bound } = server.address() as { port: number };
  return { url: `ws://127.0.0.1:${bound}/rpc`, sockets, offered };
}

const stopServer = async (): Promise<void> => {
  const closing = server;
  server = undefined;
  if (closing === undefined) return;
  for (const client of closing.clients) client.terminate();
  await new Promise<void>((resolve) => closing.close(() => resolve()));
};

afterEach(stopServer);

describe('browser-mode WebSocket transport (issues 12 and 13)', () => {
  it('offers the session as a subprotocol beside the RPC protocol', async () => {
    const { url, offered } = await startRpcServer();
    const transport = webSocketTransport({ url, secret, onLost: () => undefined });
    expect(await transport.invoke('app:info', undefined)).toBe('app:info');
    expect(offered).toEqual([[RPC_PROTOCOL, `${SESSION_PROTOCOL_PREFIX}${secret}`]]);
  });

  it('a brief drop reconnects and pushed events keep arriving', async () => {
    const { url, sockets } = await startRpcServer();
    let lost = 0;
    const transport = webSocketTransport({
      url,
      secret,
      onLost: () => lost++,
      retryDelaysMs: [10, 10, 10],
    });
    const seen: unknown[] = [];
    transport.on('settings:changed', (payload) => seen.push(payload));
    await transport.ready();
    sockets[0]?.terminate();
    await expect.poll(() => sockets.length).toBe(2);
    sockets[1]?.send(
      JSON.stringify({ type: 'event', event: 'settings:changed', payload: 'again' }),
    );
    await expect.poll(() => seen).toEqual(['again']);
    expect(await transport.invoke('settings:get', undefined)).toBe('settings:get');
    expect(lost).toBe(0);
  });

  it('issue 13: when the service is gone for good it reports it once, and calls fail with what happened', async () => {
    const { url } = await startRpcServer();
    let lost = 0;
    const transport = webSocketTransport({
      url,
      secret,
      onLost: () => lost++,
      retryDelaysMs: [10, 10, 10],
    });
    await transport.ready();
    await stopServer();
    await expect.poll(() => lost).toBe(1);
    await expect(transport.invoke('app:info', undefined)).rejects.toThrow(
      'Cohort Desk has stopped',
    );
    expect(lost).toBe(1);
  });

  it('a refused first connection rejects ready() and never reports a stop', async () => {
    const { url } = await startRpcServer();
    await stopServer();
    let lost = 0;
    const transport = webSocketTransport({
      url,
      secret,
      onLost: () => lost++,
      retryDelaysMs: [10],
    });
    await expect(transport.ready()).rejects.toThrow('could not reach its local service');
    expect(lost).toBe(0);
  });
});
