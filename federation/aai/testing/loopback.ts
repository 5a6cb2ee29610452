/** A one-shot loopback redirect listener, as a native app runs it (AUTH-02): 127.0.0.1, port 0, one path. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackListener {
  redirectUri: string;
  /** Resolves with the query of the first request to the redirect path. */
  result: Promise<URLSearchParams>;
  close(): Promise<void>;
}

/** Starts a listener for `http://127.0.0.1:{ephemeral}/{path}`. */
export async function startLoopbackListener(path = '/callback'): Promise<LoopbackListener> {
  let deliver: (q: URLSearchParams) => void = () => undefined;
  const result = new Promise<URLSearchParams>((resolve) => (deliver = resolve));
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== path) {
      res.writeHead(400).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    res.end('Signed in. You can close this tab.');
    deliver(url.searchParams);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    redirectUri: `http://127.0.0.1:${String(port)}${path}`,
    result,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
