import * as client from 'openid-client';
import type { Logger } from '../logging/logger';
import type { Platform } from '../platform/platform';
import type { TokenSet } from './signInFlow';

/**
 * The broker side of sign-out (AUTH-07): RFC 7009 revocation of the refresh token first (it could
 * mint new access tokens), then the access token; then RP-Initiated Logout in the system browser.
 * Failures are logged and never block the local wipe. Browser mode cannot open the end-session page
 * for the page without handing it the ID token, so there it is left out.
 */
export async function signOutAtBroker(opts: {
  config: client.Configuration;
  clientId: string;
  tokens: TokenSet;
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
  if (config.serverMetadata().end_session_endpoint === undefined) return;
  const end = client.buildEndSessionUrl(config, {
    client_id: opts.clientId,
    ...(tokens.idToken === undefined ? {} : { id_token_hint: tokens.idToken }),
  });
  if (!(await opts.platform.openExternal(end.href))) logger.info('auth.end_session_not_opened', {});
}
