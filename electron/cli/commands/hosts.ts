import type { Command } from 'commander';
import type { HostList } from '../../../shared/it/hosts';
import { formatHostList } from '../../main/federation/hostsText';
import { EXIT, EXIT_HELP } from '../exitCodes';
import type { ExitCode } from '../exitCodes';
import type { CliContext } from '../io';
import { exitForError } from '../results';

/** `hosts …`: every host the app may contact, for hospital IT's firewall rules (issue 21). */
export function registerHosts(
  program: Command,
  ctx: CliContext,
  setExit: (code: ExitCode) => void,
): void {
  const hosts = program
    .command('hosts')
    .description('the hosts and ports Cohort Desk may contact, for firewall rules');
  hosts
    // The default, so `npm run cli -- hosts` lists them too (the command the issue names).
    .command('list', { isDefault: true })
    .description(
      'list every host and port the app may contact now, and why, from the policy (file, Group Policy, configuration profile) and the federation directory',
    )
    .option('--json', 'print the list as JSON (the hosts:list answer) instead of text')
    .addHelpText(
      'after',
      `
The same list as Settings → Hosts, made by the same service over this user's policy and settings.
Exit code 4 means hosts may be missing (the directory or a broker's discovery document could not be
read): the list is still printed, and stderr says what could not be read.
${EXIT_HELP}`,
    )
    .action(async (opts: { json?: boolean }) => {
      const r = await (await ctx.transport()).invoke('hosts:list', undefined);
      if (!r.ok) {
        ctx.err(`The host list could not be made: ${r.error.message}`);
        setExit(exitForError(r.error.code));
        return;
      }
      ctx.out(opts.json === true ? JSON.stringify(r.value) : formatHostList(r.value).trimEnd());
      setExit(incomplete(r.value, ctx) ? EXIT.unavailable : EXIT.ok);
    });
}

/** Says on stderr why hosts may be missing; true when they may. */
function incomplete(list: HostList, ctx: CliContext): boolean {
  if (list.complete) return false;
  ctx.err(`Hosts may be missing from this list: ${list.notes.join(' ')}`);
  return true;
}
