import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBrowserModeServer } from '../../browserMode/server';
import { launchSession } from '../../browserMode/testing/loopbackApp';
import type { SharedFederation } from '../pull/testing/pullHarness';
import { signedIn, useSharedFederation, tmp } from '../pull/testing/pullHarness';
import { createAppRequestHandler } from './appRequest';

let fed: SharedFederation;
useSharedFederation((started) => (fed = started));

const APP = 'app://cohort-desk';

/** What both transports must agree on for one answer. */
async function shape(res: Response) {
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    cache: res.headers.get('cache-control'),
    body: Buffer.from(await res.arrayBuffer()).toString('base64'),
  };
}

describe('app:// in Electron enforces the same vault route checks as browser mode (decision 0002, PASS-03, issue 6)', () => {
  it('same answers for every vault path; foreign origin, other hosts and methods refused; 403 no-store once the visa expires', async () => {
    let clock = Date.now();
    // 'expiring' holds a visa that ends minutes from now: the clock below passes it (PASS-03).
    const h = await signedIn({
      fed,
      dataDir: tmp('app-protocol-'),
      user: 'expiring',
      now: () => clock,
    });
    const { jobId } = await h.invoke('pull:start', {
      nodeId: 'FI',
      datasetId: 'FI-RD-01',
      purpose: 'clinical-care',
    });
    expect((await h.until(jobId, (p) => p.state !== 'running')).state).toBe('done');
    const rendererDir = tmp('renderer-');
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Cohort Desk</title>');
    const server = await startBrowserModeServer({
      rendererDir,
      logger: h.services.logger,
      services: () => h.services,
    });
    const app = createAppRequestHandler(rendererDir, {
      vault: h.services.vault,
      logger: h.services.logger,
    });
    try {
      const { headers: session } = await launchSession(server);
      const viaBrowser = (path: string, headers: Record<string, string> = {}) =>
        fetch(`${server.origin}${path}`, { headers: { ...session, ...headers } });
      // Both the current and the legacy file name: whichever the vault serves, the answers match.
      const paths = [
        '/vault/FI-RD-01/data.duckdb',
        '/vault/FI-RD-01/individuals.arrow',
        '/vault/FI-RD-01/secrets.arrow',
        '/vault/NOPE/data.duckdb',
        '/vault/%E0%A4%A/individuals.arrow',
      ];
      const served: string[] = [];
      for (const path of paths) {
        const res = await app(new Request(`${APP}${path}`));
        expect(res.headers.get('content-security-policy'), path).toBeTruthy();
        const a = await shape(res);
        expect(a, path).toEqual(await shape(await viaBrowser(path)));
        if (a.status === 200) {
          expect(a.cache).toBe('no-store');
          served.push(path);
        }
      }
      expect(served.length).toBeGreaterThan(0);
      const good = served[0] ?? '';

      const head = await app(new Request(`${APP}${good}`, { method: 'HEAD' }));
      expect(head.status).toBe(200);
      expect((await head.arrayBuffer()).byteLength).toBe(0);

      const foreign = { origin: 'https://evil.example' };
      const refused = await app(new Request(`${APP}${good}`, { headers: foreign }));
      expect(refused.status).toBe(403);
      expect((await viaBrowser(good, foreign)).status).toBe(403);
      expect(Buffer.from(await refused.arrayBuffer()).toString()).not.toContain('FI-RD-01-');
      expect((await app(new Request(`${APP}${good}`, { headers: { origin: APP } }))).status).toBe(
        200,
      );
      for (const request of [
        new Request(`${APP}${good}`, { method: 'POST', body: 'x' }),
        new Request(`${APP}${good}`, { method: 'DELETE' }),
        new Request(`app://elsewhere${good}`),
      ]) {
        const res = await app(request);
        expect(res.status, `${request.method} ${request.url}`).toBe(404);
        expect((await res.arrayBuffer()).byteLength).toBeLessThan(20);
      }

      clock += 6 * 60_000;
      const expired = await app(new Request(`${APP}${good}`));
      const a = await shape(expired);
      expect(a).toMatchObject({ status: 403, cache: 'no-store' });
      expect(a).toEqual(await shape(await viaBrowser(good)));
    } finally {
      await server.close();
      h.close();
    }
  }, 180_000);
});
