import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionSummary } from '../../../shared/auth/session';
import { testKeyStorage } from '../platform/keyStorage';
import { createHarness } from './testing/harness';
import type { SharedFederation } from '../testing/sharedFederation';
import { sharedFederation } from '../testing/sharedFederation';

let fed: SharedFederation;
const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));
const KEY = Buffer.alloc(32, 7);

beforeAll(() => {
  // Only reads from the federation: the shared one (issue 14: test time).
  fed = sharedFederation();
});

const byId = (s: SessionSummary) => new Map(s.access.map((a) => [a.datasetId, a]));

async function signedIn(user: string, dataDir = tmp('app-')) {
  const h = await createHarness({ fed, dataDir, user, keyStorage: testKeyStorage(KEY) });
  const summary = await h.invoke('auth:signIn', {});
  return { h, summary, dataDir };
}

/** Every file under a folder, recursively. */
function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

describe('sign-in against the demo federation (issue 4, AUTH-01..08, PASS-01..05)', () => {
  it('AUTH-01/02: clinician signs in through the system browser; record access on their four grants', async () => {
    const { h, summary } = await signedIn('clinician');
    expect(summary.error).toBeUndefined();
    expect(summary.state).toBe('signed-in');
    expect(summary.user?.sub).toBe('clinician');
    expect(summary.persistence).toEqual({ mode: 'secure-store' });
    const access = byId(summary);
    for (const id of ['FI-RD-01', 'IT-CA-01', 'ES-NE-01', 'SE-CA-01'])
      expect(access.get(id)).toMatchObject({
        granularity: 'record',
        level: 'controlled',
        expired: false,
      });
    expect(access.get('FI-RD-01')).toMatchObject({
      nodeId: 'FI',
      country: 'Finland',
      title: 'Finnish rare disease cohort',
    });
    expect(access.get('FI-RD-01')?.duo.map((d) => d.id)).toEqual(['DUO:0000043', 'DUO:0000006']);
    // Issue 13: what the node answers, not the passport's guess: registered access gives counts
    // on Portugal's controlled dataset.
    expect(access.get('PT-RD-01')).toMatchObject({ granularity: 'count', granularityFrom: 'node' });
    expect(access.get('ES-AF-01')).toMatchObject({ granularity: 'count', level: 'public' });
    expect(access.size).toBe(9);
    // AUTH-01: the authorization URL used S256, never plain; the listener page says the tab can close.
    const auth = new URL(h.opened[0]!);
    expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
    expect(auth.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    const page = await h.lastLogin!;
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.body).toContain('You can close this tab');
    // The renderer saw signing-in, then signed-in; never a token.
    expect(h.changes.map((c) => c.state)).toEqual(['signing-in', 'signed-in']);
    expect(JSON.stringify(h.changes)).not.toContain('eyJ');
    h.close();
  });

  it('researcher: counts on registered and (as the nodes answer, issue 13) controlled datasets', async () => {
    const { h, summary } = await signedIn('researcher');
    const access = byId(summary);
    expect(access.get('FI-NE-01')).toMatchObject({ granularity: 'count', level: 'registered' });
    expect(access.get('SE-NE-01')?.granularity).toBe('count');
    expect(access.get('FI-NE-01')?.expiresAt).toBeDefined();
    expect(access.get('FI-RD-01')?.granularity).toBe('count');
    expect(summary.ignoredVisas).toEqual([]);
    h.close();
  });

  it('novisa: public only', async () => {
    const { h, summary } = await signedIn('novisa');
    const counted = summary.access
      .filter((a) => a.granularity !== 'boolean')
      .map((a) => a.datasetId);
    expect(counted).toEqual(['ES-AF-01']);
    h.close();
  });

  it('PASS-02 conditions: conditional gets IT-RD-01; PT-RD-01 is ignored with its reason', async () => {
    const { h, summary } = await signedIn('conditional');
    const access = byId(summary);
    expect(access.get('IT-RD-01')?.granularity).toBe('record');
    // The unmet grant gives no records; registered access still gives counts (issue 13).
    expect(access.get('PT-RD-01')?.granularity).toBe('count');
    expect(summary.ignoredVisas).toEqual([
      expect.objectContaining({
        type: 'ControlledAccessGrants',
        value: expect.stringContaining('/datasets/PT-RD-01') as unknown,
        reason: 'its conditions are not met by your other visas',
      }),
    ]);
    h.close();
  });

  it('expiring: the FI-RD-01 grant ends in about 5 minutes and is expiring soon', async () => {
    const { h, summary } = await signedIn('expiring');
    const grant = byId(summary).get('FI-RD-01')!;
    expect(grant.granularity).toBe('record');
    expect(grant.expiringSoon).toBe(true);
    const left = Date.parse(grant.expiresAt!) - Date.now();
    expect(left).toBeGreaterThan(4 * 60_000);
    expect(left).toBeLessThanOrEqual(5 * 60_000 + 2_000);
    h.close();
  });

  it('AUTH-06/08: the session survives a restart with the test key provider; nothing JWT-shaped at rest', async () => {
    const { h, dataDir } = await signedIn('clinician');
    h.close();
    const again = await createHarness({ fed, dataDir, keyStorage: testKeyStorage(KEY) });
    const resumed = await again.services.auth.restore();
    expect(resumed.state).toBe('signed-in');
    expect(byId(resumed).get('IT-CA-01')?.granularity).toBe('record');
    for (const file of walk(dataDir))
      expect(readFileSync(file, 'latin1'), file).not.toContain('eyJ');
    again.close();
  });

  it('AUTH-08: memory-only key storage persists nothing and says why', async () => {
    const dataDir = tmp('app-');
    const h = await createHarness({ fed, dataDir, user: 'clinician' });
    const summary = await h.invoke('auth:signIn', {});
    expect(summary.state).toBe('signed-in');
    expect(summary.persistence.mode).toBe('memory-only');
    expect(summary.persistence.reason).toMatch(/browser mode/);
    // The window words the code in the reader's language (issue 22, decision 0076).
    expect(summary.persistence.why).toBe('browser-mode');
    h.close();
    const again = await createHarness({ fed, dataDir, keyStorage: testKeyStorage(KEY) });
    expect((await again.services.auth.restore()).state).toBe('signed-out');
    again.close();
  });
});
