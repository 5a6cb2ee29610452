import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PullFederation } from './testing/pullHarness';
import { signedIn, usePullFederation, tmp } from './testing/pullHarness';

let fed: PullFederation;
usePullFederation((started) => (fed = started));

describe('pull:check says exactly what forbids a local copy, and offers counts only (DATA-01, DATA-07)', () => {
  it('researcher (no controlled grant) is refused; pull:start refuses too, writes nothing, audits', async () => {
    const dataDir = tmp('vault-refuse-');
    const h = await signedIn({ fed, dataDir, user: 'researcher' });
    const target = { nodeId: 'FI', datasetId: 'FI-RD-01', purpose: 'research' } as const;
    const check = await h.invoke('pull:check', target);
    // A registered researcher gets counts at FI (issue 13: the refusal and its offer say what the
    // node gives, in the access table's words).
    expect(check).toMatchObject({ allowed: false, offer: 'counts-only' });
    expect(check.reasons).toEqual([
      'Your passport holds no valid controlled-access grant for FI-RD-01 (the node gives you counts); a local copy needs a controlled-access grant (PASS-03).',
    ]);
    // Issue 22 (decision 0070): each reason as a code the window words, in the same order.
    expect(check.said).toEqual([{ code: 'no-grant-count', params: { dataset: 'FI-RD-01' } }]);
    await expect(h.invoke('pull:start', target)).rejects.toThrow(
      /NOT_ALLOWED: .*controlled-access grant/,
    );
    // pull:start's refusal is a code too; the window asks pull:check for the reasons.
    expect(await h.services.router.invoke('pull:start', target, { url: 'test://' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED', key: 'pullRefused', params: { dataset: 'FI-RD-01' } },
    });
    expect((await h.invoke('pull:jobs')).jobs).toEqual([]);
    expect(existsSync(join(dataDir, 'vault'))).toBe(true);
    expect((await h.invoke('vault:list')).datasets).toEqual([]);
    expect(h.services.audit.verify().ok).toBe(true);
    expect(readFileSync(h.services.audit.file, 'utf8')).toContain('"type":"pull.refused"');
    h.close();
  }, 60_000);

  it('DUO mismatch: clinical care on a dataset without CC (PT-RD-01: HMB only) is refused; research is allowed', async () => {
    await fed.aai.admin.grant('clinician', 'PT-RD-01', { expiresInSec: 3600 });
    const h = await signedIn({ fed, dataDir: tmp('vault-duo-'), user: 'clinician' });
    const clinical = await h.invoke('pull:check', {
      nodeId: 'PT',
      datasetId: 'PT-RD-01',
      purpose: 'clinical-care',
    });
    expect(clinical).toEqual({
      allowed: false,
      offer: 'counts-only',
      reasons: [
        "The dataset's data use conditions do not permit clinical care: it needs clinical care use (DUO:0000043); the dataset has health or medical or biomedical research (DUO:0000006).",
      ],
      said: [
        {
          code: 'purpose-clinical-care',
          terms: [{ id: 'DUO:0000006', label: 'health or medical or biomedical research' }],
        },
      ],
    });
    expect(
      await h.invoke('pull:check', { nodeId: 'PT', datasetId: 'PT-RD-01', purpose: 'research' }),
    ).toEqual({ allowed: true, reasons: [] });
    // FI-RD-01 has CC + HMB: both purposes pass.
    expect(
      (await h.invoke('pull:check', { nodeId: 'FI', datasetId: 'FI-RD-01', purpose: 'research' }))
        .allowed,
    ).toBe(true);
    h.close();
    await fed.aai.admin.revoke('clinician', 'PT-RD-01');
  }, 60_000);

  it('a node dataset that forbids local copies (IT-RD-01, allowLocalCopies false) is refused even with a grant', async () => {
    const h = await signedIn({ fed, dataDir: tmp('vault-nocopy-'), user: 'conditional' });
    const check = await h.invoke('pull:check', {
      nodeId: 'IT',
      datasetId: 'IT-RD-01',
      purpose: 'research',
    });
    expect(check).toEqual({
      allowed: false,
      offer: 'counts-only',
      reasons: ['Node IT does not allow local copies of IT-RD-01.'],
      said: [{ code: 'node-forbids-copies', params: { node: 'IT', dataset: 'IT-RD-01' } }],
    });
    h.close();
  }, 60_000);

  it('settings allowLocalCache=false forbids every pull, named as such', async () => {
    const h = await signedIn({ fed, dataDir: tmp('vault-setting-'), user: 'clinician' });
    await h.invoke('settings:set', { allowLocalCache: false });
    const check = await h.invoke('pull:check', {
      nodeId: 'FI',
      datasetId: 'FI-RD-01',
      purpose: 'clinical-care',
    });
    expect(check.reasons).toEqual([
      expect.stringMatching(/turned off in Settings or by your hospital’s policy/),
    ]);
    expect(check.said).toEqual([{ code: 'cache-off' }]);
    h.close();
  }, 60_000);
});
