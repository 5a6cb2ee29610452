import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { gpgKey, gpgSign } from './testing/gpg';
import { verifyLinuxUpdate } from './verifyLinux';

describe('issue 21: a Linux update from a loopback feed is verified before install', () => {
  const release = gpgKey('release');
  const attacker = gpgKey('attacker');
  const feedDir = mkdtempSync(join(tmpdir(), 'cd-feed-'));
  const files = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    const body = files.get(req.url ?? '');
    res.writeHead(body === undefined ? 404 : 200).end(body);
  });
  let feed = '';

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    feed = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** Publishes an AppImage and its manifest, as electron-builder does, signed by `signer`. */
  function publish(signer: { home: string }): void {
    const appImage = join(feedDir, 'Cohort-Desk-0.2.0.AppImage');
    writeFileSync(appImage, 'new version of the app');
    const sha512 = createHash('sha512').update(readFileSync(appImage)).digest('base64');
    files.set(
      '/latest-linux.yml',
      Buffer.from(`version: 0.2.0\npath: Cohort-Desk-0.2.0.AppImage\nsha512: ${sha512}\n`),
    );
    files.set('/Cohort-Desk-0.2.0.AppImage', readFileSync(appImage));
    files.set('/Cohort-Desk-0.2.0.AppImage.asc', gpgSign(signer.home, appImage));
  }

  /** Downloads what the manifest names and checks its sha512 (electron-updater's part), then ours. */
  async function downloadAndVerify(): Promise<string | null> {
    const manifest = parse(await (await fetch(`${feed}/latest-linux.yml`)).text()) as {
      path: string;
      sha512: string;
    };
    const bytes = Buffer.from(await (await fetch(`${feed}/${manifest.path}`)).arrayBuffer());
    expect(createHash('sha512').update(bytes).digest('base64')).toBe(manifest.sha512);
    const file = join(mkdtempSync(join(tmpdir(), 'cd-dl-')), manifest.path);
    writeFileSync(file, bytes);
    return verifyLinuxUpdate({
      file,
      signatureUrl: `${feed}/${manifest.path}.asc`,
      keyring: release.keyring,
      fetch,
    });
  }

  it('an update signed by another key is refused, though its sha512 matches the manifest', async () => {
    publish(attacker);
    expect(await downloadAndVerify()).toMatch(/does not verify with the pinned key/);
  });

  it('an update signed by the pinned release key is accepted', async () => {
    publish(release);
    expect(await downloadAndVerify()).toBeNull();
  });

  it('a missing signature, a missing pinned key or a changed file is refused', async () => {
    publish(release);
    files.delete('/Cohort-Desk-0.2.0.AppImage.asc');
    expect(await downloadAndVerify()).toMatch(/could not be fetched \(HTTP 404\)/);
    publish(release);
    const file = join(feedDir, 'changed.AppImage');
    writeFileSync(file, 'changed after signing');
    const signatureUrl = `${feed}/Cohort-Desk-0.2.0.AppImage.asc`;
    expect(
      await verifyLinuxUpdate({ file, signatureUrl, keyring: release.keyring, fetch }),
    ).toMatch(/does not verify/);
    expect(
      await verifyLinuxUpdate({ file, signatureUrl, keyring: join(feedDir, 'none.gpg'), fetch }),
    ).toMatch(/no pinned update signing key/);
  });
});
