import type { IncomingMessage } from 'node:http';
import type { WebSocket, WebSocketServer } from 'ws';
import { z } from 'zod';
import type { EventHub } from '../main/ipc/events';
import type { Router } from '../main/ipc/router';
import type { Logger } from '../main/logging/logger';

const InvokeFrame = z.object({
  type: z.literal('invoke'),
  id: z.number().int().nonnegative(),
  channel: z.string().max(100),
  // optional: JSON drops an undefined payload, and zod 4.6 treats a missing unknown() key as an error.
  payload: z.unknown().optional(),
});

/**
 * The router over WebSocket frames: {type:'invoke', id, channel, payload} in, {type:'result', id,
 * result} and {type:'event', event, payload} out. The sender is the connection's checked Origin.
 */
export function attachRpc(opts: {
  wss: WebSocketServer;
  router: Router;
  events: EventHub;
  logger: Logger;
  origin: string;
  idleMs: number;
  onIdle?: () => void;
}): { close(): void } {
  let idleTimer: NodeJS.Timeout | undefined;
  const unsubscribe = opts.events.subscribe((event, payload) => {
    const frame = JSON.stringify({ type: 'event', event, payload });
    for (const client of opts.wss.clients) client.send(frame);
  });

  opts.wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
    if (idleTimer !== undefined) clearTimeout(idleTimer);
    const sender = { url: req.headers.origin };
    ws.on('message', (data, isBinary) => {
      let frame: z.infer<typeof InvokeFrame>;
      try {
        if (isBinary || !Buffer.isBuffer(data)) throw new Error('binary frame');
        frame = InvokeFrame.parse(JSON.parse(data.toString('utf8')));
      } catch {
        opts.logger.warn('browser_mode.bad_frame');
        ws.close(1008, 'bad frame');
        return;
      }
      // The router never throws; the catch keeps a broken promise from ending the process anyway.
      opts.router
        .invoke(frame.channel, frame.payload, sender)
        .then((result) => ws.send(JSON.stringify({ type: 'result', id: frame.id, result })))
        .catch((error: unknown) => {
          opts.logger.error('browser_mode.invoke_failed', { error: String(error) });
        });
    });
    // Frames ws refuses (over maxPayload, bad opcode, RSV bits, invalid UTF-8...) arrive here as
    // errors; ws has already closed that connection with the matching code (1009, 1002, 1007).
    // Without this listener the error event ended the whole process (issue 12).
    ws.on('error', (error: Error & { code?: string }) => {
      opts.logger.warn('browser_mode.frame_refused', { code: error.code ?? 'unknown' });
    });
    ws.on('close', () => {
      if (opts.wss.clients.size === 0 && opts.onIdle !== undefined) {
        idleTimer = setTimeout(opts.onIdle, opts.idleMs);
      }
    });
  });

  return {
    close() {
      if (idleTimer !== undefined) clearTimeout(idleTimer);
      unsubscribe();
    },
  };
}
