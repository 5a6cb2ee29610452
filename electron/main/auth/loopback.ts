import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authFailure } from './authErrors';
import {
  CALLBACK_PAGE_HEADERS,
  REJECTED_PAGE,
  SIGNED_IN_PAGE,
  SIGN_IN_STOPPED_PAGE,
} from './callbackPage';

export const LOGIN_TIMEOUT_MS = 5 * 60_000;

export interface LoopbackRedirect {
  /** `http://127.0.0.1:{port}{path}` (the IP literal, never `localhost`: RFC 8252 §8.3, AUTH-03). */
  readonly redirectUri: string;
  /** Resolves with the full callback URL of the one accepted request. */
  readonly callback: Promise<URL>;
  /** Closes the listener (idempotent); a pending `callback` rejects as cancelled. */
  close(): Promise<void>;
}

async function listen(server: Server): Promise<string> {
  // IPv4 first; ::1 only when 127.0.0.1 cannot be bound (RFC 8252 §7.3, AUTH-02). Never 0.0.0.0.
  for (const host of ['127.0.0.1', '::1']) {
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      return host === '::1' ? '[::1]' : host;
    } catch {
      // try the next loopback address
    }
  }
  throw authFailure('unknown', new Error('no loopback address could be bound'));
}

/**
 * The one-shot redirect listener (AUTH-02, STANDARDS 1.4.3): ephemeral port on loopback, one path.
 * Any request without the expected `state` gets 400 and changes nothing (so no token request
 * follows). The first request with the expected state is answered with a static no-store page, and
 * the listener closes: a replayed callback finds nothing listening. Times out after 5 minutes.
 */
export async function startLoopbackRedirect(opts: {
  path: string;
  expectedState: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}): Promise<LoopbackRedirect> {
  let settle: { resolve: (url: URL) => void; reject: (e: unknown) => void } | undefined;
  const callback = new Promise<URL>((resolve, reject) => (settle = { resolve, reject }));
  callback.catch(() => undefined);
  const server = createServer((req, res) => handle(req, res));
  const host = await listen(server);
  const port = (server.address() as AddressInfo).port;
  const redirectUri = `http://${host}:${port}${opts.path}`;
  let closed = false;

  const close = (): Promise<void> => {
    if (closed) return Promise.resolve();
    closed = true;
    clearTimeout(timer);
    settle?.reject(authFailure('login_cancelled'));
    return new Promise((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
  };
  const timer = setTimeout(() => {
    settle?.reject(authFailure('login_timeout'));
    void close();
  }, opts.timeoutMs ?? LOGIN_TIMEOUT_MS);
  opts.signal?.addEventListener('abort', () => void close(), { once: true });

  function handle(req: IncomingMessage, res: ServerResponse): void {
    // A request target that is not a URL ("GET http://[") is input like any other: 400, never a
    // throw that ends the process (issue 12 item 5).
    const url = URL.parse(req.url ?? '/', redirectUri);
    const valid =
      url !== null &&
      !closed &&
      req.method === 'GET' &&
      url.pathname === opts.path &&
      url.searchParams.getAll('state').length === 1 &&
      url.searchParams.get('state') === opts.expectedState;
    if (!valid) {
      res.writeHead(400, { ...CALLBACK_PAGE_HEADERS, Connection: 'close' }).end(REJECTED_PAGE);
      return;
    }
    const stopped = url.searchParams.has('error');
    res.writeHead(200, { ...CALLBACK_PAGE_HEADERS, Connection: 'close' });
    res.end(stopped ? SIGN_IN_STOPPED_PAGE : SIGNED_IN_PAGE, () => void close());
    const deliver = settle;
    settle = undefined;
    deliver?.resolve(url);
  }

  return { redirectUri, callback, close };
}
