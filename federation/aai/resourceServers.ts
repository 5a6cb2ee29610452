/**
 * The federation's resource servers (the nodes' Beacon + htsget APIs) as the broker knows them: each
 * is an RFC 8707 resource indicator and a confidential client that may exchange tokens for that
 * resource into passports. Only registered resources get access tokens (issue 12 item 12).
 */
import { randomBytes } from 'node:crypto';
import type { Adapter, AdapterFactory, ResourceServer } from 'oidc-provider';
import { errors } from 'oidc-provider';
import { TOKEN_EXCHANGE_GRANT } from './tokenTypes';

/** What a node needs to exchange its access tokens for passports (client_secret_basic). */
export interface ResourceServerClient {
  readonly resource: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

export interface ResourceServers {
  /** Registers (or re-registers, with a new secret) a node's API as a resource server. */
  register(opts: { resource: string; name: string }): Promise<ResourceServerClient>;
  /** oidc-provider's `getResourceServerInfo`: a JWT access token for a registered resource, else invalid_target. */
  info(resource: string): ResourceServer;
  /** The resource a node client speaks for, or undefined for any other client. */
  resourceOf(clientId: string): string | undefined;
}

/** The scope a node token carries: it may be exchanged for the passport, nothing else. */
export const NODE_TOKEN_SCOPE = 'ga4gh_passport_v1';

/** Registered in memory; node clients are stored through the provider's adapter so Client.find sees them. */
export function createResourceServers(deps: {
  adapter: AdapterFactory;
  accessTokenTtlSec: number;
}): ResourceServers {
  const byResource = new Map<string, string>();
  const byClient = new Map<string, string>();
  let clients: Adapter | undefined;
  return {
    async register({ resource, name }) {
      const url = new URL(resource);
      if (url.hash !== '' || url.search !== '')
        throw new Error(`resource indicator ${resource} must have no query or fragment (RFC 8707)`);
      const clientId = `resource-server:${name}`;
      const clientSecret = randomBytes(32).toString('base64url');
      clients ??= deps.adapter('Client');
      await clients.upsert(clientId, {
        client_id: clientId,
        client_secret: clientSecret,
        client_name: name,
        grant_types: [TOKEN_EXCHANGE_GRANT],
        response_types: [],
        redirect_uris: [],
        token_endpoint_auth_method: 'client_secret_basic',
      });
      const previous = byClient.get(clientId);
      if (previous !== undefined) byResource.delete(previous);
      byResource.set(resource, clientId);
      byClient.set(clientId, resource);
      return { resource, clientId, clientSecret };
    },
    info(resource) {
      if (!byResource.has(resource))
        throw new errors.InvalidTarget(`${resource} is not a resource server of this federation`);
      return {
        scope: NODE_TOKEN_SCOPE,
        audience: resource,
        accessTokenTTL: deps.accessTokenTtlSec,
        // RFC 9068 JWT access tokens: the node checks signature, issuer and audience itself.
        accessTokenFormat: 'jwt',
        jwt: { sign: { alg: 'RS256' } },
      };
    },
    resourceOf: (clientId) => byClient.get(clientId),
  };
}
