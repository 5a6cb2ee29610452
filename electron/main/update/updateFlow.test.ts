import { createHash } from 'node:crypto';
import type { ClientRequest, RequestOptions } from 'node:http';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configureRequestOptions, configureRequestUrl, HttpExecutor } from 'builder-util-runtime';
import type { DownloadOptions } from 'builder-util-runtime';
import { AppImageUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../logging/logger';
import { gpgKey, gpgSign } from './testing/gpg';
import type { UpdateState } from './updateFlow';
import { signatureUrlFor, wireUpdater } from './updateFlow';
import { updatePlan } from './updatePlan';

/**
 * electron-updater's HTTP over Node's http (in the app, its ElectronHttpExecutor uses Electron's
 * net module): the same requests and the same download as its own executor, without Electron.
 */
class NodeExecutor extends HttpExecutor<ClientRequest> {
  createRequest(options: RequestOptions, callback: (response: unknown) => void): ClientRequest {
    return request(options, callback);
  }

  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise((resolve, reject, onCancel) => {
      const requestOptions: RequestOptions = { headers: options.headers ?? undefined };
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      this.doDownload(
        requestOptions,
        {
          destination,
          options,
          onCancel,
          callback: (error) => (error == null ? resolve(destination) : reject(error)),
          responseHandler: null,
        },
        0,
      );
    });
  }
}

/** The installed app as electron-updater sees it: version 0.1.0, packaged, its app-update.yml. */
function installedApp(dir: string): AppAdapter {
  const appUpdateConfigPath = join(dir, 'app-update.yml');
  writeFileSync(appUpdateConfigPath, 'updaterCacheDirName: cohort-desk-updater\n');
  return {
    version: '0.1.0',
    name: 'Cohort Desk',
    isPackaged: true,
    appUpdateConfigPath,
    userDataPath: join(dir, 'user-data'),
    baseCachePath: join(dir, 'cache'),
    whenReady: () => Promise.resolve(),
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: () => undefined,
  };
}

describe('issue 21: electron-updater on a loopback feed, under the policy plan', () => {
  const release = gpgKey('release');
  const attacker = gpgKey('attacker');
  const files = new Map<string, Buffer>();
  const requested: string[] = [];
  const server = createServer((req, res) => {
    requested.push(req.url ?? '');
    const body = files.get((req.url ?? '').split('?')[0] ?? '');
    res.writeHead(body === undefined ? 404 : 200).end(body);
  });
  let feed = '';
  const savedAppImage = process.env.APPIMAGE;

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    // The hospital's internal mirror: a path under its own host.
    feed = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cohort-desk/`;
  });
  afterAll(async () => {
    if (savedAppImage === undefined) delete process.env.APPIMAGE;
    else process.env.APPIMAGE = savedAppImage;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  /** Publishes version 0.2.0 on `channel` as electron-builder does, its .asc signed by `signer`. */
  function publish(channel: string, signer: { home: string }): void {
    const dir = mkdtempSync(join(tmpdir(), 'cd-feed-'));
    const appImage = join(dir, 'Cohort-Desk-0.2.0.AppImage');
    writeFileSync(appImage, `version 0.2.0 of the app, ${channel}`);
    const bytes = readFileSync(appImage);
    const sha512 = createHash('sha512').update(bytes).digest('base64');
    files.clear();
    files.set(
      `/cohort-desk/${channel}-linux.yml`,
      Buffer.from(
        `version: 0.2.0\nfiles:\n  - url: Cohort-Desk-0.2.0.AppImage\n    sha512: ${sha512}\n    size: ${bytes.length}\npath: Cohort-Desk-0.2.0.AppImage\nsha512: ${sha512}\nreleaseDate: '2026-12-01T00:00:00.000Z'\n`,
      ),
    );
    files.set('/cohort-desk/Cohort-Desk-0.2.0.AppImage', bytes);
    files.set('/cohort-desk/Cohort-Desk-0.2.0.AppImage.asc', gpgSign(signer.home, appImage));
  }

  /** A real AppImageUpdater, configured by wireUpdater from the plan the policy values give. */
  async function run(values: {
    updateMode: 'notify' | 'automatic';
    updateChannel: 'latest' | 'beta';
  }) {
    const dir = mkdtempSync(join(tmpdir(), 'cd-app-'));
    // electron-updater updates the running AppImage: the old file must exist (no blockmap → full download).
    process.env.APPIMAGE = join(dir, 'Cohort-Desk-0.1.0.AppImage');
    writeFileSync(process.env.APPIMAGE, 'version 0.1.0');
    const plan = updatePlan(
      { ...values, updateFeedUrl: feed },
      { packaged: true, installer: 'appimage' },
    );
    if (!plan.enabled) throw new Error(plan.reason);
    const updater = new AppImageUpdater(null, installedApp(dir));
    // Its HTTP client is set before the feed (the feed's provider captures it).
    (updater as unknown as { httpExecutor: HttpExecutor<ClientRequest> }).httpExecutor =
      new NodeExecutor();
    const states: UpdateState[] = [];
    const settled = new Promise<UpdateState>((resolve) => {
      const flow = wireUpdater(updater, plan, {
        platform: 'linux',
        keyring: release.keyring,
        fetch,
        logger: createMemoryLogger(),
        set: (state) => {
          states.push(state);
          if (state.kind === 'ready' || state.kind === 'refused') resolve(state);
          if (state.kind === 'available' && !plan.autoDownload) void flow.download();
        },
      });
      void flow.check();
    });
    const final = await settled;
    return { updater, states, final };
  }

  it('an update whose signature is by another key is refused and deleted, though electron-updater accepted its sha512', async () => {
    publish('latest', attacker);
    const { updater, states, final } = await run({
      updateMode: 'automatic',
      updateChannel: 'latest',
    });
    expect(states.map((s) => s.kind)).toEqual(['available', 'refused']);
    expect(final).toMatchObject({ kind: 'refused', version: '0.2.0' });
    expect(final.kind === 'refused' ? final.reason : '').toMatch(
      /does not verify with the pinned key/,
    );
    expect(updater.autoInstallOnAppQuit).toBe(false);
    const cached = join(
      (updater as unknown as { app: AppAdapter }).app.baseCachePath,
      'cohort-desk-updater',
      'pending',
      'Cohort-Desk-0.2.0.AppImage',
    );
    expect(existsSync(cached)).toBe(false);
  });

  it('an update signed by the pinned release key is ready and installs at quit (automatic mode)', async () => {
    publish('latest', release);
    const { updater, final } = await run({ updateMode: 'automatic', updateChannel: 'latest' });
    expect(final).toEqual({ kind: 'ready', version: '0.2.0' });
    expect(updater.autoInstallOnAppQuit).toBe(true);
  });

  it("reads the policy's channel from the policy's feed, and in notify mode downloads only when asked and does not install at quit", async () => {
    publish('beta', release);
    requested.length = 0;
    const { updater, final } = await run({ updateMode: 'notify', updateChannel: 'beta' });
    expect(final).toEqual({ kind: 'ready', version: '0.2.0' });
    expect(requested.map((u) => u.split('?')[0])).toEqual([
      '/cohort-desk/beta-linux.yml',
      '/cohort-desk/Cohort-Desk-0.2.0.AppImage',
      '/cohort-desk/Cohort-Desk-0.2.0.AppImage.asc',
    ]);
    expect(updater.autoInstallOnAppQuit).toBe(false);
  });

  it('finds the signature next to the file whatever the feed URL ends with', () => {
    for (const url of ['https://m.example/cd', 'https://m.example/cd/', 'https://m.example/cd//'])
      expect(signatureUrlFor(url, '/tmp/x/pending/Cohort Desk-0.2.0.AppImage')).toBe(
        'https://m.example/cd/Cohort%20Desk-0.2.0.AppImage.asc',
      );
  });
});
