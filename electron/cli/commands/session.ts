import type { SessionSummary } from '../../../shared/auth/session';
import { EXIT } from '../exitCodes';
import type { CliContext } from '../io';
import type { CliTransport } from '../transport';
import { Stop, unlocked } from './caseCommon';

/**
 * The transport acting as the signed-in user (decision 0032): the vault unlocked first (passphrase
 * from --passphrase-fd or the terminal), then the saved session restored from it. `passportOnly`
 * (decision 0050): a command that needs no node (sql and cohort query read only the local cache;
 * logout) has the passport checked as always but asks no node for its catalogue; the vault then
 * judges cached datasets by the passport's visas.
 */
export async function sessionTransport(
  ctx: CliContext,
  fd: number | undefined,
  how: { passportOnly?: boolean } = {},
): Promise<CliTransport> {
  return unlocked(ctx, fd, how);
}

/**
 * The transport for commands that work signed out too (search): as the signed-in user when a
 * sign-in is saved and the vault passphrase can be had, else signed out, saying so on stderr.
 */
export async function optionalSession(
  ctx: CliContext,
  fd: number | undefined,
): Promise<CliTransport> {
  const t = await ctx.transport();
  if (!t.hasSavedSession()) return t;
  try {
    return await sessionTransport(ctx, fd);
  } catch (error: unknown) {
    if (!(error instanceof Stop) || error.code !== EXIT.refused) throw error;
    ctx.err(`Continuing signed out: ${error.message}`);
    return t;
  }
}

/** The session summary, or a refusal (exit 3) saying how to sign in. */
export async function signedIn(t: CliTransport): Promise<SessionSummary> {
  const r = await t.invoke('auth:session', undefined);
  if (!r.ok) throw new Stop(EXIT.internal, r.error.message);
  if (r.value.state !== 'signed-in')
    throw new Stop(
      EXIT.refused,
      `Not signed in${r.value.error === undefined ? '' : ` (${r.value.error.message})`}: run "npm run --silent cli -- login" first.`,
    );
  return r.value;
}

/** The earliest expiry of the passport's controlled-access grants (ISO 8601), if any. */
export function passportExpiry(s: SessionSummary): string | undefined {
  const times = s.access.flatMap((a) => (a.expiresAt === undefined ? [] : [a.expiresAt])).sort();
  return times[0];
}

/** `whoami`'s text: who, where, how kept, then one tab-separated line per dataset. */
export function whoamiLines(s: SessionSummary): string[] {
  const who = [s.user?.name, s.user?.email === undefined ? undefined : `<${s.user.email}>`]
    .filter((x) => x !== undefined)
    .join(' ');
  const expiry = passportExpiry(s);
  const lines = [
    `Signed in as ${who === '' ? (s.user?.sub ?? '?') : who} (${s.user?.sub ?? '?'})`,
    `Sign-in service: ${s.broker?.name ?? '?'} (${s.broker?.issuer ?? '?'})`,
    `Session kept: ${s.persistence.mode === 'secure-store' ? 'sealed at rest' : `in memory only (${s.persistence.reason ?? ''})`}`,
    `Passport: ${String(s.access.length)} datasets${expiry === undefined ? '' : `, first grant expires ${expiry}`}`,
    ['node', 'dataset', 'level', 'granularity', 'duo', 'expires'].join('\t'),
  ];
  for (const a of s.access)
    lines.push(
      [
        a.nodeId,
        a.datasetId,
        a.level,
        a.granularity,
        a.duo.map((d) => d.id).join(','),
        a.expired ? 'expired' : (a.expiresAt ?? ''),
      ].join('\t'),
    );
  return lines;
}
