import type { AuthErrorCode } from '../../../shared/auth/session';

/** A sign-in problem in plain words, with the next step (CONVENTIONS rule 14). */
export class AuthFailure extends Error {
  constructor(
    readonly code: AuthErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const MESSAGES: Record<AuthErrorCode, string> = {
  broker_unreachable:
    'The sign-in service could not be reached. Check your network connection and try again.',
  login_cancelled: 'Sign-in was cancelled. Sign in again when you are ready.',
  login_timeout:
    'Sign-in was not completed within 5 minutes. Sign in again and finish it in the browser.',
  clock_skew:
    "Your computer's clock differs from the sign-in service's. Set the clock to the correct time, then sign in again.",
  access_revoked:
    'Some of your dataset access was withdrawn by the data access committee. The list below shows what you can still use.',
  session_expired: 'Your sign-in has expired. Sign in again to continue.',
  invalid_response:
    'The sign-in service sent an answer that failed the security checks, so it was not used. Try again; if it keeps happening, tell your IT team.',
  directory_changed:
    'The federation directory changed and no longer lists the sign-in service you used, so you were signed out. Sign in again with one it lists.',
  unknown:
    'Sign-in failed. Try again; if it keeps happening, the log file has details for your IT team.',
};

/** The plain-words message for an error code. */
export const authMessage = (code: AuthErrorCode): string => MESSAGES[code];

/** Creates an AuthFailure with the standard message of its code. */
export const authFailure = (code: AuthErrorCode, cause?: unknown): AuthFailure =>
  new AuthFailure(code, MESSAGES[code], cause === undefined ? undefined : { cause });

/**
 * Classifies an error from openid-client / fetch into a code. Network failures → broker_unreachable;
 * OAuth `invalid_grant` → session_expired; `access_denied` → login_cancelled; ID-token time checks →
 * clock_skew; any other failed check → invalid_response.
 */
export function classifyAuthError(error: unknown): AuthErrorCode {
  if (error instanceof AuthFailure) return error.code;
  const e = error as { code?: unknown; error?: unknown; name?: unknown; cause?: unknown };
  if (e.error === 'invalid_grant') return 'session_expired';
  if (e.error === 'access_denied' || e.error === 'login_required') return 'login_cancelled';
  if (e.code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED') return 'clock_skew';
  if (e.name === 'TimeoutError' || (error instanceof TypeError && /fetch/i.test(error.message)))
    return 'broker_unreachable';
  if (typeof e.code === 'string' && e.code.startsWith('OAUTH_')) return 'invalid_response';
  if (
    typeof e.cause === 'object' &&
    e.cause !== null &&
    (e.cause as { code?: unknown }).code === 'ECONNREFUSED'
  )
    return 'broker_unreachable';
  return 'unknown';
}
