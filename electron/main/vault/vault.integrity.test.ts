import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PullFederation, PullHarness } from '../pull/testing/pullHarness';
import { signedIn, tmp, usePullFederation } from '../pull/testing/pullHarness';
import { scopeOf } from './datasetFolder';
import { serveVaultTable } from './serveVaultTable';

let fed: PullFederation;
usePullFederation((started) => (fed = started));
// A test that revokes a grant gives it back even when it fails, so the next test starts clean.
afterEach(async () => {
  await fed.aai.admin.grant('clinician', 'SE-CA-01');
});

async function pull(h: PullHarness, dataDir: string, nodeId: string, datasetId: string) {
  const { jobId } = await h.invoke('pull:start', { nodeId, datasetId, purpose: 'clinical-care' });
  const end = await h.until(jobId, (p) => p.state !== 'running');
  expect(end.state, end.message).toBe('done');
  const s = await h.invoke('auth:session');
  const user = { sub: s.user?.sub ?? '', iss: s.broker?.issuer ?? '' };
  return join(dataDir, 'vault', scopeOf(user), datasetId);
}

const route = (h: PullHarness, id: string) =>
  serveVaultTable(h.services.vault, `/vault/${id}/data.duckdb`, h.services.logger).status;

describe('issue 12: the vault answers from what is on disk now', () => {
  it('issue 12: pulling a dataset again in the same session replaces data and key together; the new copy reads (no 500 from a stale key)', async () => {
    const dataDir = tmp('vault-repull-');
    const h = await signedIn({ fed, dataDir, user: 'clinician' });
    const dir = await pull(h, dataDir, 'SE', 'SE-CA-01');
    expect(route(h, 'SE-CA-01')).toBe(200); // the data key is now cached
    const firstKey = readFileSync(join(dir, 'key.wrapped'));
    const firstPulledAt = (await h.invoke('vault:list')).datasets[0]?.pulledAt;
    await pull(h, dataDir, 'SE', 'SE-CA-01');
    expect(readFileSync(join(dir, 'key.wrapped')).equals(firstKey)).toBe(false);
    expect(route(h, 'SE-CA-01')).toBe(200);
    const list = await h.invoke('vault:list');
    expect(list.datasets.map((d) => d.datasetId)).toEqual(['SE-CA-01']);
    expect(list.datasets[0]?.pulledAt).not.toBe(firstPulledAt);
    h.close();
  }, 120_000);

  it('issue 12: a deleted key.wrapped is noticed on the next read although the data key was cached, and the copy is purged', async () => {
    const dataDir = tmp('vault-nokey-');
    const h = await signedIn({ fed, dataDir, user: 'clinician' });
    const dir = await pull(h, dataDir, 'ES', 'ES-NE-01');
    expect(route(h, 'ES-NE-01')).toBe(200);
    rmSync(join(dir, 'key.wrapped'));
    expect(h.services.vault.readPart('ES-NE-01', 'database')).toMatchObject({
      ok: false,
      status: 410,
      message: expect.stringMatching(/key file of ES-NE-01 is missing/) as unknown,
    });
    h.services.vault.purge('hourly');
    expect(existsSync(dir)).toBe(false);
    expect((await h.invoke('vault:list')).removed[0]).toMatchObject({
      datasetId: 'ES-NE-01',
      reason: 'corrupt',
    });
    h.close();
  }, 120_000);

  it('issue 12 (attack): binding.json edited to claim another dataset’s grant cannot keep a revoked copy readable; it is refused and purged as tampered', async () => {
    let clock = Date.now();
    const dataDir = tmp('vault-binding-');
    const h = await signedIn({ fed, dataDir, user: 'clinician', now: () => clock });
    const se = await pull(h, dataDir, 'SE', 'SE-CA-01');
    const itCa = await pull(h, dataDir, 'IT', 'IT-CA-01');
    await fed.aai.admin.revoke('clinician', 'SE-CA-01');
    // The attacker points SE-CA-01's plaintext binding at IT-CA-01's grant, which is still held.
    writeFileSync(join(se, 'binding.json'), readFileSync(join(itCa, 'binding.json')));
    clock += 10 * 60_000;
    await h.services.auth.accessToken();
    expect(h.services.vault.readPart('SE-CA-01', 'database').ok).toBe(false);
    expect(existsSync(se)).toBe(false);
    expect((await h.invoke('vault:list')).removed).toEqual([
      expect.objectContaining({ datasetId: 'SE-CA-01', reason: 'tampered' }),
    ]);
    expect(readFileSync(h.services.audit.file, 'utf8')).toMatch(
      /"vault\.purge".*"datasetId":"SE-CA-01".*"reason":"tampered"/,
    );
    // An extended retention end is refused the same way.
    const b = JSON.parse(readFileSync(join(itCa, 'binding.json'), 'utf8')) as {
      expiresAt: string;
      visa: { exp: number };
    };
    b.visa.exp += 365 * 86_400;
    b.expiresAt = new Date(b.visa.exp * 1000).toISOString();
    writeFileSync(join(itCa, 'binding.json'), JSON.stringify(b));
    expect(h.services.vault.readPart('IT-CA-01', 'database')).toMatchObject({
      ok: false,
      status: 403,
    });
    h.close();
  }, 120_000);

  it('issue 12: a binding.json from before issue 12 (no MAC) stays readable when it matches the sealed manifest and is signed in place; one that does not match is refused', async () => {
    const dataDir = tmp('vault-oldbinding-');
    const h = await signedIn({ fed, dataDir, user: 'clinician' });
    const dir = await pull(h, dataDir, 'SE', 'SE-CA-01');
    const file = join(dir, 'binding.json');
    const { mac, ...unsigned } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(mac).toMatch(/^[0-9a-f]{64}$/);
    writeFileSync(file, JSON.stringify(unsigned));
    expect(h.services.vault.readPart('SE-CA-01', 'database').ok).toBe(true);
    expect((JSON.parse(readFileSync(file, 'utf8')) as { mac?: string }).mac).toBe(mac);
    writeFileSync(file, JSON.stringify({ ...unsigned, nodeId: 'IT' }));
    expect(h.services.vault.readPart('SE-CA-01', 'database')).toMatchObject({
      ok: false,
      status: 403,
    });
    h.close();
  }, 120_000);
});
