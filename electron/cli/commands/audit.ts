import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { AuditVerdict } from '../../../shared/audit/auditLog';
import { AUDIT_FILE, verifyAuditDir } from '../../main/audit/verifyChain';
import { defaultDataDir } from '../../main/platform/paths';
import { deriveKey } from '../../main/vault/keyHierarchy';
import {
  WrongPassphraseError,
  masterKeyKind,
  unlockWithPassphrase,
} from '../../main/vault/masterKey';
import { EXIT, EXIT_HELP } from '../exitCodes';
import type { ExitCode } from '../exitCodes';
import type { CliContext } from '../io';
import { NoPassphraseError, passphraseFdOption, readPassphraseFd } from '../passphrase';

/**
 * `audit …` (issue 23): `audit verify` recomputes the audit log's keyed hash chain with the app's own
 * verifier (verifyAuditDir, decision 0016-audit-log-keys.md). It reads the files and writes nothing: the
 * app's services are not started, because opening the log moves a torn tail aside and records
 * breaks, which would change what is being verified.
 */
export function registerAudit(
  program: Command,
  ctx: CliContext,
  setExit: (code: ExitCode) => void,
): void {
  const audit = program.command('audit').description('the audit log (DATA-08)');
  audit
    .command('verify')
    .description(
      "recompute the audit log's hash chain (and, given the vault passphrase, its seals) and say where it breaks",
    )
    .argument('[folder]', "a Cohort Desk data folder (default: the app's; COHORT_DESK_DATA_DIR)")
    .addOption(passphraseFdOption())
    .option('--json', 'print the verdict as one JSON object on stdout')
    .addHelpText(
      'after',
      `
Intact: a summary on stdout, exit 0. Broken: "FILE:LINE: message (reason)" on stderr, exit 1.
Without the passphrase the chain, the head record and the position of the sealed checkpoint are
checked, not the seals (a log rewritten with fresh hashes up to its last entry needs the seals).
A wrong passphrase exits 3; no audit log in the folder exits 2. Nothing is written.
${EXIT_HELP}`,
    )
    .action(async (folder: string | undefined, opts: { passphraseFd?: number; json?: boolean }) => {
      setExit(await verify(folder, opts, ctx));
    });
}

async function verify(
  folder: string | undefined,
  opts: { passphraseFd?: number; json?: boolean },
  ctx: CliContext,
): Promise<ExitCode> {
  const dataDir =
    folder === undefined
      ? (ctx.dataDir ?? defaultDataDir(process.platform, process.env))
      : resolve(ctx.cwd, folder);
  const auditDir = join(dataDir, 'audit');
  const file = join(auditDir, AUDIT_FILE);
  if (!existsSync(file)) {
    ctx.err(
      `${file}: no audit log here: name the data folder (or set COHORT_DESK_DATA_DIR) of the installation to check`,
    );
    return EXIT.usage;
  }
  let macKey: Buffer | undefined;
  if (opts.passphraseFd !== undefined) {
    const key = await auditKey(join(dataDir, 'vault'), opts.passphraseFd, ctx);
    if (typeof key === 'number') return key;
    macKey = key;
  }
  const verdict = verifyAuditDir(auditDir, macKey);
  macKey?.fill(0);
  if (opts.json === true) ctx.out(JSON.stringify({ file, ...verdict }));
  if (!verdict.ok) {
    ctx.err(`${file}:${String(verdict.line)}: ${verdict.message} (${verdict.reason})`);
    return EXIT.invalid;
  }
  if (opts.json !== true) ctx.out(`${file}: ${summary(verdict)}`);
  return EXIT.ok;
}

function summary(v: AuditVerdict): string {
  const intact = `intact, ${String(v.entries)} entries`;
  if (!v.keyChecked)
    return `${intact}; seals not checked (give the vault passphrase with --passphrase-fd N to check them)`;
  if (v.sealedThrough >= v.entries) return `${intact}, all sealed with this installation's key`;
  return `${intact}, sealed through entry ${String(v.sealedThrough)}; entries ${String(v.sealedThrough + 1)}–${String(v.entries)} are not sealed yet (written while the vault was locked)`;
}

/** The audit-chain key from the vault passphrase, or the exit code when it cannot be had. */
async function auditKey(vaultDir: string, fd: number, ctx: CliContext): Promise<Buffer | ExitCode> {
  const kind = masterKeyKind(vaultDir);
  if (kind !== 'passphrase') {
    ctx.err(
      kind === 'sealed'
        ? `${vaultDir}: the vault key is kept by the desktop app's system key store, which the command line cannot open; run without --passphrase-fd to check the chain without the seals`
        : `${vaultDir}: this installation has no vault key yet, so nothing is sealed; run without --passphrase-fd`,
    );
    return EXIT.refused;
  }
  let master: Buffer;
  try {
    master = await unlockWithPassphrase(vaultDir, readPassphraseFd(fd));
  } catch (error: unknown) {
    if (error instanceof NoPassphraseError) {
      ctx.err(error.message);
      return EXIT.usage;
    }
    if (error instanceof WrongPassphraseError) {
      ctx.err(`${error.message} The seals were not checked.`);
      return EXIT.refused;
    }
    throw error;
  }
  const key = deriveKey(master, 'audit-chain');
  master.fill(0);
  return key;
}
