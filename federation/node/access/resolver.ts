import { createHash } from 'node:crypto';
import { DATASETS, type DatasetPolicy } from '../../catalogue';
import type { Logger } from '../log';
import { createPassportSource, InvalidTokenError, type BrokerClient } from './brokerToken';
import { anonymousAccess, decideAccess, type AccessContext } from './policy';
import { JwksCache, verifyVisa, type TrustedIssuer, type VerifiedVisa } from './visa';

export { InvalidTokenError, type BrokerClient } from './brokerToken';

export interface AccessResolverOptions {
  /** Visa issuers and their key-set URLs (PASS-02 (iss, jku) allow-list). */
  trustedIssuers: readonly TrustedIssuer[];
  /** This node's RFC 8707 resource indicator: a token must name it as its audience (issue 12). */
  resource: () => string;
  /** Brokers whose access tokens this node accepts, with its client there (passport exchange). */
  brokers: () => readonly BrokerClient[];
  fetch?: typeof fetch;
  /** Datasets whose grants are recognised (default: the catalogue). */
  datasets?: readonly DatasetPolicy[];
  /** Passport cache per token hash (default 30 s; never beyond the token's or a used visa's exp). */
  cacheTtlMs?: number;
  logger?: Logger;
}

export interface AccessResolver {
  resolve(authorization: string | undefined): Promise<AccessContext>;
}

interface Cached {
  access: AccessContext;
  until: number;
}

const MAX_CACHE = 1000;

/** Resolves a request's bearer token to per-dataset access (token for this node → passport → visas: PASS-02). */
export function createAccessResolver(opts: AccessResolverOptions): AccessResolver {
  const datasets = opts.datasets ?? DATASETS;
  const ttl = opts.cacheTtlMs ?? 30_000;
  const cache = new Map<string, Cached>();
  const jwks = new JwksCache();
  const source = createPassportSource({
    resource: opts.resource,
    brokers: opts.brokers,
    fetch: opts.fetch ?? fetch,
  });

  const compute = async (
    token: string,
  ): Promise<{ access: AccessContext; minExp?: number; tokenExp: number }> => {
    const { sub, passport, exp } = await source.passportFor(token);
    const verified: VerifiedVisa[] = [];
    const rejected: { reason: string }[] = [];
    for (const jws of passport) {
      const r = await verifyVisa(jws, opts.trustedIssuers, sub, jwks);
      if (r.ok) verified.push(r.visa);
      else rejected.push({ reason: r.reason });
    }
    const result = decideAccess(verified, datasets, rejected);
    if (rejected.length > 0) {
      // Reasons only: never the visa itself (it is a credential).
      opts.logger?.warn('visas_rejected', {
        count: rejected.length,
        reasons: rejected.map((r) => r.reason),
      });
    }
    return { ...result, tokenExp: exp };
  };

  return {
    async resolve(authorization) {
      const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
      if (!m?.[1]) {
        if (authorization !== undefined && authorization !== '')
          throw new InvalidTokenError('malformed Authorization header');
        return anonymousAccess();
      }
      const token = m[1];
      const key = createHash('sha256').update(token).digest('hex');
      const now = Date.now();
      const hit = cache.get(key);
      if (hit !== undefined && hit.until > now) return hit.access;
      const { access, minExp, tokenExp } = await compute(token);
      const until = Math.min(now + ttl, tokenExp * 1000, (minExp ?? Infinity) * 1000);
      if (cache.size >= MAX_CACHE) cache.delete(cache.keys().next().value as string);
      cache.set(key, { access, until });
      return access;
    },
  };
}
