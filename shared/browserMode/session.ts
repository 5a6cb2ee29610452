import { z } from 'zod';

/**
 * Browser mode's per-launch session (docs/decisions/0002-browser-mode.md, issue 12 item 8). The
 * secret is never a cookie, because cookies are not port-scoped: every other server on 127.0.0.1
 * would receive it. The page spends the one-time launch code once for the secret, keeps it in this
 * origin's sessionStorage (port-scoped), and presents it on the WebSocket and the vault route.
 */

/** Where the launch link points: the app page, which then spends the code it carries. */
export const LAUNCH_PATH = '/launch';
/** POST {code} here (same Origin only) to receive the session secret, once per launch. */
export const SESSION_PATH = '/session';
/** Request header carrying the secret on the vault route. */
export const SESSION_HEADER = 'x-cohort-desk-session';
/** The WebSocket subprotocol the server answers with; the secret travels as a second one. */
export const RPC_PROTOCOL = 'cohort-desk.rpc';
/** Prefix of the subprotocol that carries the secret (a browser WebSocket cannot set headers). */
export const SESSION_PROTOCOL_PREFIX = 'cohort-desk.session.';

/** Where the page keeps the secret: sessionStorage, per origin (port included) and per tab. */
export const SESSION_STORAGE_KEY = 'cohort-desk.session';

/** Base64url of 32 random bytes: also a valid subprotocol token (RFC 6455 4.1, RFC 7230 token). */
export const SessionSecretSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/** Body of POST /session. */
export const SessionRequestSchema = z.strictObject({ code: z.string().min(1).max(200) });
export type SessionRequest = z.infer<typeof SessionRequestSchema>;

/** Answer of POST /session. */
export const SessionResponseSchema = z.strictObject({ session: SessionSecretSchema });
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

/** The subprotocols a client offers on /rpc for a session secret. */
export const rpcProtocols = (secret: string): string[] => [
  RPC_PROTOCOL,
  `${SESSION_PROTOCOL_PREFIX}${secret}`,
];
