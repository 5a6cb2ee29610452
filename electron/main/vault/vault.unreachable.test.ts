import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PullFederation, PullHarness } from '../pull/testing/pullHarness';
import { signedIn, TEST_KEYS, tmp, usePullFederation } from '../pull/testing/pullHarness';
import { createHarness } from '../auth/testing/harness';
import { scopeOf } from './datasetFolder';

let fed: PullFederation;
usePullFederation((started) => (fed = started));
// A test that revokes a grant gives it back even when it fails, so the next test starts clean.
afterEach(async () => {
  for (const n of fed.nodes) n.setFaults({});
  await fed.aai.admin.grant('clinician', 'SE-CA-01');
});

const node = (id: string) => {
  const n = fed.nodes.find((x) => x.id === id);
  if (n === undefined) throw new Error(`no node ${id}`);
  return n;
};

async function pull(h: PullHarness, dataDir: string, nodeId: string, datasetId: string) {
  const { jobId } = await h.invoke('pull:start', { nodeId, datasetId, purpose: 'clinical-care' });
  const end = await h.until(jobId, (p) => p.state !== 'running');
  expect(end.state, end.message).toBe('done');
  const s = await h.invoke('auth:session');
  return join(
    dataDir,
    'vault',
    scopeOf({ sub: s.user?.sub ?? '', iss: s.broker?.issuer ?? '' }),
    datasetId,
  );
}

const purges = (dataDir: string): string[] =>
  readFileSync(join(dataDir, 'audit', 'audit.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.includes('"vault.purge"'));

describe('issue 12: unreachable is not revoked (PASS-03, DATA-05)', () => {
  it('issue 12: a node down at the passport refresh deletes nothing and records no revocation; the copy stays readable under the passport’s grant, and a real revocation still purges', async () => {
    let clock = Date.now();
    const dataDir = tmp('vault-down-');
    const h = await signedIn({ fed, dataDir, user: 'clinician', now: () => clock });
    const dir = await pull(h, dataDir, 'SE', 'SE-CA-01');

    node('SE').setFaults({ down: true });
    clock += 10 * 60_000; // past the access token: the next token re-reads passport and catalogue
    await h.services.auth.accessToken();
    expect((await h.invoke('auth:session')).nodeProblems?.map((p) => p.nodeId)).toEqual(['SE']);
    // Issue 22: why, as a code the renderer words (decision 0063); the English stays beside it.
    const [problem] = (await h.invoke('auth:session')).nodeProblems ?? [];
    expect(problem).toMatchObject({ nodeId: 'SE', why: 'unreachable' });
    expect(problem?.name).not.toBe('');
    expect(existsSync(join(dir, 'key.wrapped'))).toBe(true);
    expect(h.services.vault.readPart('SE-CA-01', 'database').ok).toBe(true);
    const list = await h.invoke('vault:list');
    expect(list.datasets.map((d) => d.datasetId)).toEqual(['SE-CA-01']);
    expect(list.removed).toEqual([]);
    expect(list.notes).toEqual([
      {
        datasetId: 'SE-CA-01',
        readable: true,
        message: expect.stringMatching(
          /Node SE could not be reached.*still holds the grant/,
        ) as unknown,
        said: expect.objectContaining({ code: 'node-unreachable' }) as unknown,
      },
    ]);
    expect(purges(dataDir)).toEqual([]);
    expect(readFileSync(h.services.audit.file, 'utf8')).toMatch(
      /"vault\.check_deferred".*SE-CA-01/,
    );

    // The passport decides, reachable node or not: a revocation at the AAI still deletes the copy.
    await fed.aai.admin.revoke('clinician', 'SE-CA-01');
    clock += 10 * 60_000;
    await h.services.auth.accessToken();
    expect(existsSync(dir)).toBe(false);
    expect((await h.invoke('vault:list')).removed).toEqual([
      expect.objectContaining({ datasetId: 'SE-CA-01', reason: 'visa-revoked' }),
    ]);
    expect(purges(dataDir)).toEqual([expect.stringMatching(/visa-revoked/)]);
    h.close();
  }, 120_000);

  it('issue 12: a grant that expires while its node is down is purged as visa-expired, never as revoked', async () => {
    let clock = Date.now();
    const dataDir = tmp('vault-down-exp-');
    const h = await signedIn({ fed, dataDir, user: 'expiring', now: () => clock });
    const dir = await pull(h, dataDir, 'FI', 'FI-RD-01');
    node('FI').setFaults({ down: true });
    clock += 6 * 60_000;
    await h.services.auth.accessToken();
    h.services.vault.purge('hourly');
    expect(existsSync(dir)).toBe(false);
    expect((await h.invoke('vault:list')).removed).toEqual([
      expect.objectContaining({ datasetId: 'FI-RD-01', reason: 'visa-expired' }),
    ]);
    expect(purges(dataDir)).toEqual([expect.stringMatching(/visa-expired/)]);
    h.close();
  }, 120_000);

  it('issue 12: a failing federation directory URL deletes nothing, says access could not be checked (not "revoked"), and after a restart keeps the copy locked', async () => {
    let clock = Date.now();
    const dataDir = tmp('vault-dir-');
    const failing = createServer((_req, res) => {
      res.writeHead(503).end('maintenance');
    });
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${String((failing.address() as AddressInfo).port)}/federation.json`;
    const h = await signedIn({ fed, dataDir, user: 'clinician', now: () => clock });
    const dir = await pull(h, dataDir, 'ES', 'ES-NE-01');
    expect(h.services.vault.readPart('ES-NE-01', 'database').ok).toBe(true);

    h.services.settings.set({ federationConfigUrl: url });
    clock += 10 * 60_000;
    await h.services.auth.accessToken();
    const session = await h.invoke('auth:session');
    expect(session.error?.code).not.toBe('access_revoked');
    expect(existsSync(join(dir, 'key.wrapped'))).toBe(true);
    expect(h.services.vault.readPart('ES-NE-01', 'database').ok).toBe(true);
    expect((await h.invoke('vault:list')).notes).toEqual([
      {
        datasetId: 'ES-NE-01',
        readable: true,
        message: expect.stringMatching(
          /could not be checked: The federation directory at .* HTTP 503.*last confirmed/,
        ) as unknown,
        // Issue 22, decision 0076: the directory's problem travels as its code and values.
        said: {
          code: 'unverifiable-kept',
          params: expect.objectContaining({
            dataset: 'ES-NE-01',
            directory: 'unusable',
            directoryCause: 'http',
            http: '503',
          }) as unknown,
        },
      },
    ]);
    expect(purges(dataDir)).toEqual([]);
    h.close();

    // Restarted with the directory still failing: no broker to resume with, nothing deleted.
    const again = await createHarness({ fed, dataDir, keyStorage: TEST_KEYS });
    expect((await again.services.auth.restore()).state).toBe('signed-out');
    again.services.vault.purge('hourly');
    expect(existsSync(join(dir, 'key.wrapped'))).toBe(true);
    expect(purges(dataDir)).toEqual([]);
    again.close();
    failing.close();
  }, 120_000);
});
