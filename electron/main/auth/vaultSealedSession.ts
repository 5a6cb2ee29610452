import type { KeyStorage } from '../platform/keyStorage';
import type { KeyDeriver } from '../vault/keyHierarchy';
import { openSmall, sealSmall } from '../vault/chunkedCipher';
import type { TokenVault } from './tokenVault';
import { createTokenVault } from './tokenVault';

/** The sealed session's file under `<data>/auth/` when the vault key seals it (decision 0032). */
export const VAULT_SEALED_SESSION_FILE = 'session.vault.sealed';
const AAD = Buffer.from('cohort-desk session sealed under the vault key v1', 'utf8');

/**
 * A key storage over the vault's `session-token` key (decision 0032, AUTH-08): where no OS secret
 * store exists (the headless command line), the refresh token is sealed under a key derived from the
 * passphrase-derived vault master key, so it is as safe as the vault and opens only once the vault
 * is unlocked. AES-256-GCM with a fixed associated data that names this use.
 */
export function vaultKeyStorage(key: Buffer): KeyStorage {
  return {
    mode: 'secure-store',
    seal: (plain) => Promise.resolve(sealSmall(key, plain, AAD)),
    open: (sealed) => Promise.resolve(openSmall(key, sealed, AAD)),
  };
}

/**
 * The session's token vault once the vault is unlocked (decision 0032): `tokenVault` resolves with
 * the first keys the vault gives after `attach` (the vault is built after the session, which it
 * follows), so the auth service restores a saved session only after the unlock and never writes a
 * refresh token the vault key does not seal.
 */
export function tokenVaultAfterUnlock(dataDir: string): {
  tokenVault: Promise<TokenVault>;
  attach(onKeys: (listener: (derive: KeyDeriver) => void) => () => void): () => void;
} {
  let give: (v: TokenVault) => void = () => undefined;
  const tokenVault = new Promise<TokenVault>((resolve) => {
    give = resolve;
  });
  let given = false;
  return {
    tokenVault,
    attach(onKeys) {
      return onKeys((derive) => {
        if (given) return;
        given = true;
        give(
          createTokenVault(dataDir, vaultKeyStorage(derive('session-token')), {
            fileName: VAULT_SEALED_SESSION_FILE,
          }),
        );
      });
    },
  };
}

/** The auth options and the vault hook for a sealing mode (createMainServices; decision 0032). */
export function sessionSealingFor(
  mode: 'platform' | 'vault-key' | undefined,
  dataDir: string,
): {
  authOptions: { tokenVault?: Promise<TokenVault> };
  attach(onKeys: (listener: (derive: KeyDeriver) => void) => () => void): () => void;
} {
  if (mode !== 'vault-key') return { authOptions: {}, attach: () => () => undefined };
  const s = tokenVaultAfterUnlock(dataDir);
  return { authOptions: { tokenVault: s.tokenVault }, attach: (onKeys) => s.attach(onKeys) };
}
