import { networkInterfaces } from 'node:os';
import { expect, test } from '../fixtures/app';
import { acceptsConnection, httpStatus, tryUpgrade } from '../pages/loopbackProbes';

const SESSION_COOKIE = 'cohort_desk_session';

test('requests without the session cookie get 401, a reused launch URL 403', async ({ app }) => {
  expect(await httpStatus(app.server.origin, '/')).toBe(401);
  expect(await httpStatus(app.server.origin, '/index.html')).toBe(401);
  // The fixture already spent the one-time launch code.
  expect(
    await httpStatus(
      app.server.origin,
      new URL(app.server.launchUrl).pathname + new URL(app.server.launchUrl).search,
    ),
  ).toBe(403);
});

test('the session cookie is HttpOnly and opens the app; another Host (DNS rebinding) gets 403', async ({
  app,
  sandbox,
}) => {
  const cookie = (await sandbox.context.cookies(app.server.origin)).find(
    (c) => c.name === SESSION_COOKIE,
  );
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  const header = `${SESSION_COOKIE}=${cookie!.value}`;
  expect(await httpStatus(app.server.origin, '/', { Cookie: header })).toBe(200);
  expect(
    await httpStatus(app.server.origin, '/', {
      Cookie: header,
      Host: `attacker.example:${app.server.port}`,
    }),
  ).toBe(403);
  expect(
    await httpStatus(app.server.origin, '/', {
      Cookie: header,
      Host: `localhost:${app.server.port}`,
    }),
  ).toBe(403);
});

test('the /rpc upgrade needs both the cookie and the app Origin', async ({ app, sandbox }) => {
  const cookie = (await sandbox.context.cookies(app.server.origin)).find(
    (c) => c.name === SESSION_COOKIE,
  );
  const header = `${SESSION_COOKIE}=${cookie!.value}`;
  const origin = app.server.origin;
  expect(await tryUpgrade(origin, { origin, cookie: header })).toEqual({ opened: true });
  expect(await tryUpgrade(origin, { origin })).toEqual({ opened: false, status: 403 });
  expect(await tryUpgrade(origin, { origin: 'http://attacker.example', cookie: header })).toEqual({
    opened: false,
    status: 403,
  });
  expect(await tryUpgrade(origin, { cookie: header })).toEqual({ opened: false, status: 403 });
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
