import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  RPC_PROTOCOL,
  SESSION_HEADER,
  SESSION_PATH,
  rpcProtocols,
} from '../../shared/browserMode/session';
import type { LoopbackApp } from './testing/loopbackApp';
import { launchSession, startLoopbackApp } from './testing/loopbackApp';
import { exchange, rawSocket, rawUpgrade, upgradeRequest } from './testing/rawClients';

let app: LoopbackApp;
let rendererDir: string;

beforeEach(async () => {
  rendererDir = mkdtempSync(join(tmpdir(), 'cohort-desk-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Cohort Desk</title>');
  app = await startLoopbackApp(rendererDir);
});

afterEach(async () => {
  await app.close();
  rmSync(rendererDir, { recursive: true, force: true });
});

const codeOf = (launchUrl: string): string => new URL(launchUrl).searchParams.get('code') ?? '';

const postSession = (body: string, headers: Record<string, string>): Promise<Response> =>
  fetch(`${app.server.origin}${SESSION_PATH}`, { method: 'POST', headers, body });

/** Status line and headers of a raw /rpc upgrade with the given extra header lines. */
async function upgrade(lines: readonly string[]): Promise<{ status: string; head: string }> {
  const socket = await rawSocket(app.server.port);
  const request = upgradeRequest(app.server.port, lines);
  const answer = await exchange(socket, request, 300);
  const head = answer.toString('latin1').split('\r\n\r\n')[0] ?? '';
  return { status: head.split('\r\n')[0] ?? '', head };
}

describe('browser-mode session bound to the page, not a cookie (issue 12 item 8)', () => {
  it('issue 12: no answer sets a cookie: the launch page, the session exchange, the app files', async () => {
    const { origin, launchUrl } = app.server;
    const launchPage = await fetch(launchUrl);
    expect(launchPage.status).toBe(200);
    expect(launchPage.headers.get('set-cookie')).toBeNull();
    const json = { origin, 'content-type': 'application/json' };
    const granted = await postSession(JSON.stringify({ code: codeOf(launchUrl) }), json);
    expect(granted.status).toBe(200);
    expect(granted.headers.get('set-cookie')).toBeNull();
    expect(granted.headers.get('cache-control')).toBe('no-store');
    expect((await fetch(`${origin}/`)).headers.get('set-cookie')).toBeNull();
  });

  it('spends the launch code once, only from its own Origin, only as JSON', async () => {
    const { origin, launchUrl } = app.server;
    const body = JSON.stringify({ code: codeOf(launchUrl) });
    const json = { 'content-type': 'application/json' };
    // Refusals leave the code valid: an attacker's page cannot burn it either.
    expect((await postSession(body, { ...json, origin: 'http://127.0.0.1:1' })).status).toBe(403);
    expect((await postSession(body, json)).status).toBe(403);
    expect((await postSession(body, { origin, 'content-type': 'text/plain' })).status).toBe(403);
    expect((await postSession('{"code":"guess"}', { ...json, origin })).status).toBe(403);
    const granted = await postSession(body, { ...json, origin });
    expect(granted.status).toBe(200);
    expect(((await granted.json()) as { session: string }).session).toMatch(/^[\w-]{43}$/);
    expect((await postSession(body, { ...json, origin })).status).toBe(403);
  });

  it('issue 12: the vault route and /rpc take the secret only from the page (header, subprotocol), never from a cookie', async () => {
    const { secret, headers } = await launchSession(app.server);
    // A vault path the route itself answers 404: past the gate, a 404; refused by it, a 401.
    const vault = `${app.server.origin}/vault/NO-SUCH-DATASET/no-such.part`;
    const asCookies = `cohort_desk_session=${secret}; ${SESSION_HEADER}=${secret}; session=${secret}`;
    expect((await fetch(vault)).status).toBe(401);
    expect((await fetch(vault, { headers: { cookie: asCookies } })).status).toBe(401);
    // Through the gate: the dataset does not exist.
    expect((await fetch(vault, { headers })).status).toBe(404);

    expect((await upgrade([`Cookie: ${asCookies}`])).status).toBe('HTTP/1.1 403 Forbidden');
    expect((await upgrade([`Sec-WebSocket-Protocol: ${RPC_PROTOCOL}`])).status).toBe(
      'HTTP/1.1 403 Forbidden',
    );
    const opened = await upgrade([`Sec-WebSocket-Protocol: ${rpcProtocols(secret).join(', ')}`]);
    expect(opened.status).toBe('HTTP/1.1 101 Switching Protocols');
    // The server picks the RPC protocol; the secret is never echoed back.
    expect(opened.head).toContain(`Sec-WebSocket-Protocol: ${RPC_PROTOCOL}`);
    expect(opened.head).not.toContain(secret);
  });

  it('a session from another launch opens nothing', async () => {
    const other = await startLoopbackApp(rendererDir);
    try {
      const { headers, upgradeLines } = await launchSession(other.server);
      const vault = `${app.server.origin}/vault/NO-SUCH-DATASET/no-such.part`;
      expect((await fetch(vault, { headers })).status).toBe(401);
      expect((await upgrade(upgradeLines)).status).toBe('HTTP/1.1 403 Forbidden');
      const socket = await rawSocket(app.server.port);
      expect(await rawUpgrade(socket, upgradeRequest(app.server.port, upgradeLines))).toBe(
        'HTTP/1.1 403 Forbidden',
      );
      socket.destroy();
    } finally {
      await other.close();
    }
  });
});
