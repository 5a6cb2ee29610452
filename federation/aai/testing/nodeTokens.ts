/** Test helper: RFC 8693 token exchanges at the broker over HTTP (decision 0015-node-audience-tokens). */
import type { ResourceServerClient } from '../resourceServers';
import { ACCESS_TOKEN_TYPE, PASSPORT_TOKEN_TYPE, TOKEN_EXCHANGE_GRANT } from '../tokenTypes';
import { tokenRequest } from './loginAs';

/** The app's exchange: its sign-in access token → an access token for one node (`resource`). */
export function exchangeForNode(
  issuer: string,
  accessToken: string,
  resource: string,
): ReturnType<typeof tokenRequest> {
  return tokenRequest(issuer, {
    grant_type: TOKEN_EXCHANGE_GRANT,
    subject_token: accessToken,
    subject_token_type: ACCESS_TOKEN_TYPE,
    requested_token_type: ACCESS_TOKEN_TYPE,
    resource,
  });
}

/** A node token for `resource`, or throws with the broker's error. */
export async function nodeToken(
  issuer: string,
  accessToken: string,
  resource: string,
): Promise<string> {
  const { status, body } = await exchangeForNode(issuer, accessToken, resource);
  if (status !== 200 || typeof body['access_token'] !== 'string')
    throw new Error(`token exchange for ${resource}: ${String(status)} ${String(body['error'])}`);
  return body['access_token'];
}

/** The node's exchange: a token for itself → the user's passport (client_secret_basic). */
export async function exchangeForPassport(
  issuer: string,
  client: Pick<ResourceServerClient, 'clientId' | 'clientSecret'>,
  token: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const basic = Buffer.from(
    `${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`,
  ).toString('base64');
  const res = await fetch(new URL('/token', issuer), {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Authorization: `Basic ${basic}`,
    },
    body: new URLSearchParams({
      grant_type: TOKEN_EXCHANGE_GRANT,
      subject_token: token,
      subject_token_type: ACCESS_TOKEN_TYPE,
      requested_token_type: PASSPORT_TOKEN_TYPE,
    }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
