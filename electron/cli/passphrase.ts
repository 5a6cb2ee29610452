import { fstatSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { InvalidArgumentError, Option } from 'commander';

/** Thrown when no passphrase can be had; the message says what to do. */
export class NoPassphraseError extends Error {
  override readonly name = 'NoPassphraseError';
}

/**
 * `--passphrase-fd N` (issue 23): the vault passphrase is read from a file descriptor, never from
 * an argument or the environment, where it would reach shell history, `ps` and child processes.
 */
export const passphraseFdOption = (): Option =>
  new Option(
    '--passphrase-fd <n>',
    'read the vault passphrase from file descriptor N (its first line), e.g. 3<secret-file',
  ).argParser((v) => {
    const n = Number(v);
    // 0 is stdin; 1 and 2 are the output streams, never a secret's source.
    if (!Number.isInteger(n) || n < 0 || n === 1 || n === 2)
      throw new InvalidArgumentError(
        '--passphrase-fd takes a file descriptor number (0, or 3 and up)',
      );
    return n;
  });

/**
 * The passphrase from the descriptor: its first line, without the line ending. The descriptor is
 * read to its end (a pipe or a file) and left open: it belongs to whoever opened it.
 */
export function readPassphraseFd(fd: number): string {
  let text: string;
  try {
    // Only a file, pipe or terminal: a number the shell did not open may be one of Node's own
    // descriptors (an event queue), and reading that would never end. `npm run` and tsx pass on
    // descriptors 0–2 only, so through them the passphrase comes on stdin: --passphrase-fd 0.
    const st = fstatSync(fd);
    if (!st.isFile() && !st.isFIFO() && !st.isCharacterDevice()) throw new Error('not a stream');
    text = readFileSync(fd, 'utf8');
  } catch {
    throw new NoPassphraseError(
      `File descriptor ${String(fd)} is not an open file, pipe or terminal: through npm run only 0 reaches the command, so use --passphrase-fd 0 <file (or a pipe).`,
    );
  }
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  if (first === '')
    throw new NoPassphraseError(`File descriptor ${String(fd)} gave an empty passphrase.`);
  return first;
}

/**
 * The vault passphrase for the command line (issue 16): from a file descriptor the caller opened
 * (`--passphrase-fd 0 < secret-file`; `npm run` passes on only descriptors 0–2), or asked on the
 * terminal without echo. Never from an argument or the environment, which other users and shell
 * history can see. Undefined when neither gives one.
 */
export async function readPassphrase(
  fd: number | undefined,
  prompt = 'Vault passphrase: ',
): Promise<string | undefined> {
  if (fd !== undefined) {
    try {
      return readPassphraseFd(fd);
    } catch {
      return undefined;
    }
  }
  if (!process.stdin.isTTY || !process.stderr.isTTY) return undefined;
  process.stderr.write(prompt);
  const muted = new Writable({ write: (_chunk, _enc, done) => done() });
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
  try {
    return await new Promise<string>((resolve) => rl.question('', resolve));
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}
