import { networkInterfaces } from 'node:os';
import { expect, test } from '../fixtures/app';
import { SESSION_HEADER, SESSION_PATH, rpcProtocols } from '../../shared/browserMode/session';
import {
  acceptsConnection,
  cookieHeaders,
  httpStatus,
  tryUpgrade,
  usableSessions,
} from '../pages/loopbackProbes';
import { pageSessionSecret } from '../pages/transport';
import { startOtherLoopbackServer } from '../fixtures/otherLoopbackServer';

const NO_DATASET = '/vault/NO-SUCH-DATASET/no-such.part';

test('the app files are public, the vault route needs the session, a used launch code is refused', async ({
  app,
}) => {
  expect(await httpStatus(app.server.origin, '/')).toBe(200);
  expect(await httpStatus(app.server.origin, '/index.html')).toBe(200);
  expect(await httpStatus(app.server.origin, NO_DATASET)).toBe(401);
  // The fixture's page already spent the one-time launch code.
  const code = new URL(app.server.launchUrl).searchParams.get('code') ?? '';
  const again = await fetch(`${app.server.origin}${SESSION_PATH}`, {
    method: 'POST',
    headers: { origin: app.server.origin, 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  expect(again.status).toBe(403);
});

test('issue 12: the session lives in the tab, never in a cookie; another Host (DNS rebinding) gets 403', async ({
  app,
  sandbox,
}) => {
  expect(await sandbox.context.cookies()).toEqual([]);
  const secret = await pageSessionSecret(app.page);
  const session = { [SESSION_HEADER]: secret };
  // Past the gate: the vault route itself answers 404 for a part it does not know.
  expect(await httpStatus(app.server.origin, NO_DATASET, session)).toBe(404);
  for (const host of [`attacker.example:${app.server.port}`, `localhost:${app.server.port}`])
    expect(await httpStatus(app.server.origin, NO_DATASET, { ...session, Host: host })).toBe(403);
});

test('the /rpc upgrade needs both the session subprotocol and the app Origin', async ({ app }) => {
  const protocols = rpcProtocols(await pageSessionSecret(app.page));
  const origin = app.server.origin;
  expect(await tryUpgrade(origin, { origin, protocols })).toEqual({ opened: true });
  expect(await tryUpgrade(origin, { origin })).toEqual({ opened: false, status: 403 });
  expect(await tryUpgrade(origin, { origin: 'http://attacker.example', protocols })).toEqual({
    opened: false,
    status: 403,
  });
  expect(await tryUpgrade(origin, { protocols })).toEqual({ opened: false, status: 403 });
});

test('issue 12: a page served by another 127.0.0.1 port cannot use the RPC or /vault/, and what the browser sends that server opens nothing', async ({
  app,
  sandbox,
}) => {
  const other = await startOtherLoopbackServer();
  sandbox.allowOrigin(other.origin);
  try {
    // The same browser profile visits the other server, as a user would in another tab.
    const tab = await sandbox.context.newPage();
    await tab.goto(`${other.origin}/`);
    await tab.reload();
    expect(other.requests.length).toBeGreaterThanOrEqual(2);
    // Whatever the browser sent it, a local script there can replay with any Host and Origin.
    expect(
      await usableSessions(app.server.origin, cookieHeaders(other.requests.map((r) => r.headers))),
    ).toEqual([]);
    const secret = await pageSessionSecret(app.page);
    for (const request of other.requests)
      expect(JSON.stringify(request.headers)).not.toContain(secret);

    // A script on that page: the browser sends its own Origin, and no session of ours.
    const fromPage = await tab.evaluate(async (appOrigin) => {
      const vault = await fetch(`${appOrigin}/vault/NO-SUCH-DATASET/data.duckdb`, {
        credentials: 'include',
      }).then(
        (res) => `answered ${res.status}`,
        () => 'blocked',
      );
      const rpc = await new Promise<string>((resolve) => {
        const ws = new WebSocket(`${appOrigin.replace(/^http/, 'ws')}/rpc`, ['cohort-desk.rpc']);
        ws.addEventListener('open', () => resolve('opened'));
        ws.addEventListener('close', () => resolve('refused'));
      });
      return { vault, rpc, storage: sessionStorage.length };
    }, app.server.origin);
    expect(fromPage).toEqual({ vault: 'blocked', rpc: 'refused', storage: 0 });
    await tab.close();
  } finally {
    await other.close();
  }
});

test('the listener is bound to 127.0.0.1 only', async ({ app }) => {
  expect(new URL(app.server.origin).hostname).toBe('127.0.0.1');
  expect(await acceptsConnection('127.0.0.1', app.server.port)).toBe(true);
  // Another loopback address, IPv6 loopback and every external interface must be refused.
  const others = ['127.0.0.2', '::1'];
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) if (!address.internal) others.push(address.address);
  }
  for (const host of others)
    expect(await acceptsConnection(host, app.server.port), host).toBe(false);
});

test('the status bar says Browser mode', async ({ shell }) => {
  await expect(shell.statusMode()).toHaveText('Browser mode');
  await expect(shell.statusBar()).toBeVisible();
});
