import { createHash } from 'node:crypto';
import { decodeJwt } from 'jose';
import { DATASETS, type DatasetPolicy } from '../../catalogue';
import type { Logger } from '../log';
import { anonymousAccess, decideAccess, type AccessContext } from './policy';
import { JwksCache, verifyVisa, type TrustedIssuer, type VerifiedVisa } from './visa';

/** The bearer token was presented but no trusted issuer accepts it (→ 401). */
export class InvalidTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

export interface AccessResolverOptions {
  trustedIssuers: readonly TrustedIssuer[];
  fetch?: typeof fetch;
  /** Datasets whose grants are recognised (default: the catalogue). */
  datasets?: readonly DatasetPolicy[];
  /** UserInfo result cache per token hash (default 30 s; never beyond the earliest visa exp used). */
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

/** Resolves a request's bearer token to per-dataset access (calls the issuer's UserInfo, validates visas: PASS-02). */
export function createAccessResolver(opts: AccessResolverOptions): AccessResolver {
  const doFetch = opts.fetch ?? fetch;
  const datasets = opts.datasets ?? DATASETS;
  const ttl = opts.cacheTtlMs ?? 30_000;
  const issuers = [...new Set(opts.trustedIssuers.map((t) => t.iss))];
  const discovery = new Map<string, Promise<string>>();
  const cache = new Map<string, Cached>();
  const jwks = new JwksCache();

  const userinfoEndpoint = (iss: string): Promise<string> => {
    let p = discovery.get(iss);
    if (p === undefined) {
      p = (async () => {
        const res = await doFetch(`${iss}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(5_000) });
        if (!res.ok) throw new Error(`discovery failed for ${iss}: HTTP ${res.status}`);
        const doc = (await res.json()) as { issuer?: unknown; userinfo_endpoint?: unknown };
        if (doc.issuer !== iss || typeof doc.userinfo_endpoint !== 'string') throw new Error(`bad discovery document for ${iss}`);
        return doc.userinfo_endpoint;
      })();
      p.catch(() => discovery.delete(iss));
      discovery.set(iss, p);
    }
    return p;
  };

  const userinfo = async (token: string): Promise<{ sub: string; passport: string[] }> => {
    let hinted: string | undefined;
    try {
      const iss = decodeJwt(token).iss;
      if (typeof iss === 'string' && issuers.includes(iss)) hinted = iss;
    } catch {
      // Opaque token: try each trusted issuer in turn.
    }
    for (const iss of hinted !== undefined ? [hinted] : issuers) {
      const res = await doFetch(await userinfoEndpoint(iss), {
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        signal: AbortSignal.timeout(5_000),
      });
      if (res.status === 401 || res.status === 403) continue;
      if (!res.ok) throw new Error(`UserInfo failed: HTTP ${res.status}`);
      const claims = (await res.json()) as { sub?: unknown; ga4gh_passport_v1?: unknown };
      if (typeof claims.sub !== 'string') throw new Error('UserInfo without sub');
      const raw = Array.isArray(claims.ga4gh_passport_v1) ? (claims.ga4gh_passport_v1 as unknown[]) : [];
      return { sub: claims.sub, passport: raw.filter((v): v is string => typeof v === 'string') };
    }
    throw new InvalidTokenError('the access token is not valid at any trusted issuer');
  };

  const compute = async (token: string): Promise<{ access: AccessContext; minExp?: number }> => {
    const { sub, passport } = await userinfo(token);
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
      opts.logger?.warn('visas_rejected', { count: rejected.length, reasons: rejected.map((r) => r.reason) });
    }
    return result;
  };

  return {
    async resolve(authorization) {
      const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
      if (!m?.[1]) {
        if (authorization !== undefined && authorization !== '') throw new InvalidTokenError('malformed Authorization header');
        return anonymousAccess();
      }
      const token = m[1];
      const key = createHash('sha256').update(token).digest('hex');
      const now = Date.now();
      const hit = cache.get(key);
      if (hit !== undefined && hit.until > now) return hit.access;
      const { access, minExp } = await compute(token);
      const until = Math.min(now + ttl, minExp !== undefined ? minExp * 1000 : Infinity);
      if (cache.size >= MAX_CACHE) cache.delete(cache.keys().next().value as string);
      cache.set(key, { access, until });
      return access;
    },
  };
}
