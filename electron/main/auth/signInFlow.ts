import * as client from 'openid-client';
import type { Broker } from '../../../shared/federation/directory';
import { authFailure } from './authErrors';
import { SIGN_IN_SCOPE } from './brokerClients';
import { startLoopbackRedirect } from './loopback';

/** Tokens straight from the token endpoint; they never leave main (AUTH-01, AUTH-10). */
export interface TokenSet {
  readonly accessToken: string;
  /** Epoch ms when the access token expires. */
  readonly accessExpiresAt: number;
  readonly refreshToken?: string;
  readonly idToken?: string;
  readonly sub: string;
  readonly name?: string;
  readonly email?: string;
}

/** Converts a token endpoint response (whose ID token openid-client validated) to a TokenSet. */
export function toTokenSet(
  response: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers,
  nowMs: number,
  previous?: TokenSet,
): TokenSet {
  const claims = response.claims();
  const sub = claims?.sub ?? previous?.sub;
  if (sub === undefined) throw authFailure('invalid_response', new Error('no subject'));
  const name = typeof claims?.name === 'string' ? claims.name : previous?.name;
  const email = typeof claims?.email === 'string' ? claims.email : previous?.email;
  const refreshToken = response.refresh_token ?? previous?.refreshToken;
  const idToken = response.id_token ?? previous?.idToken;
  return {
    accessToken: response.access_token,
    accessExpiresAt: nowMs + (response.expiresIn() ?? 60) * 1000,
    sub,
    ...(refreshToken === undefined ? {} : { refreshToken }),
    ...(idToken === undefined ? {} : { idToken }),
    ...(name === undefined ? {} : { name }),
    ...(email === undefined ? {} : { email }),
  };
}

/**
 * Authorization Code + PKCE S256 in the system browser (AUTH-01): a one-shot loopback listener
 * (AUTH-02), state, nonce, the RFC 9207 `iss` response parameter (openid-client rejects a
 * mismatching one: mix-up defence, AUTH-04) and ID-token validation (AUTH-05). `open` hands the
 * authorization URL to the system browser; it never carries a code or token.
 */
export async function runSignInFlow(opts: {
  config: client.Configuration;
  broker: Broker;
  open: (authorizationUrl: string) => Promise<void>;
  signal: AbortSignal;
  now: () => number;
  timeoutMs?: number;
  /** `consent` (brokers issue offline_access refresh tokens only after it), plus `login` to switch user. */
  prompt: 'consent' | 'login consent';
}): Promise<TokenSet> {
  const { config, broker } = opts;
  const state = client.randomState();
  const nonce = client.randomNonce();
  const verifier = client.randomPKCECodeVerifier();
  const listener = await startLoopbackRedirect({
    path: broker.redirectPath ?? '/callback',
    expectedState: state,
    signal: opts.signal,
    ...(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs }),
  });
  try {
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: listener.redirectUri,
      scope: SIGN_IN_SCOPE,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      // oidc-provider (and others) only issue offline_access refresh tokens after explicit consent.
      prompt: opts.prompt,
    });
    await opts.open(url.href);
    const callback = await listener.callback;
    if (opts.signal.aborted) throw authFailure('login_cancelled');
    const metadata = config.serverMetadata();
    const iss = callback.searchParams.get('iss');
    // RFC 9207 / AUTH-04: when the broker advertises iss, it must be there and be this broker.
    if (
      iss !== null
        ? iss !== metadata.issuer
        : metadata.authorization_response_iss_parameter_supported === true
    )
      throw authFailure(
        'invalid_response',
        new Error('authorization response iss mismatch (mix-up)'),
      );
    const response = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
      idTokenExpected: true,
    });
    return toTokenSet(response, opts.now());
  } finally {
    await listener.close();
  }
}
