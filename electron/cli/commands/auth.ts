import type { Command } from 'commander';
import type { AuthErrorCode, SessionSummary } from '../../../shared/auth/session';
import { EXIT, EXIT_HELP } from '../exitCodes';
import type { ExitCode } from '../exitCodes';
import type { CliContext } from '../io';
import { passphraseFdOption } from '../passphrase';
import { exitForError } from '../results';
import { Stop } from './caseCommon';
import type { Run } from './caseCommon';
import { sessionTransport, signedIn, whoamiLines } from './session';

/** The exit code for a sign-in that did not complete (shared/auth/session.ts codes). */
function exitForAuth(code: AuthErrorCode | undefined): ExitCode {
  return code === 'broker_unreachable' ? EXIT.unavailable : EXIT.refused;
}

/** What `whoami` and `login` print: the summary's text, or (--json) the summary itself. */
function show(ctx: CliContext, s: SessionSummary, json: boolean | undefined): void {
  // The summary carries no token, code or raw visa (AUTH-01, AUTH-10): safe to print whole.
  if (json === true) ctx.out(JSON.stringify(s));
  else for (const line of whoamiLines(s)) ctx.out(line);
}

/**
 * `login`, `logout`, `whoami` (issue 23): the app's own sign-in (auth:signIn, OIDC + PKCE on a
 * loopback redirect, decision 0005) with the session sealed under the vault key (decision 0032).
 */
export function registerAuth(program: Command, ctx: CliContext, run: Run): void {
  program
    .command('login')
    .description('sign in to the federation in a browser (OIDC + PKCE, loopback redirect)')
    .option(
      '--broker <issuer>',
      "the sign-in service's issuer URL (default: the federation's first)",
    )
    .option('--no-browser', 'only print the sign-in address, do not open a browser')
    .option('--json', 'print the session summary as JSON')
    .addOption(passphraseFdOption())
    .addHelpText(
      'after',
      `
Prints the sign-in address on stderr and opens it in this machine's browser where it has one;
on a machine without a display, open the address in a browser that can reach this machine's
loopback address (ssh -L). The session is sealed under the vault key, so login, whoami, logout and
every command acting as you ask for the vault passphrase (terminal, or --passphrase-fd 0 <file).
Exit 0 signed in, 3 refused or cancelled at the sign-in service, 4 the service cannot be reached.
${EXIT_HELP}`,
    )
    .action((o: { broker?: string; browser: boolean; json?: boolean; passphraseFd?: number }) =>
      run(async () => {
        const t = await sessionTransport(ctx, o.passphraseFd);
        const before = await t.invoke('auth:session', undefined);
        if (before.ok && before.value.state === 'signed-in') {
          if (o.broker === undefined || before.value.broker?.issuer === o.broker) {
            ctx.err('Already signed in (run "logout" first to sign in as someone else).');
            show(ctx, before.value, o.json);
            return EXIT.ok;
          }
          throw new Stop(
            EXIT.refused,
            `Signed in with ${before.value.broker?.issuer ?? 'another service'}: run "logout" first.`,
          );
        }
        let shown = false;
        const off = t.subscribe((event, payload) => {
          const url = event === 'auth:changed' ? (payload as SessionSummary).authorizationUrl : '';
          if (url === undefined || url === '' || shown) return;
          shown = true;
          ctx.err(`Open this address in a browser to sign in:\n  ${url}`);
          if (o.browser) ctx.openBrowser?.(url);
        });
        try {
          const r = await t.invoke(
            'auth:signIn',
            o.broker === undefined ? {} : { issuer: o.broker },
          );
          if (!r.ok) throw new Stop(exitForError(r.error.code), r.error.message);
          if (r.value.state !== 'signed-in')
            throw new Stop(
              exitForAuth(r.value.error?.code),
              r.value.error?.message ?? 'The sign-in did not complete.',
            );
          ctx.err('Signed in.');
          show(ctx, r.value, o.json);
          return EXIT.ok;
        } finally {
          off();
        }
      }),
    );
  program
    .command('whoami')
    .description('who is signed in, and the passport: datasets, granularity, expiry')
    .option('--json', 'print the session summary as JSON')
    .addOption(passphraseFdOption())
    .addHelpText('after', `\nExit 0 signed in, 3 not signed in.\n${EXIT_HELP}`)
    .action((o: { json?: boolean; passphraseFd?: number }) =>
      run(async () => {
        show(ctx, await signedIn(await sessionTransport(ctx, o.passphraseFd)), o.json);
        return EXIT.ok;
      }),
    );
  program
    .command('logout')
    .description('sign out: revoke the refresh token at the sign-in service and delete it here')
    .addOption(passphraseFdOption())
    .addHelpText('after', EXIT_HELP)
    .action((o: { passphraseFd?: number }) =>
      run(async () => {
        const t = await sessionTransport(ctx, o.passphraseFd, { passportOnly: true });
        const before = await t.invoke('auth:session', undefined);
        const r = await t.invoke('auth:signOut', undefined);
        if (!r.ok) throw new Stop(exitForError(r.error.code), r.error.message);
        ctx.err(
          before.ok && before.value.state === 'signed-in'
            ? `Signed out of ${before.value.broker?.name ?? 'the sign-in service'}.`
            : 'Not signed in; nothing to do.',
        );
        return EXIT.ok;
      }),
    );
}
