import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'cohort_desk_session';

/** Why a request to the loopback server was refused (logged, never shown with the secret). */
export type Refusal = 'host' | 'origin' | 'secret' | undefined;

const safeEqual = (a: string, b: string): boolean => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

/** Reads one cookie value from a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/**
 * The local server's gate (issue 7). Host must name the loopback listener itself (DNS rebinding
 * defence); Origin, when sent, must be the server's own (CSRF, and mandatory for WebSocket upgrades);
 * the per-launch secret must arrive in the HttpOnly cookie (other local users, other local pages).
 */
export function checkRequest(
  req: Pick<IncomingMessage, 'headers'>,
  opts: { port: number; secret: string; requireOrigin: boolean; requireSecret: boolean },
): Refusal {
  // Only the literal loopback address: the launch cookie is bound to it, and names can be rebound.
  const allowedHosts = [`127.0.0.1:${opts.port}`];
  if (!allowedHosts.includes(req.headers.host ?? '')) return 'host';
  const origin = req.headers.origin;
  const allowedOrigins = allowedHosts.map((host) => `http://${host}`);
  if (origin === undefined ? opts.requireOrigin : !allowedOrigins.includes(origin)) return 'origin';
  if (opts.requireSecret) {
    const presented = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (presented === undefined || !safeEqual(presented, opts.secret)) return 'secret';
  }
  return undefined;
}
