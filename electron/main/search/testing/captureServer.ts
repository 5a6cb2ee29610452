import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  url: string;
  authorization: string | undefined;
}

export interface CaptureServer {
  readonly url: string;
  readonly seen: SeenRequest[];
  /** Resolves when a request's connection was closed by the client before any answer. */
  readonly aborted: Promise<SeenRequest>;
  /** Resolves with the first request received. */
  readonly first: Promise<SeenRequest>;
  close(): Promise<void>;
}

type Respond = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** A loopback HTTP server for tests that records each request; `respond` undefined means never answer. */
export async function startCaptureServer(respond?: Respond): Promise<CaptureServer> {
  const seen: SeenRequest[] = [];
  let onAbort: (r: SeenRequest) => void = () => undefined;
  const aborted = new Promise<SeenRequest>((resolve) => (onAbort = resolve));
  let onFirst: (r: SeenRequest) => void = () => undefined;
  const first = new Promise<SeenRequest>((resolve) => (onFirst = resolve));
  const server = createServer((req, res) => {
    const entry = {
      method: req.method ?? '',
      url: req.url ?? '',
      authorization: req.headers.authorization,
    };
    seen.push(entry);
    onFirst(entry);
    res.on('close', () => {
      if (!res.writableEnded) onAbort(entry);
    });
    req.resume();
    if (respond !== undefined) void respond(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    aborted,
    first,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
