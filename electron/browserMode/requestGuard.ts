import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { SESSION_HEADER, SESSION_PROTOCOL_PREFIX } from '../../shared/browserMode/session';

/** Why a request to the loopback server was refused (logged, never shown with the secret). */
export type Refusal = 'host' | 'origin' | 'secret' | undefined;

/** Where a request must carry the session secret: nowhere (the app's public files), a header, a subprotocol. */
export type Credential = 'none' | 'header' | 'protocol';

const safeEqual = (a: string, b: string): boolean => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

/** The secret a request presents where `credential` says; undefined when absent or ambiguous. */
export function presentedSecret(
  req: Pick<IncomingMessage, 'headers'>,
  credential: Exclude<Credential, 'none'>,
): string | undefined {
  if (credential === 'header') {
    const value = req.headers[SESSION_HEADER];
    return typeof value === 'string' ? value : undefined;
  }
  const offered = (req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.startsWith(SESSION_PROTOCOL_PREFIX));
  return offered.length === 1 ? offered[0]?.slice(SESSION_PROTOCOL_PREFIX.length) : undefined;
}

/**
 * The local server's gate (issues 7 and 12). Host must name the loopback listener itself (DNS
 * rebinding); Origin, when sent, must be the server's own (CSRF; mandatory for WebSocket upgrades
 * and the session exchange); the per-launch secret must arrive where `credential` says. Cookies are
 * never looked at: they reach every port of 127.0.0.1, so they cannot tell this app's page from
 * another local server's.
 */
export function checkRequest(
  req: Pick<IncomingMessage, 'headers'>,
  opts: { port: number; secret: string; requireOrigin: boolean; credential: Credential },
): Refusal {
  // Only the literal loopback address: names can be rebound.
  const host = `127.0.0.1:${opts.port}`;
  if (req.headers.host !== host) return 'host';
  const origin = req.headers.origin;
  if (origin === undefined ? opts.requireOrigin : origin !== `http://${host}`) return 'origin';
  if (opts.credential !== 'none') {
    const presented = presentedSecret(req, opts.credential);
    if (presented === undefined || !safeEqual(presented, opts.secret)) return 'secret';
  }
  return undefined;
}
