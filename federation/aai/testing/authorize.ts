/**
 * Test helper: the front-channel half of the authorization-code flow (RFC 8252 native app): GET the
 * authorization endpoint, POST the sign-in and consent forms, follow redirects to a real loopback listener.
 */
import { createHash, randomBytes } from 'node:crypto';
import { DEMO_PASSWORD } from '../accounts';
import { formAction, ScriptedBrowser, type BrowserResponse } from './browser';
import { startLoopbackListener } from './loopback';

export const DEFAULT_LOGIN_SCOPE = 'openid ga4gh_passport_v1 offline_access';

/** Thrown when the flow stops early (wrong password, consent refused, OAuth error); `page` is the last response. */
export class LoginError extends Error {
  constructor(
    message: string,
    readonly page?: BrowserResponse,
  ) {
    super(message);
  }
}

/** A fresh PKCE verifier and its S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export interface AuthorizeOptions {
  issuer: string;
  username: string;
  password?: string;
  scope?: string;
  /** Refuse on the consent page (the flow then ends with error=access_denied). */
  deny?: boolean;
  /** Reuse a browser (its cookies: the broker session) across flows, e.g. to test logout. */
  browser?: ScriptedBrowser;
}

export interface AuthorizeResult {
  code: string;
  verifier: string;
  redirectUri: string;
  nonce: string;
  browser: ScriptedBrowser;
}

const text = (page: BrowserResponse): string =>
  page.body
    .replace(/<[^>]+>/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();

/** Runs the browser part of the flow and returns the authorization code (state and `iss` checked: RFC 9207). */
export async function authorize(opts: AuthorizeOptions): Promise<AuthorizeResult> {
  const scope = opts.scope ?? DEFAULT_LOGIN_SCOPE;
  const listener = await startLoopbackListener();
  try {
    const browser = opts.browser ?? new ScriptedBrowser();
    const { verifier, challenge } = pkcePair();
    const state = randomBytes(16).toString('base64url');
    const nonce = randomBytes(16).toString('base64url');
    const auth = new URL('/auth', opts.issuer);
    auth.search = new URLSearchParams({
      client_id: 'cohort-desk',
      response_type: 'code',
      redirect_uri: listener.redirectUri,
      scope,
      state,
      nonce,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      // oidc-provider drops offline_access unless consent is prompted for.
      ...(scope.split(' ').includes('offline_access') ? { prompt: 'consent' } : {}),
    }).toString();

    let page = await browser.navigate(auth.href);
    const loginUrl = formAction(page, '/login');
    if (loginUrl !== undefined) {
      const form = { username: opts.username, password: opts.password ?? DEMO_PASSWORD };
      page = await browser.navigate(loginUrl, { method: 'POST', form });
    }
    const confirmUrl = formAction(page, '/confirm');
    if (confirmUrl === undefined) throw new LoginError(`sign-in failed: ${text(page)}`, page);
    const decision = { decision: opts.deny === true ? 'deny' : 'allow' };
    const last = await browser.navigate(confirmUrl, { method: 'POST', form: decision });
    if (!last.url.startsWith(`${listener.redirectUri}?`)) {
      throw new LoginError(
        `flow did not reach the redirect URI: ${String(last.status)} ${text(last)}`,
        last,
      );
    }
    const params = await listener.result;
    if (params.get('state') !== state) throw new LoginError('state mismatch');
    if (params.get('iss') !== opts.issuer)
      throw new LoginError('iss authorization response parameter mismatch (RFC 9207)');
    const error = params.get('error');
    if (error !== null) throw new LoginError(`authorization error: ${error}`);
    const code = params.get('code');
    if (code === null) throw new LoginError('no code in the authorization response');
    return { code, verifier, redirectUri: listener.redirectUri, nonce, browser };
  } finally {
    await listener.close();
  }
}
