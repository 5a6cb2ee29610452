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
});
