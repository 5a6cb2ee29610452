/**
 * How a node turns a bearer token into a passport (issue 12 item 12, decision 0015-node-audience-tokens):
 * the token must be an RFC 9068 JWT access token from a broker this node is registered with, signed
 * with the broker's published keys, and its audience must be THIS node's resource indicator. Only
 * then does the node exchange it at the broker for the user's passport (RFC 8693, GA4GH Passport
 * 1.2), as a confidential client. A token minted for another node is refused before any broker is
 * contacted.
 */
import {
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors as joseErrors,
  jwtVerify,
} from 'jose';

/** A broker whose access tokens this node accepts, and the node's client there. */
export interface BrokerClient {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

/** The bearer token was presented but cannot be used here (→ 401). */
export class InvalidTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const ACCESS_TOKEN = 'urn:ietf:params:oauth:token-type:access_token';
const PASSPORT = 'urn:ga4gh:params:oauth:token-type:passport';
const ALGORITHMS = ['RS256', 'ES256'];
const TIMEOUT_MS = 5_000;

interface BrokerMetadata {
  tokenEndpoint: string;
  keys: ReturnType<typeof createRemoteJWKSet>;
}

export interface PassportSource {
  /** The subject and raw visas for a token addressed to this node; throws InvalidTokenError. */
  passportFor(token: string): Promise<{ sub: string; passport: string[]; exp: number }>;
}

/** Creates the token check for a node identified by `resource` (its RFC 8707 resource indicator). */
export function createPassportSource(opts: {
  resource: () => string;
  brokers: () => readonly BrokerClient[];
  fetch: typeof fetch;
}): PassportSource {
  const metadata = new Map<string, Promise<BrokerMetadata>>();

  const discover = (issuer: string): Promise<BrokerMetadata> => {
    let p = metadata.get(issuer);
    if (p === undefined) {
      p = (async () => {
        const res = await opts.fetch(`${issuer}/.well-known/openid-configuration`, {
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        if (!res.ok) throw new Error(`discovery failed for ${issuer}: HTTP ${res.status}`);
        const doc = (await res.json()) as Record<string, unknown>;
        if (
          doc.issuer !== issuer ||
          typeof doc.jwks_uri !== 'string' ||
          typeof doc.token_endpoint !== 'string'
        )
          throw new Error(`bad discovery document for ${issuer}`);
        return {
          tokenEndpoint: doc.token_endpoint,
          keys: createRemoteJWKSet(new URL(doc.jwks_uri), { timeoutDuration: TIMEOUT_MS }),
        };
      })();
      p.catch(() => metadata.delete(issuer));
      metadata.set(issuer, p);
    }
    return p;
  };

  const verified = async <T>(what: string, check: () => Promise<T>): Promise<T> => {
    try {
      return await check();
    } catch (e) {
      if (e instanceof joseErrors.JOSEError)
        throw new InvalidTokenError(`${what} rejected: ${e.code}`);
      throw e;
    }
  };

  async function exchange(broker: BrokerClient, endpoint: string, token: string): Promise<string> {
    const basic = Buffer.from(
      `${encodeURIComponent(broker.clientId)}:${encodeURIComponent(broker.clientSecret)}`,
    ).toString('base64');
    const res = await opts.fetch(endpoint, {
      method: 'POST',
      headers: {
        authorization: `Basic ${basic}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: new URLSearchParams({
        grant_type: TOKEN_EXCHANGE,
        subject_token: token,
        subject_token_type: ACCESS_TOKEN,
        requested_token_type: PASSPORT,
      }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    // The broker refuses a token it no longer stands behind (sign-out, revoked grant): 401 here.
    if (res.status === 400 && body.error === 'invalid_grant')
      throw new InvalidTokenError('the broker no longer accepts this token');
    if (!res.ok || typeof body.access_token !== 'string')
      throw new Error(`passport exchange failed: HTTP ${res.status} ${String(body.error)}`);
    return body.access_token;
  }

  return {
    async passportFor(token) {
      let iss: unknown;
      try {
        if (decodeProtectedHeader(token).typ !== 'at+jwt') throw new Error('typ');
        iss = decodeJwt(token).iss;
      } catch {
        throw new InvalidTokenError('the bearer token is not a JWT access token (RFC 9068)');
      }
      const broker = opts.brokers().find((b) => b.issuer === iss);
      if (broker === undefined)
        throw new InvalidTokenError('the token is not from a trusted broker');
      const { tokenEndpoint, keys } = await discover(broker.issuer);
      const { payload } = await verified('access token', () =>
        jwtVerify(token, keys, {
          issuer: broker.issuer,
          audience: opts.resource(),
          typ: 'at+jwt',
          algorithms: ALGORITHMS,
          requiredClaims: ['sub', 'exp', 'iat'],
        }),
      );
      const passportJwt = await exchange(broker, tokenEndpoint, token);
      const { payload: passport } = await verified('passport', () =>
        jwtVerify(passportJwt, keys, {
          issuer: broker.issuer,
          audience: broker.clientId,
          typ: 'vnd.ga4gh.passport+jwt',
          algorithms: ALGORITHMS,
          requiredClaims: ['sub', 'exp', 'iat'],
        }),
      );
      if (passport.sub !== payload.sub)
        throw new InvalidTokenError('the passport is for another subject');
      const raw = Array.isArray(passport.ga4gh_passport_v1) ? passport.ga4gh_passport_v1 : [];
      return {
        sub: String(payload.sub),
        passport: raw.filter((v): v is string => typeof v === 'string'),
        exp: Number(payload.exp),
      };
    },
  };
}
