import {
  LAUNCH_PATH,
  SESSION_HEADER,
  SESSION_PATH,
  SESSION_STORAGE_KEY,
  SessionResponseSchema,
} from '../../../shared/browserMode/session';
import type { LaunchProblem } from './serviceState';

/**
 * Browser mode's session in the page (decision 0002, issue 12 item 8): the launch link's one-time
 * code is spent once for the per-launch secret, which this tab keeps in sessionStorage. That
 * storage belongs to this origin, port included, so no other local server's page can read it, and
 * the browser never sends it anywhere on its own (a cookie would go to every port of 127.0.0.1).
 */
let secret: string | undefined;

/** The session secret of this tab, once established. */
export const sessionSecret = (): string | undefined => secret;

/** Headers the vault route needs: the session secret in browser mode, nothing in Electron. */
export function vaultRequestHeaders(): Record<string, string> {
  return secret === undefined ? {} : { [SESSION_HEADER]: secret };
}

/** Forgets this tab's session (its run has ended). */
export function forgetSession(): void {
  secret = undefined;
  sessionStorage.removeItem(SESSION_STORAGE_KEY);
}

/** Spends a launch code for the secret; undefined when the server refuses it. */
async function redeem(code: string): Promise<string | undefined> {
  const res = await fetch(SESSION_PATH, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code }),
    cache: 'no-store',
    credentials: 'omit',
  });
  if (!res.ok) return undefined;
  const parsed = SessionResponseSchema.safeParse(await res.json());
  return parsed.success ? parsed.data.session : undefined;
}

/**
 * Establishes this tab's session: spends the launch link's code when the page was opened by it
 * (and drops the code from the address bar), else takes the tab's own session from an earlier load
 * (a reload). Says why when there is neither.
 */
export async function openBrowserSession(): Promise<
  { ok: true; secret: string } | { ok: false; problem: LaunchProblem }
> {
  const code =
    location.pathname === LAUNCH_PATH
      ? new URLSearchParams(location.search).get('code')
      : undefined;
  if (code !== undefined) {
    history.replaceState(null, '', `/${location.hash}`);
    const granted = code === null ? undefined : await redeem(code).catch(() => undefined);
    if (granted !== undefined) {
      sessionStorage.setItem(SESSION_STORAGE_KEY, granted);
      secret = granted;
      return { ok: true, secret: granted };
    }
  }
  const kept = sessionStorage.getItem(SESSION_STORAGE_KEY);
  if (kept !== null) {
    secret = kept;
    return { ok: true, secret: kept };
  }
  return { ok: false, problem: code === undefined ? 'no-session' : 'link-used' };
}
