/** oidc-provider configuration of the demo federation's passport broker. */
import type { KoaContextWithOIDC } from 'oidc-provider';
import Provider, { type AdapterFactory, type Configuration } from 'oidc-provider';
import type { SeedAccount } from './accounts';
import type { BrokerKeys } from './keys';
import type { GrantsStore } from './grantsStore';
import { log } from './log';
import { errorPage, loggedOutPage, logoutPage } from './pages';
import { PAGE_HEADERS } from './http';
import { redirectAllowed } from './redirects';
import type { ResourceServers } from './resourceServers';
import { registerTokenExchange } from './tokenExchange';
import { TOKEN_EXCHANGE_GRANT } from './tokenTypes';
import { visaDrafts, type VisaSigner } from './visas';

export const CLIENT_ID = 'cohort-desk';
const LOOPBACK_REDIRECTS = ['http://127.0.0.1/callback', 'http://[::1]/callback'];
const LOOPBACK_POST_LOGOUT = [
  'http://127.0.0.1/logout',
  'http://[::1]/logout',
  ...LOOPBACK_REDIRECTS,
];

export interface ProviderDeps {
  issuer: string;
  keys: BrokerKeys;
  accounts: readonly SeedAccount[];
  grants: GrantsStore;
  signer: VisaSigner;
  accessTokenTtlSec: number;
  adapter: AdapterFactory;
  /** The nodes' APIs (RFC 8707 resources): only they get access tokens, one audience each. */
  resources: ResourceServers;
}

function page(ctx: KoaContextWithOIDC, status: number, html: string): void {
  ctx.status = status;
  ctx.set(PAGE_HEADERS);
  ctx.type = 'html';
  ctx.body = html;
}

/** Builds the provider: one public native client, PKCE S256 always, rotation, revocation, RP logout. */
export function createProvider(deps: ProviderDeps): Provider {
  const { accounts, grants, signer } = deps;
  /** The user's visas now, signed at this moment (UserInfo and the passport exchange). */
  const visas = async (sub: string): Promise<string[]> => {
    const seed = accounts.find((a) => a.username === sub);
    const state = grants.get(sub);
    if (seed === undefined || state === undefined) return [];
    return Promise.all(visaDrafts(seed, state).map((d) => signer.issue(d)));
  };
  const configuration: Configuration = {
    clients: [
      {
        client_id: CLIENT_ID,
        client_name: 'Cohort Desk',
        application_type: 'native', // AUTH-03
        token_endpoint_auth_method: 'none', // RFC 8252 §8.5: public client
        grant_types: ['authorization_code', 'refresh_token', TOKEN_EXCHANGE_GRANT],
        response_types: ['code'],
        redirect_uris: LOOPBACK_REDIRECTS,
        post_logout_redirect_uris: LOOPBACK_POST_LOGOUT,
      },
    ],
    adapter: deps.adapter,
    jwks: deps.keys.oidcJwks,
    cookies: { keys: deps.keys.cookieKeys },
    scopes: ['openid', 'offline_access', 'profile', 'email', 'ga4gh_passport_v1'],
    claims: {
      openid: ['sub'],
      profile: ['name'],
      email: ['email'],
      ga4gh_passport_v1: ['ga4gh_passport_v1'],
    },
    responseTypes: ['code'],
    pkce: { required: () => true }, // RFC 9700 §2.1.1; oidc-provider 9 only implements S256, so `plain` is refused
    rotateRefreshToken: () => true, // RFC 9700 §4.14: public clients rotate refresh tokens
    clientBasedCORS: () => false, // the desktop app calls from its main process, never from a web origin
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: {
      AccessToken: deps.accessTokenTtlSec,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 3600,
      RefreshToken: 24 * 3600,
      Session: 24 * 3600,
      Grant: 14 * 24 * 3600,
    },
    features: {
      devInteractions: { enabled: false },
      // AUTH-07: a client may revoke only its own tokens (RFC 7009 §2.1).
      revocation: {
        enabled: true,
        allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId,
      },
      userinfo: { enabled: true },
      // RFC 8707 (issue 12 item 12): node tokens name one node; the sign-in token (no resource) is
      // for UserInfo only. Tokens for nodes come from the token exchange below, never by default.
      resourceIndicators: {
        enabled: true,
        defaultResource: () => undefined,
        useGrantedResource: () => false,
        getResourceServerInfo: (_ctx, resource) => deps.resources.info(resource),
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          page(ctx, 200, logoutPage(form));
        },
        postLogoutSuccessSource: (ctx) => {
          page(ctx, 200, loggedOutPage());
        },
      },
    },
    renderError: (ctx, out) => {
      page(ctx, ctx.status >= 400 ? ctx.status : 400, errorPage(out.error, out.error_description));
    },
    findAccount: (_ctx, sub) => {
      const seed = accounts.find((a) => a.username === sub);
      if (seed === undefined) return undefined;
      return {
        accountId: sub,
        async claims(use, scope) {
          const claims = { sub, name: seed.name, email: seed.email };
          // PASS: the passport claim only in UserInfo, and only for a Passport-Scoped Access Token.
          if (use !== 'userinfo' || !scope.split(' ').includes('ga4gh_passport_v1')) return claims;
          return { ...claims, ga4gh_passport_v1: await visas(sub) };
        },
      };
    },
  };
  const provider = new Provider(deps.issuer, configuration);
  // RFC 8252 §7.3: any port on an IP loopback redirect; nothing else is relaxed.
  provider.Client.prototype.redirectUriAllowed = function (
    this: { redirectUris?: readonly string[] },
    uri: string,
  ) {
    return redirectAllowed(uri, this.redirectUris ?? []);
  };
  provider.Client.prototype.postLogoutRedirectUriAllowed = function (
    this: { postLogoutRedirectUris?: readonly string[] },
    uri: string,
  ) {
    return redirectAllowed(uri, this.postLogoutRedirectUris ?? []);
  };
  const signingKey = deps.keys.oidcJwks.keys[0];
  if (signingKey?.kid === undefined) throw new Error('the broker has no OIDC signing key');
  registerTokenExchange({
    provider,
    resources: deps.resources,
    adapter: deps.adapter,
    signingKey: { ...signingKey, kid: signingKey.kid },
    accessTokenTtlSec: deps.accessTokenTtlSec,
    visas,
  });
  provider.on('server_error', (_ctx: unknown, err: Error) => {
    log('error', 'oidc server_error', { error: err.message });
  });
  return provider;
}
