/**
 * RFC 8693 token exchange at the broker's token endpoint, two ways (decision 0015-node-audience-tokens):
 * - the app (public client) exchanges its sign-in access token, which only UserInfo accepts, for a
 *   JWT access token whose audience is ONE registered node (RFC 8707 `resource`);
 * - a node (confidential client) exchanges a token whose audience is itself for the user's
 *   passport (GA4GH Passport 1.2 `requested_token_type=urn:ga4gh:params:oauth:token-type:passport`).
 * A token sent to node A is therefore useless at node B, at its htsget, and at UserInfo.
 */
import { createLocalJWKSet, importJWK, jwtVerify, SignJWT, type JWK } from 'jose';
import type Provider from 'oidc-provider';
import type { AdapterFactory, TokenEndpointGrantContext } from 'oidc-provider';
import { errors } from 'oidc-provider';
import { randomUUID } from 'node:crypto';
import { publicJwk } from './keys';
import { NODE_TOKEN_SCOPE, type ResourceServers } from './resourceServers';
import {
  ACCESS_TOKEN_TYPE,
  PASSPORT_TOKEN_TYPE,
  PASSPORT_TYP,
  TOKEN_EXCHANGE_GRANT,
} from './tokenTypes';

/** The node token's grant, kept server-side: JWT access tokens are not stored by oidc-provider. */
const NODE_TOKEN_MODEL = 'NodeAccessToken';

const PARAMETERS = [
  'subject_token',
  'subject_token_type',
  'requested_token_type',
  'resource',
  'audience',
  'scope',
];

type Ctx = TokenEndpointGrantContext<{
  subject_token?: string;
  subject_token_type?: string;
  requested_token_type?: string;
  resource?: string | string[];
}>;

export interface TokenExchangeDeps {
  provider: Provider;
  resources: ResourceServers;
  adapter: AdapterFactory;
  /** The broker's OIDC signing key (RS256, private), for passports. */
  signingKey: JWK & { kid: string };
  accessTokenTtlSec: number;
  /** The user's visas now, signed (the same ones UserInfo returns). */
  visas(sub: string): Promise<string[]>;
}

const nowSec = (): number => Math.floor(Date.now() / 1000);

/** Registers the token-exchange grant on the provider. */
export function registerTokenExchange(deps: TokenExchangeDeps): void {
  const { provider, resources } = deps;
  const records = deps.adapter(NODE_TOKEN_MODEL);
  const publicKeys = createLocalJWKSet({ keys: [publicJwk(deps.signingKey)] });
  const privateKey = importJWK(deps.signingKey, 'RS256');

  /** The app's sign-in token → a JWT access token for one registered node. */
  async function nodeToken(ctx: Ctx, subjectToken: string): Promise<void> {
    const { client, params } = ctx.oidc;
    if (resources.resourceOf(client.clientId) !== undefined)
      throw new errors.UnauthorizedClient('a resource server cannot request node tokens');
    if (typeof params.resource !== 'string')
      throw new errors.InvalidTarget('exactly one resource (the node) is required');
    const info = resources.info(params.resource);
    const subject = await provider.AccessToken.find(subjectToken);
    if (subject === undefined || subject.isExpired)
      throw new errors.InvalidGrant('subject_token is not an active access token');
    // Only the sign-in token (audience: UserInfo) may be exchanged: a node token never is.
    if (subject.clientId !== client.clientId || subject.aud !== undefined)
      throw new errors.InvalidGrant('subject_token cannot be exchanged by this client');
    if (!subject.scopes.has(NODE_TOKEN_SCOPE))
      throw new errors.InvalidScope('subject_token lacks the passport scope', NODE_TOKEN_SCOPE);
    const grant = await provider.Grant.find(subject.grantId);
    if (grant === undefined || grant.isExpired || grant.clientId !== client.clientId)
      throw new errors.InvalidGrant('the sign-in behind subject_token has ended');
    const at = new provider.AccessToken({
      accountId: subject.accountId,
      client,
      grantId: subject.grantId,
      gty: 'token-exchange',
      scope: NODE_TOKEN_SCOPE,
    });
    at.resourceServer = new provider.ResourceServer(params.resource, info);
    const value = await at.save();
    await records.upsert(
      at.jti,
      { grantId: subject.grantId, accountId: subject.accountId, aud: params.resource },
      deps.accessTokenTtlSec,
    );
    ctx.body = {
      access_token: value,
      issued_token_type: ACCESS_TOKEN_TYPE,
      token_type: 'Bearer',
      expires_in: deps.accessTokenTtlSec,
      scope: NODE_TOKEN_SCOPE,
    };
  }

  /** A node's own token → the user's passport (GA4GH Passport 1.2, client authentication required). */
  async function passport(ctx: Ctx, subjectToken: string): Promise<void> {
    const { client } = ctx.oidc;
    const resource = resources.resourceOf(client.clientId);
    if (resource === undefined)
      throw new errors.UnauthorizedClient('only a registered node may exchange for passports');
    let claims;
    try {
      ({ payload: claims } = await jwtVerify(subjectToken, publicKeys, {
        issuer: provider.issuer,
        audience: resource,
        typ: 'at+jwt',
        algorithms: ['RS256'],
        requiredClaims: ['sub', 'exp', 'jti'],
      }));
    } catch {
      throw new errors.InvalidGrant('subject_token is not an access token for this node');
    }
    const record = await records.find(String(claims.jti));
    const grantId = typeof record?.grantId === 'string' ? record.grantId : undefined;
    const grant = grantId === undefined ? undefined : await provider.Grant.find(grantId);
    if (record?.aud !== resource || grant === undefined || grant.isExpired)
      throw new errors.InvalidGrant('the sign-in behind subject_token has ended');
    const sub = String(claims.sub);
    const exp = Math.min(Number(claims.exp), nowSec() + deps.accessTokenTtlSec);
    const jwt = await new SignJWT({ ga4gh_passport_v1: await deps.visas(sub) })
      .setProtectedHeader({ alg: 'RS256', kid: deps.signingKey.kid, typ: PASSPORT_TYP })
      .setIssuer(provider.issuer)
      .setSubject(sub)
      .setAudience(client.clientId)
      .setIssuedAt()
      .setExpirationTime(exp)
      .setJti(randomUUID())
      .sign(await privateKey);
    ctx.body = {
      access_token: jwt,
      issued_token_type: PASSPORT_TOKEN_TYPE,
      token_type: 'N_A',
      expires_in: Math.max(0, exp - nowSec()),
    };
  }

  provider.registerGrantType(
    TOKEN_EXCHANGE_GRANT,
    async (ctx: Ctx) => {
      const { params } = ctx.oidc;
      const subjectToken = params.subject_token;
      if (typeof subjectToken !== 'string' || subjectToken === '')
        throw new errors.InvalidRequest('missing subject_token');
      if (params.subject_token_type !== ACCESS_TOKEN_TYPE)
        throw new errors.InvalidRequest(`subject_token_type must be ${ACCESS_TOKEN_TYPE}`);
      const requested = params.requested_token_type ?? ACCESS_TOKEN_TYPE;
      if (requested === ACCESS_TOKEN_TYPE) await nodeToken(ctx, subjectToken);
      else if (requested === PASSPORT_TOKEN_TYPE) await passport(ctx, subjectToken);
      else throw new errors.InvalidRequest(`requested_token_type ${requested} is not supported`);
    },
    PARAMETERS,
  );
}
