import { afterAll, describe, expect, it } from 'vitest';
import { memoryOnlyKeyStorage } from '../platform/keyStorage';
import { openCaseHarness, PAGE } from './testing/caseHarness';

// Issue 22: main's reason for an empty case list is a code the renderer words, as the vault's lock
// reasons are (decision 0058); the English stays for the command line and the logs.
const h = openCaseHarness({ keyStorage: memoryOnlyKeyStorage('browser mode', 'browser-mode') });
afterAll(async () => {
  await h.close();
});

describe('issue 22: the case list of a locked vault', () => {
  it('issue 22: says why it lists nothing as a code beside main’s English', async () => {
    await expect.poll(() => h.services.vault.list().why).toBe('passphrase');
    const r = await h.services.router.invoke('case:list', undefined, PAGE);
    expect(r).toMatchObject({
      ok: true,
      value: {
        cases: [],
        locked: true,
        why: 'vault-locked',
        message: 'Unlock the vault to see your cases.',
      },
    });
  });

  it('issue 22: refuses to open a case, or remove a copy, with codes beside main’s English', async () => {
    await expect.poll(() => h.services.vault.list().why).toBe('passphrase');
    expect(
      await h.services.router.invoke('case:variants', { caseId: 'CASE-1', limit: 10 }, PAGE),
    ).toEqual({
      ok: false,
      error: {
        code: 'INVALID_REQUEST',
        message: 'Unlock the vault to open cases.',
        where: 'caseId',
        key: 'unlockToOpenCases',
      },
    });
    expect(await h.services.router.invoke('vault:remove', { datasetId: 'DS1' }, PAGE)).toEqual({
      ok: false,
      error: {
        code: 'NOT_ALLOWED',
        message: 'The vault is locked: unlock it first.',
        key: 'vaultLockedRemove',
      },
    });
  });
});
