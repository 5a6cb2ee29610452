import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { MAX_TEXT_FILE } from '../../../shared/cases/fileRef';
import { EXIT } from '../exitCodes';
import type { ExitCode } from '../exitCodes';
import type { CliContext } from '../io';
import { wholeNumber } from '../options';
import { exitForError } from '../results';
import type { CliTransport } from '../transport';

/** A usage or refusal that ends the command with its exit code and message. */
export class Stop extends Error {
  constructor(
    readonly code: ExitCode,
    message: string,
  ) {
    super(message);
  }
}

/** Runs a command's body: its exit code, or a Stop's message on stderr and its code. */
export type Run = (fn: () => Promise<ExitCode>) => Promise<void>;

/** The Run for one command line, reporting the exit code through `setExit`. */
export const runner =
  (ctx: CliContext, setExit: (code: ExitCode) => void): Run =>
  async (fn) => {
    try {
      setExit(await fn());
    } catch (error: unknown) {
      if (!(error instanceof Stop)) throw error;
      ctx.err(error.message);
      setExit(error.code);
    }
  };

export const int = (name: string) => wholeNumber(name, 0);

/**
 * The transport with the vault open (the passphrase from --passphrase-fd or the terminal) and the
 * saved sign-in, if any, restored before the command acts (decision 0050), so whose cases these are
 * and who the audit names is settled first. By default the passport is checked and no node is
 * asked (`passportOnly`); commands that need the nodes' catalogue say `{}`.
 */
export async function unlocked(
  ctx: CliContext,
  fd: number | undefined,
  restore: { passportOnly?: boolean } = { passportOnly: true },
): Promise<CliTransport> {
  const t = await openVault(ctx, fd);
  await t.restoreSession(restore);
  return t;
}

async function openVault(ctx: CliContext, fd: number | undefined): Promise<CliTransport> {
  const t = await ctx.transport();
  const list = await t.invoke('case:list', undefined);
  if (list.ok && !list.value.locked) return t;
  // A fresh data folder: this passphrase becomes the vault's, so on a terminal it is asked twice
  // (a typo would lock the person out of everything sealed under it). From a descriptor a
  // script gives it from a file, once.
  const choosing = !t.vaultPassphraseSet();
  const passphrase = await ctx.readPassphrase?.(
    fd,
    choosing ? 'Choose a vault passphrase (at least 8 characters): ' : undefined,
  );
  if (passphrase !== undefined && choosing && fd === undefined) {
    const again = await ctx.readPassphrase?.(fd, 'Type it again: ');
    if (again !== passphrase)
      throw new Stop(
        EXIT.usage,
        'The two passphrases differ: no vault was created. Run the command again.',
      );
  }
  if (passphrase === undefined)
    throw new Stop(
      EXIT.refused,
      'The vault is locked: run on a terminal to be asked its passphrase, or pass --passphrase-fd 0 < passphrase-file.',
    );
  const r = await t.invoke('vault:unlock', { passphrase });
  if (!r.ok)
    throw new Stop(
      exitForError(r.error.code) === EXIT.usage ? EXIT.refused : exitForError(r.error.code),
      r.error.message,
    );
  return t;
}

/**
 * A PED or Phenopacket named on the command line, read whole but bounded (decision 0089): only a
 * regular file (a FIFO would block, /dev/zero never ends, a directory is no text), at most
 * MAX_TEXT_FILE bytes even when it grows while read, and UTF-8 text (the replacement character
 * would otherwise stand in for every bad byte without a word).
 */
export const readText = (ctx: CliContext, file: string): { name: string; text: string } => {
  const path = resolve(ctx.cwd, file);
  const info = statSync(path, { throwIfNoEntry: false });
  if (info === undefined) throw new Stop(EXIT.usage, `${file}: no such file`);
  if (!info.isFile()) throw new Stop(EXIT.usage, `${file}: not a file`);
  const tooLarge = (): Stop =>
    new Stop(
      EXIT.usage,
      `${file}: larger than ${String(MAX_TEXT_FILE / 1e6)} MB, the most a PED or Phenopacket file may be; is it the right file?`,
    );
  if (info.size > MAX_TEXT_FILE) throw tooLarge();
  let fd: number;
  try {
    // O_NONBLOCK: a path swapped for a FIFO after the check above does not hang the command.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    throw new Stop(EXIT.usage, `${file}: cannot be read`);
  }
  try {
    if (!fstatSync(fd).isFile()) throw new Stop(EXIT.usage, `${file}: not a file`);
    const buf = Buffer.alloc(MAX_TEXT_FILE + 1);
    let got = 0;
    for (;;) {
      const n = readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
      if (got > MAX_TEXT_FILE) throw tooLarge();
    }
    try {
      return {
        name: basename(file),
        text: new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, got)),
      };
    } catch {
      throw new Stop(EXIT.usage, `${file}: is not UTF-8 text`);
    }
  } catch (error: unknown) {
    if (error instanceof Stop) throw error;
    throw new Stop(EXIT.usage, `${file}: cannot be read`);
  } finally {
    closeSync(fd);
  }
};
