import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PullHarness, PullFederation } from '../pull/testing/pullHarness';
import { signedIn, usePullFederation, tmp } from '../pull/testing/pullHarness';
import { VaultIntegrityError } from './chunkedCipher';
import { scopeOf, unwrapDataKey } from './datasetFolder';
import { serveVaultTable } from './serveVaultTable';

let fed: PullFederation;
usePullFederation((started) => (fed = started));

async function pull(h: PullHarness, nodeId: string, datasetId: string): Promise<string> {
  const { jobId } = await h.invoke('pull:start', { nodeId, datasetId, purpose: 'clinical-care' });
  const end = await h.until(jobId, (p) => p.state !== 'running');
  expect(end.state, end.message).toBe('done');
  const session = await h.invoke('auth:session');
  const user = { sub: session.user?.sub ?? '', iss: session.broker?.issuer ?? '' };
  return join(dataRoot, 'vault', scopeOf(user), datasetId);
}

let dataRoot = '';
const auditText = (h: PullHarness) => readFileSync(h.services.audit.file, 'utf8');

describe('expiry, revocation, tampering and user switch (PASS-03, DATA-05, DATA-09)', () => {
  it('revoked at the AAI: on the next passport refresh the route refuses and the purge deletes key and files, with an audit entry', async () => {
    let clock = Date.now();
    dataRoot = tmp('vault-revoke-');
    const h = await signedIn({ fed, dataDir: dataRoot, user: 'clinician', now: () => clock });
    const dir = await pull(h, 'SE', 'SE-CA-01');
    expect(h.services.vault.readPart('SE-CA-01', 'database').ok).toBe(true);
    // One flipped byte in a data file: detected, a clean 500, no crash.
    const file = join(dir, 'data.duckdb.sealed');
    const good = readFileSync(file);
    const bad = Buffer.from(good);
    bad[Math.floor(bad.length / 2)] = (bad[Math.floor(bad.length / 2)] ?? 0) ^ 0x40;
    writeFileSync(file, bad);
    expect(() => h.services.vault.readPart('SE-CA-01', 'database')).toThrow(VaultIntegrityError);
    expect(
      serveVaultTable(h.services.vault, '/vault/SE-CA-01/data.duckdb', h.services.logger).status,
    ).toBe(500);
    writeFileSync(file, good);
    expect(
      serveVaultTable(h.services.vault, '/vault/SE-CA-01/data.duckdb', h.services.logger).status,
    ).toBe(200);

    await fed.aai.admin.revoke('clinician', 'SE-CA-01');
    clock += 10 * 60_000; // past the access token's lifetime: the next token refreshes the passport
    await h.services.auth.accessToken();
    expect(
      serveVaultTable(h.services.vault, '/vault/SE-CA-01/data.duckdb', h.services.logger).status,
    ).toBe(404);
    expect(existsSync(dir)).toBe(false);
    const list = await h.invoke('vault:list');
    expect(list.datasets.map((d) => d.datasetId)).not.toContain('SE-CA-01');
    expect(list.removed).toEqual([
      expect.objectContaining({ datasetId: 'SE-CA-01', reason: 'visa-revoked' }),
    ]);
    expect(h.vaultChanges.at(-1)?.removed[0]?.datasetId).toBe('SE-CA-01');
    expect(auditText(h)).toMatch(
      /"type":"vault\.purge".*"datasetId":"SE-CA-01".*"reason":"visa-revoked"|"type":"vault\.purge".*"reason":"visa-revoked".*"datasetId":"SE-CA-01"/,
    );
    expect(h.services.audit.verify().ok).toBe(true);
    h.close();
  }, 120_000);

  it('expired by the AAI admin: the refreshed passport lacks the grant → purged at once', async () => {
    let clock = Date.now();
    dataRoot = tmp('vault-adminexp-');
    const h = await signedIn({ fed, dataDir: dataRoot, user: 'clinician', now: () => clock });
    const dir = await pull(h, 'IT', 'IT-CA-01');
    await fed.aai.admin.expire('clinician', 'IT-CA-01');
    clock += 10 * 60_000;
    await h.services.auth.accessToken();
    expect(h.services.vault.readPart('IT-CA-01', 'database')).toMatchObject({
      ok: false,
      status: 404,
    });
    expect(existsSync(dir)).toBe(false);
    expect(auditText(h)).toContain('"type":"vault.purge"');
    h.close();
  }, 120_000);

  it('visa exp passes (account "expiring"): unreadable at once (403, key dropped), deleted at the next purge with reason visa-expired', async () => {
    let clock = Date.now();
    dataRoot = tmp('vault-exp-');
    const h = await signedIn({ fed, dataDir: dataRoot, user: 'expiring', now: () => clock });
    const dir = await pull(h, 'FI', 'FI-RD-01');
    expect(h.services.vault.readPart('FI-RD-01', 'database').ok).toBe(true);
    clock += 6 * 60_000;
    const refused = h.services.vault.readPart('FI-RD-01', 'database');
    expect(refused).toMatchObject({
      ok: false,
      status: 403,
      message: expect.stringMatching(/expired/) as unknown,
    });
    expect(existsSync(join(dir, 'key.wrapped'))).toBe(true);
    h.services.vault.purge('hourly');
    expect(existsSync(dir)).toBe(false);
    expect((await h.invoke('vault:list')).removed[0]).toMatchObject({
      datasetId: 'FI-RD-01',
      reason: 'visa-expired',
    });
    expect(auditText(h)).toMatch(/vault\.purge.*visa-expired/);
    h.close();
  }, 120_000);

  it('another signed-in user gets another folder and cannot unwrap the first user’s keys', async () => {
    dataRoot = tmp('vault-switch-');
    const a = await signedIn({ fed, dataDir: dataRoot, user: 'clinician' });
    const dir = await pull(a, 'ES', 'ES-NE-01');
    const sa = await a.invoke('auth:session');
    a.close();
    const b = await signedIn({ fed, dataDir: dataRoot, user: 'expiring' });
    const sb = await b.invoke('auth:session');
    expect(sb.user?.sub).not.toBe(sa.user?.sub);
    expect((await b.invoke('vault:list')).datasets).toEqual([]);
    expect(b.services.vault.readPart('ES-NE-01', 'database')).toMatchObject({
      ok: false,
      status: 404,
    });
    const w = b.services.vault.writer();
    if (w === undefined) throw new Error('vault locked');
    const userB = { sub: sb.user?.sub ?? '', iss: sb.broker?.issuer ?? '' };
    expect(() => unwrapDataKey(dir, userB, 'ES-NE-01', w.masterKey)).toThrow(VaultIntegrityError);
    expect(existsSync(dir)).toBe(true); // not B's to delete
    b.close();
  }, 120_000);
});
