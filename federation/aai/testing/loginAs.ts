/**
 * Test helper: the real authorization-code + PKCE (S256) flow against the broker over HTTP, through its
 * sign-in and consent pages, with a cookie jar and a real loopback redirect listener (AUTH-01/02/05).
 */
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { authorize, LoginError } from './authorize';
import type { ScriptedBrowser } from './browser';

export { DEFAULT_LOGIN_SCOPE, LoginError, pkcePair } from './authorize';

export interface LoginTokens {
  accessToken: string;
  refreshToken?: string;
  idToken: string;
  expiresIn: number;
}

/** POSTs to the token endpoint as the public client; returns the parsed JSON and status. */
export async function tokenRequest(
  issuer: string,
  params: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(new URL('/token', issuer), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: 'cohort-desk', ...params }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Runs the real authorization-code + PKCE flow over HTTP (a scripted browser: GET authorize, POST login form, POST consent, follow redirects to a loopback redirect_uri) */
export async function loginAs(opts: {
  issuer: string;
  username: string;
  password?: string;
  scope?: string;
  browser?: ScriptedBrowser;
}): Promise<LoginTokens> {
  const { code, verifier, redirectUri, nonce } = await authorize(opts);
  const { status, body } = await tokenRequest(opts.issuer, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    code_verifier: verifier,
  });
  if (status !== 200)
    throw new LoginError(`token endpoint: ${String(status)} ${String(body['error'])}`);
  const { access_token, refresh_token, id_token, expires_in } = body;
  if (
    typeof access_token !== 'string' ||
    typeof id_token !== 'string' ||
    typeof expires_in !== 'number'
  ) {
    throw new LoginError('token response lacks access_token, id_token or expires_in');
  }
  // AUTH-05: the ID token must verify against the issuer's published keys and carry our nonce.
  const jwks = createRemoteJWKSet(new URL('/jwks', opts.issuer));
  const { payload } = await jwtVerify(id_token, jwks, {
    issuer: opts.issuer,
    audience: 'cohort-desk',
    algorithms: ['RS256'],
  });
  if (payload['nonce'] !== nonce) throw new LoginError('ID token nonce mismatch');
  return {
    accessToken: access_token,
    idToken: id_token,
    expiresIn: expires_in,
    ...(typeof refresh_token === 'string' ? { refreshToken: refresh_token } : {}),
  };
}
