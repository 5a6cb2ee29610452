import * as client from 'openid-client';
import type { Broker } from '../../../shared/federation/directory';

/** Scopes (PASS-01): OIDC + the passport claim from UserInfo; offline_access for refresh (AUTH-06). */
export const SIGN_IN_SCOPE = 'openid profile email ga4gh_passport_v1 offline_access';

/** http on 127.0.0.1 only: the loopback demo federation. Everything else must be https. */
export const isLoopbackHttp = (issuer: string): boolean => {
  const url = new URL(issuer);
  return url.protocol === 'http:' && url.hostname === '127.0.0.1';
};

/**
 * One openid-client Configuration per issuer (AUTH-04: mix-up defence keeps flows apart), made by
 * discovery with the issuer identifier (so openid-client validates the issuer), client
 * authentication None (public native client, RFC 8252 §8.5), and every request through
 * `fetchImpl` (platform.fetch: AUTH-09). A failed discovery is not cached.
 */
export function createBrokerClients(fetchImpl: typeof fetch): {
  configFor(broker: Broker): Promise<client.Configuration>;
} {
  const configs = new Map<string, Promise<client.Configuration>>();
  return {
    configFor(broker) {
      const key = `${broker.issuer} ${broker.clientId}`;
      let config = configs.get(key);
      if (config === undefined) {
        config = client.discovery(
          new URL(broker.issuer),
          broker.clientId,
          undefined,
          client.None(),
          {
            [client.customFetch]: (url, init) => fetchImpl(url, init as RequestInit),
            timeout: 10,
            // STANDARDS 1.4.6 / AUTH-05: verify ID-token signatures against the broker's JWKS too;
            // openid-client skips that for token-endpoint responses (OIDC Core 3.1.3.7 lets TLS stand in).
            execute: [
              client.enableNonRepudiationChecks,
              // Deprecated on purpose upstream to stand out; allowed only for the loopback demo broker.
              // eslint-disable-next-line @typescript-eslint/no-deprecated -- http on 127.0.0.1 only (isLoopbackHttp).
              ...(isLoopbackHttp(broker.issuer) ? [client.allowInsecureRequests] : []),
            ],
          },
        );
        config.catch(() => configs.delete(key));
        configs.set(key, config);
      }
      return config;
    },
  };
}
