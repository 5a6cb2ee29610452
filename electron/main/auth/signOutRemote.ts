import * as client from 'openid-client';
import type { Logger } from '../logging/logger';
import type { Platform } from '../platform/platform';
import type { TokenSet } from './signInFlow';

/**
 * The broker's end-session page (OIDC RP-Initiated Logout 1.0) for this client, or undefined when
 * the broker has none. It carries `client_id` only: no `id_token_hint`, so no ID token ever sits
 * in a URL a page or a browser history can read (issue 13). The broker asks the person to confirm.
 */
export function endSessionUrl(config: client.Configuration, clientId: string): string | undefined {
  if (config.serverMetadata().end_session_endpoint === undefined) return undefined;
  return client.buildEndSessionUrl(config, { client_id: clientId }).href;
}

/**
 * The broker side of sign-out (AUTH-07): RFC 7009 revocation of the refresh token first (it could
 * mint new access tokens; revoking it ends the grant, so the nodes' tokens stop giving passports:
 * decision 0015-node-audience-tokens), then the sign-in access token; then the broker's own session ends
 * through RP-Initiated Logout in the system browser, where its cookie lives. In browser mode the
 * page opened that page itself when the person clicked "Sign out" (SessionSummary.endSessionUrl).
 * Failures are logged and never block the local wipe, which happened before.
 */
export async function signOutAtBroker(opts: {
  config: client.Configuration;
  tokens: TokenSet;
  endSessionUrl: string | undefined;
  platform: Platform;
  logger: Logger;
}): Promise<void> {
  const { config, tokens, logger } = opts;
  const order = [
    [tokens.refreshToken, 'refresh_token'],
    [tokens.accessToken, 'access_token'],
  ] as const;
  for (const [token, hint] of order) {
    if (token === undefined || token === '') continue;
    try {
      await client.tokenRevocation(config, token, { token_type_hint: hint });
    } catch (error: unknown) {
      logger.warn('auth.revocation_failed', { hint, error });
    }
  }
  if (opts.endSessionUrl === undefined) return;
  // Browser mode answers false: the page already opened it from the person's click.
  if (!(await opts.platform.openExternal(opts.endSessionUrl)))
    logger.info('auth.end_session_opened_by_page', {});
}
