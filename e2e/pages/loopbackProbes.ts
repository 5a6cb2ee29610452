import { request } from 'node:http';
import { connect } from 'node:net';
import WebSocket from 'ws';
import {
  RPC_PROTOCOL,
  SESSION_HEADER,
  SESSION_PROTOCOL_PREFIX,
} from '../../shared/browserMode/session';

/** Status code of a GET to the loopback server with exactly the given headers (Host included). */
export async function httpStatus(
  origin: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<number> {
  const url = new URL(path, origin);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: 'GET',
        headers,
        setHost: !('Host' in headers),
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** How a WebSocket upgrade to /rpc ended: opened, or refused with the HTTP status the server sent. */
export type UpgradeOutcome = { opened: true } | { opened: false; status: number };

/** Attempts the /rpc WebSocket upgrade with the given Origin, Cookie and subprotocols. */
export async function tryUpgrade(
  origin: string,
  headers: { origin?: string; cookie?: string; protocols?: string[] },
): Promise<UpgradeOutcome> {
  const url = `${origin.replace(/^http/, 'ws')}/rpc`;
  const extra: Record<string, string> =
    headers.cookie === undefined ? {} : { Cookie: headers.cookie };
  const ws = new WebSocket(url, headers.protocols ?? [], {
    headers: extra,
    ...(headers.origin === undefined ? {} : { origin: headers.origin }),
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => {
      ws.close();
      resolve({ opened: true });
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve({ opened: false, status: res.statusCode ?? 0 });
      res.resume();
      ws.terminate();
    });
    // The server answers a refused upgrade with a raw 403 and closes: ws reports that as an error.
    ws.once('error', (error) => {
      const status = /Unexpected server response: (\d+)/.exec(error.message)?.[1];
      if (status === undefined) reject(error);
      else resolve({ opened: false, status: Number(status) });
    });
  });
}

/** Whether a TCP connection to host:port is accepted (used to show the listener is loopback-only). */
export async function acceptsConnection(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2_000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * What a local script could do with headers another server received (cookies, anything): it can
 * forge Host and Origin, so each value is tried as a cookie, as the session header and as the
 * session subprotocol on /rpc and the vault route. Returns what opened; empty means nothing.
 */
export async function usableSessions(
  appOrigin: string,
  received: readonly string[],
): Promise<string[]> {
  const usable: string[] = [];
  const vault = '/vault/NO-SUCH-DATASET/no-such.part';
  // Every cookie value on its own, and the whole header as sent.
  const values = received.flatMap((header) =>
    header.split(';').map((pair) => pair.trim().split('=').slice(1).join('=')),
  );
  for (const cookie of received) {
    if ((await tryUpgrade(appOrigin, { origin: appOrigin, cookie })).opened)
      usable.push(`/rpc with Cookie: ${cookie}`);
    if ((await httpStatus(appOrigin, vault, { Cookie: cookie })) !== 401)
      usable.push(`vault with Cookie: ${cookie}`);
  }
  for (const value of values.filter((v) => /^[\w-]+$/.test(v))) {
    const protocols = [RPC_PROTOCOL, `${SESSION_PROTOCOL_PREFIX}${value}`];
    if ((await tryUpgrade(appOrigin, { origin: appOrigin, protocols })).opened)
      usable.push(`/rpc with the value ${value.slice(0, 6)}… as session`);
    if ((await httpStatus(appOrigin, vault, { [SESSION_HEADER]: value })) !== 401)
      usable.push(`vault with the value ${value.slice(0, 6)}… as session`);
  }
  return usable;
}

/** The Cookie headers among recorded request headers. */
export const cookieHeaders = (
  headers: readonly Record<string, string | string[] | undefined>[],
): string[] => headers.flatMap((h) => (typeof h.cookie === 'string' ? [h.cookie] : []));
