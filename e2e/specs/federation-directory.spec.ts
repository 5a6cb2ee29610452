import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '../fixtures/federation';
import { FederationPage } from '../pages/FederationPage';
import { SettingsPage } from '../pages/SettingsPage';

let server: Server | undefined;

/** A hospital's directory on loopback: the demo broker and two of its nodes. */
async function serveDirectory(infoFile: string): Promise<string> {
  const info = JSON.parse(readFileSync(infoFile, 'utf8')) as {
    issuer: string;
    jwksUri: string;
    clientId: string;
    nodes: { id: string }[];
  };
  const listing = {
    brokers: [{ issuer: info.issuer, clientId: info.clientId, name: 'Hospital broker' }],
    nodes: info.nodes.filter((n) => n.id === 'FI' || n.id === 'SE'),
    trustedVisaIssuers: [{ iss: info.issuer, jku: info.jwksUri }],
  };
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(listing));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/federation.json`;
}

test.afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) =>
    server === undefined ? resolve() : server.close(() => resolve()),
  );
  server = undefined;
});

test.describe('issue 13 / issue 15 item 7: the federation directory address in Settings', () => {
  test('an address that does not answer is refused with the reason; nothing is saved', async ({
    app,
    shell,
  }) => {
    const settings = new SettingsPage(app.page);
    await shell.open('settings');
    await settings.waitForForm();
    await settings.setDirectoryUrl('http://127.0.0.1:9/federation.json');
    await settings.save();
    await expect(settings.directoryFailed()).toContainText(
      'The federation directory at http://127.0.0.1:9/federation.json could not be used',
    );
    await expect(settings.status()).not.toHaveText('Settings saved.');
    await shell.open('federation');
    await expect(new FederationPage(app.page).directorySource()).toContainText('embedded demo');
  });

  test('a good address shows what it lists, is saved, and every page follows it without a reload', async ({
    app,
    federation,
    shell,
  }) => {
    const url = await serveDirectory(federation.infoFile);
    const fedPage = new FederationPage(app.page);
    await shell.open('federation');
    await expect(fedPage.nodeList().getByRole('row')).toHaveCount(6);
    await shell.open('settings');
    const settings = new SettingsPage(app.page);
    await settings.waitForForm();
    await settings.setDirectoryUrl(url);
    await settings.save();
    await expect(settings.directoryFound()).toHaveText(
      `Found at ${url}: 1 sign-in service (Hospital broker) and 2 nodes (FI, SE).`,
    );
    await expect(settings.status()).toHaveText('Settings saved.');
    await shell.open('federation');
    await expect(fedPage.directorySource()).toContainText(`Read from ${url}.`);
    await expect(fedPage.directorySource()).toContainText('fetched');
    await expect(fedPage.nodeList().getByRole('row')).toHaveCount(3);
    await expect(fedPage.signInButton()).toBeVisible();
  });
});
