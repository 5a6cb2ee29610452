import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAuditLog } from '../audit/auditLog';
import { createMemoryLogger } from '../logging/logger';
import { memoryOnlyKeyStorage, testKeyStorage } from '../platform/keyStorage';
import { WrongPassphraseError } from './masterKey';
import { createVaultService } from './vaultService';

const noSession = { grants: () => undefined, onChange: () => () => undefined };

function vaultOver(dataDir: string, keys: ReturnType<typeof testKeyStorage>) {
  return createVaultService({
    dataDir,
    keyStorage: () => Promise.resolve(keys),
    auth: noSession,
    audit: openAuditLog({ dir: join(dataDir, 'audit') }),
    logger: createMemoryLogger(),
  });
}

describe('vault master key: key storage, passphrase, wrong key', () => {
  it('without secure key storage the vault is locked until a passphrase unlocks it; a wrong one is a typed error', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vault-lock-'));
    const keys = memoryOnlyKeyStorage('browser mode');
    const v = vaultOver(dataDir, keys);
    await expect.poll(() => v.list().message).toMatch(/passphrase/);
    expect(v.list()).toMatchObject({ locked: true, datasets: [] });
    expect(v.readPart('FI-RD-01', 'database')).toMatchObject({
      ok: false,
      status: 403,
      said: { code: 'signed-out' },
    });
    expect((await v.unlock('correct horse battery staple')).locked).toBe(false);
    v.close();
    const again = vaultOver(dataDir, keys);
    await expect(again.unlock('wrong horse battery staple')).rejects.toThrow(WrongPassphraseError);
    expect(again.list().locked).toBe(true);
    expect((await again.unlock('correct horse battery staple')).locked).toBe(false);
    again.close();
  });

  it('issue 22: the lock reason comes as codes too, for the renderer to word in the user’s language', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vault-why-'));
    const v = vaultOver(dataDir, memoryOnlyKeyStorage('browser mode', 'browser-mode'));
    await expect.poll(() => v.list().why).toBe('passphrase');
    expect(v.list()).toMatchObject({ locked: true, storage: 'browser-mode' });
    await v.unlock('correct horse battery staple');
    // Open and signed out: why it lists nothing.
    expect(v.list()).toMatchObject({ locked: false, why: 'signed-out' });
    v.close();
  });

  it('a master key sealed by another key provider fails cleanly: locked with a reason, no crash', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vault-key-'));
    const first = vaultOver(dataDir, testKeyStorage(Buffer.alloc(32, 1)));
    await expect.poll(() => first.list().locked).toBe(false);
    first.close();
    const other = vaultOver(dataDir, testKeyStorage(Buffer.alloc(32, 2)));
    await expect.poll(() => other.list().message).toMatch(/cannot be opened|could not be opened/);
    expect(other.list()).toMatchObject({ locked: true, why: 'key-storage-failed' });
    other.close();
  });
});
