import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/**
 * The vault passphrase for the command line (issue 16; issue 23 adds `login`): read from a file
 * descriptor the caller opened (`--passphrase-fd 0 < secret-file`; `npm run` passes on only
 * descriptors 0–2), or asked on the
 * terminal without echo. Never from an argument or the environment, which other users and shell
 * history can see.
 */
export async function readPassphrase(fd: number | undefined): Promise<string | undefined> {
  if (fd !== undefined) {
    try {
      return readFileSync(fd, 'utf8').replace(/\r?\n$/, '');
    } catch {
      // `npm run` passes on only 0–2: use --passphrase-fd 0 < file there.
      return undefined;
    }
  }
  if (!process.stdin.isTTY || !process.stderr.isTTY) return undefined;
  process.stderr.write('Vault passphrase: ');
  const muted = new Writable({ write: (_chunk, _enc, done) => done() });
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
  try {
    return await new Promise<string>((resolve) => rl.question('', resolve));
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}
