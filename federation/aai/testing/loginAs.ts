/**
 * Test helper: runs the real authorization-code + PKCE (S256) flow against the broker over HTTP, through
 * its sign-in and consent pages, with a cookie jar and a real loopback redirect listener (AUTH-01/02).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { DEMO_PASSWORD } from '../accounts';
import { formAction, ScriptedBrowser, type BrowserResponse } from './browser';
import { startLoopbackListener } from './loopback';

export const DEFAULT_LOGIN_SCOPE = 'openid ga4gh_passport_v1 offline_access';

export interface LoginTokens {
  accessToken: string;
  refreshToken?: string;
  idToken: string;
  expiresIn: number;
}

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

const text = (page: BrowserResponse): string => page.body.replace(/<[^>]+>/gu, ' ').replace(/\s+/gu, ' ').trim();

/** Runs the real authorization-code + PKCE flow over HTTP (a scripted browser: GET authorize, POST login form, POST consent, follow redirects to a loopback redirect_uri) */
export async function loginAs(opts: {
  issuer: string;
  username: string;
  password?: string;
  scope?: string;
  /** Refuse on the consent page instead of allowing (the flow then fails with access_denied). */
  deny?: boolean;
}): Promise<LoginTokens> {
  const scope = opts.scope ?? DEFAULT_LOGIN_SCOPE;
  const listener = await startLoopbackListener();
  try {
    const browser = new ScriptedBrowser();
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

    const loginPage = await browser.navigate(auth.href);
    const loginUrl = formAction(loginPage, '/login');
    if (loginUrl === undefined) throw new LoginError(`no sign-in form: ${text(loginPage)}`, loginPage);
    const form = { username: opts.username, password: opts.password ?? DEMO_PASSWORD };
    const consentPage = await browser.navigate(loginUrl, { method: 'POST', form });
    const confirmUrl = formAction(consentPage, '/confirm');
    if (confirmUrl === undefined) throw new LoginError(`sign-in failed: ${text(consentPage)}`, consentPage);
    const decision = { decision: opts.deny === true ? 'deny' : 'allow' };
    const last = await browser.navigate(confirmUrl, { method: 'POST', form: decision });
    if (last.url !== listener.redirectUri.split('?')[0] && !last.url.startsWith(listener.redirectUri)) {
      throw new LoginError(`flow did not reach the redirect URI: ${String(last.status)} ${text(last)}`, last);
    }
    const params = await listener.result;
    if (params.get('state') !== state) throw new LoginError('state mismatch');
    if (params.get('iss') !== opts.issuer) throw new LoginError('iss authorization response parameter mismatch (RFC 9207)');
    const error = params.get('error');
    if (error !== null) throw new LoginError(`authorization error: ${error} ${params.get('error_description') ?? ''}`);
    const code = params.get('code');
    if (code === null) throw new LoginError('no code in the authorization response');

    const res = await fetch(new URL('/token', opts.issuer), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: listener.redirectUri,
        client_id: 'cohort-desk',
        code_verifier: verifier,
      }),
    });
    const tokens = (await res.json()) as Record<string, unknown>;
    if (!res.ok) throw new LoginError(`token endpoint: ${String(res.status)} ${JSON.stringify(tokens)}`);
    const { access_token, refresh_token, id_token, expires_in } = tokens;
    if (typeof access_token !== 'string' || typeof id_token !== 'string' || typeof expires_in !== 'number') {
      throw new LoginError('token response lacks access_token, id_token or expires_in');
    }
    // AUTH-05: the ID token must verify against the issuer's published keys and carry our nonce.
    const jwks = createRemoteJWKSet(new URL('/jwks', opts.issuer));
    const { payload } = await jwtVerify(id_token, jwks, { issuer: opts.issuer, audience: 'cohort-desk', algorithms: ['RS256'] });
    if (payload['nonce'] !== nonce) throw new LoginError('ID token nonce mismatch');
    return {
      accessToken: access_token,
      idToken: id_token,
      expiresIn: expires_in,
      ...(typeof refresh_token === 'string' ? { refreshToken: refresh_token } : {}),
    };
  } finally {
    await listener.close();
  }
}
