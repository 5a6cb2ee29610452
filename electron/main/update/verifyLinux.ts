import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Checks a downloaded Linux update (AppImage, deb, rpm) against the detached GPG signature the
 * release pipeline publishes next to it (`<file>.asc`, scripts/checksums.mjs), with gpgv and only
 * the keyring shipped inside the app (resources/update-keys). electron-updater checks the sha512
 * from the feed's manifest, which protects against a broken download, not against a feed that was
 * changed: the signature does (issue 21). Every failure is a refusal: null means verified.
 */
export async function verifyLinuxUpdate(opts: {
  file: string;
  signatureUrl: string;
  keyring: string;
  fetch: typeof fetch;
  gpgv?: string;
}): Promise<string | null> {
  if (!existsSync(opts.keyring))
    return 'this build has no pinned update signing key, so no update can be verified';
  let signature: Buffer;
  try {
    const res = await opts.fetch(opts.signatureUrl, { signal: AbortSignal.timeout(30_000) });
    if (!res.ok)
      return `the update's signature ${opts.signatureUrl} could not be fetched (HTTP ${res.status})`;
    signature = Buffer.from(await res.arrayBuffer());
  } catch (error: unknown) {
    return `the update's signature could not be fetched: ${error instanceof Error ? error.message : String(error)}`;
  }
  const dir = mkdtempSync(join(tmpdir(), 'cohort-desk-update-'));
  try {
    const sigFile = join(dir, 'update.asc');
    writeFileSync(sigFile, signature);
    return await new Promise((resolve) => {
      execFile(
        opts.gpgv ?? 'gpgv',
        ['--homedir', dir, '--keyring', opts.keyring, sigFile, opts.file],
        { timeout: 60_000 },
        (error, _stdout, stderr) => {
          if (error === null) resolve(null);
          else if ((error as NodeJS.ErrnoException).code === 'ENOENT')
            resolve('gpgv is not installed, so the update cannot be verified');
          else
            resolve(
              `the update's signature does not verify with the pinned key: ${stderr.trim().split('\n').pop() ?? ''}`,
            );
        },
      );
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
