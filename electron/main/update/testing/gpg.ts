import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A GPG key in a home of its own (tests: the release key, an attacker's key). */
export function gpgKey(name: string): { home: string; keyring: string } {
  const home = mkdtempSync(join(tmpdir(), `cd-gpg-${name}-`));
  const gpg = (...args: string[]) =>
    execFileSync('gpg', ['--homedir', home, '--batch', '--quiet', ...args], { stdio: 'pipe' });
  gpg(
    '--passphrase',
    '',
    '--quick-gen-key',
    `${name} <${name}@example.org>`,
    'ed25519',
    'sign',
    'never',
  );
  const keyring = join(home, 'public.gpg');
  writeFileSync(keyring, gpg('--export'));
  return { home, keyring };
}

/** An armoured detached signature of `file` by the key in `home`, as the release pipeline makes. */
export const gpgSign = (home: string, file: string): Buffer =>
  execFileSync('gpg', [
    '--homedir',
    home,
    '--batch',
    '--quiet',
    '--armor',
    '--detach-sign',
    '--output',
    '-',
    file,
  ]);
