/**
 * Runtime visa administration for demos and tests: POST `${issuer}/admin/{grant|revoke|expire}` with JSON
 * `{ username, datasetId, expiresInSec? }`, loopback peers only, `Authorization: Bearer <adminSecret>`.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { GrantError, type GrantsStore } from './grantsStore';
import { isLoopbackPeer, readBody, sendJson } from './http';
import { log } from './log';

export const ADMIN_ACTIONS = ['grant', 'revoke', 'expire'] as const;
export type AdminAction = (typeof ADMIN_ACTIONS)[number];

const ROUTE = /^\/admin\/(grant|revoke|expire)$/u;
const body = z.object({
  username: z.string().min(1),
  datasetId: z.string().min(1),
  expiresInSec: z.number().int().positive().optional(),
});

function secretMatches(header: string | undefined, secret: string): boolean {
  const given = Buffer.from(header?.startsWith('Bearer ') === true ? header.slice(7) : '');
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Applies one admin action to the grants store. */
export async function applyAdminAction(
  grants: GrantsStore,
  action: AdminAction,
  req: { username: string; datasetId: string; expiresInSec?: number | undefined },
): Promise<void> {
  if (action === 'grant') await grants.grant(req.username, req.datasetId, req.expiresInSec);
  else if (action === 'revoke') await grants.revoke(req.username, req.datasetId);
  else await grants.expire(req.username, req.datasetId);
  log('info', 'admin visa change', { action, username: req.username, datasetId: req.datasetId });
}

/** Handles `/admin/*`; returns false for any other path. */
export async function handleAdmin(
  deps: { grants: GrantsStore; adminSecret: string },
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<boolean> {
  if (!path.startsWith('/admin')) return false;
  if (!isLoopbackPeer(req)) {
    sendJson(res, 403, { error: 'forbidden' });
    return true;
  }
  if (!secretMatches(req.headers.authorization, deps.adminSecret)) {
    sendJson(
      res,
      401,
      { error: 'unauthorized' },
      { 'WWW-Authenticate': 'Bearer realm="aai-admin"' },
    );
    return true;
  }
  const action = ROUTE.exec(path)?.[1] as AdminAction | undefined;
  if (action === undefined || req.method !== 'POST') {
    sendJson(res, 404, { error: 'not_found' });
    return true;
  }
  try {
    const parsed = body.safeParse(JSON.parse(await readBody(req)));
    if (!parsed.success) {
      sendJson(res, 400, {
        error: 'invalid_request',
        detail: parsed.error.issues.map((i) => i.message),
      });
      return true;
    }
    await applyAdminAction(deps.grants, action, parsed.data);
    sendJson(res, 200, {
      ok: true,
      action,
      username: parsed.data.username,
      datasetId: parsed.data.datasetId,
    });
  } catch (err) {
    if (err instanceof GrantError) sendJson(res, err.status, { error: err.message });
    else if (err instanceof SyntaxError) sendJson(res, 400, { error: 'invalid JSON' });
    else throw err;
  }
  return true;
}
