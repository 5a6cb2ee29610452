import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scopeOf } from '../vault/datasetFolder';
import type { PullFederation } from './testing/pullHarness';
import { signedIn, switchableBrowser, tmp, usePullFederation } from './testing/pullHarness';

let fed: PullFederation;
usePullFederation((started) => (fed = started));
// A test that revokes a grant gives it back even when it fails, so the next test starts clean.
afterEach(async () => {
  for (const n of fed.nodes) n.setFaults({});
  await fed.aai.admin.grant('clinician', 'FI-RD-01');
});

const target = { nodeId: 'FI', datasetId: 'FI-RD-01', purpose: 'clinical-care' } as const;
const fi = () => fed.nodes.find((n) => n.id === 'FI');

describe('issue 12: staged pulls are visible to their owner and never outlive their grant', () => {
  it('issue 12: an interrupted pull’s staged pages are purged with its revoked grant (node down or not), the job says why, and the purge is audited', async () => {
    let clock = Date.now();
    const dataDir = tmp('vault-staging-');
    const h = await signedIn({ fed, dataDir, user: 'clinician', now: () => clock });
    const { jobId } = await h.invoke('pull:start', target);
    await h.until(jobId, (p) => p.records >= 400);
    fi()?.setFaults({ down: true });
    expect((await h.until(jobId, (p) => p.state !== 'running')).state).toBe('paused');
    const s = await h.invoke('auth:session');
    const userDir = join(
      dataDir,
      'vault',
      scopeOf({ sub: s.user?.sub ?? '', iss: s.broker?.issuer ?? '' }),
    );
    const staged = join(userDir, '.staging', jobId);
    expect(readdirSync(join(staged, 'pages')).length).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(join(staged, 'binding.json'), 'utf8'))).toMatchObject({
      datasetId: 'FI-RD-01',
      mac: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
    });

    await fed.aai.admin.revoke('clinician', 'FI-RD-01');
    clock += 10 * 60_000;
    await h.services.auth.accessToken();
    expect(existsSync(staged)).toBe(false);
    const jobs = (await h.invoke('pull:jobs')).jobs;
    expect(jobs).toEqual([
      expect.objectContaining({
        jobId,
        state: 'failed',
        message: expect.stringMatching(/no longer holds the access grant for FI-RD-01/) as unknown,
        // Issue 22: why the vault deleted the staged pages, as its notes word it (decision 0070).
        purged: { code: 'revoked', params: { dataset: 'FI-RD-01' } },
      }),
    ]);
    expect(readFileSync(h.services.audit.file, 'utf8')).toMatch(
      /"pull\.staging_purged".*"datasetId":"FI-RD-01".*"reason":"visa-revoked"/,
    );
    h.close();
  }, 120_000);

  it('issue 13: pull jobs belong to their user: after sign-out, and signed in as someone else, none is listed or controllable; the owner finds the interrupted job again', async () => {
    const dataDir = tmp('vault-jobs-');
    const person = await switchableBrowser();
    const h = await signedIn({ fed, dataDir, user: 'clinician', browser: person.browser });
    const { jobId } = await h.invoke('pull:start', target);
    await h.until(jobId, (p) => p.records >= 400);
    expect(await h.invoke('pull:pause', { jobId })).toEqual({ ok: true });
    // Issue 22: the pause's words as a code the renderer words, beside main's English (0063).
    expect(await h.until(jobId, (p) => p.state === 'paused')).toMatchObject({
      message: 'Paused.',
      said: { key: 'paused' },
    });

    await h.invoke('auth:signOut');
    expect((await h.invoke('pull:jobs')).jobs).toEqual([]);
    await person.nextPerson();
    h.user = 'researcher';
    expect((await h.invoke('auth:signIn', {})).user?.sub).toBeDefined();
    expect((await h.invoke('pull:jobs')).jobs).toEqual([]);
    expect(await h.invoke('pull:resume', { jobId })).toEqual({ ok: false });
    expect(await h.invoke('pull:cancel', { jobId })).toEqual({ ok: false });

    await h.invoke('auth:signOut');
    await person.nextPerson();
    h.user = 'clinician';
    await h.invoke('auth:signIn', {});
    expect((await h.invoke('pull:jobs')).jobs.map((j) => [j.jobId, j.state])).toEqual([
      [jobId, 'paused'],
    ]);
    expect(await h.invoke('pull:cancel', { jobId })).toEqual({ ok: true });
    h.close();
  }, 120_000);
});
