import { safeStorage } from 'electron';
import type { KeyStorage } from './keyStorage';
import { memoryOnlyKeyStorage } from './keyStorage';

/**
 * Key storage over Electron safeStorage (AUTH-08). Refuses to persist when encryption is unavailable
 * or, on Linux, when the backend is `basic_text` (a hard-coded password: STANDARDS §0 finding 8).
 * Uses the async API that Electron ≥42 recommends; bytes travel as base64 through its string API.
 * Must be called after app 'ready' (before it the backend reads 'unknown').
 */
export async function createSafeStorageKeys(): Promise<KeyStorage> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) {
    return memoryOnlyKeyStorage(
      'this computer offers no protected secret store, so you will sign in again after each restart',
      'no-secure-store',
    );
  }
  if (process.platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    if (backend === 'basic_text' || backend === 'unknown') {
      return memoryOnlyKeyStorage(
        'no desktop keyring (GNOME Keyring or KWallet) was found, so your sign-in is kept in memory only; install or unlock a keyring to stay signed in across restarts',
        'no-keyring',
      );
    }
  }
  return {
    mode: 'secure-store',
    async seal(plain) {
      return safeStorage.encryptStringAsync(Buffer.from(plain).toString('base64'));
    },
    async open(sealed) {
      const { result } = await safeStorage.decryptStringAsync(Buffer.from(sealed));
      return Buffer.from(result, 'base64');
    },
  };
}
