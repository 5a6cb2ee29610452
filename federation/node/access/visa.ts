import {
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  jwtVerify,
  type JWTPayload,
} from 'jose';
import { parseConditions, type Clause, type VisaClaims } from './conditions';

/** A trusted visa issuer and the only key-set URL accepted for it (PASS-02 (iss, jku) allow-list). */
export interface TrustedIssuer {
  iss: string;
  jku: string;
}

/** A visa that passed every check; `conditions` still to be evaluated against the passport. */
export interface VerifiedVisa extends VisaClaims {
  readonly iss: string;
  readonly sub: string;
  readonly exp: number;
  readonly asserted: number;
  readonly conditions?: Clause[][];
}

export type VisaResult = { ok: true; visa: VerifiedVisa } | { ok: false; reason: string };

const ALGORITHMS = ['RS256', 'ES256'];
const TYPES = new Set(['vnd.ga4gh.visa+jwt', 'JWT']);
/** Clock tolerance for iat/asserted (seconds); exp is enforced strictly. */
export const CLOCK_SKEW_SEC = 30;

/** Caches one JWKS fetcher per allow-listed jku (jose caches keys with a bounded age). */
export class JwksCache {
  private readonly sets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

  /** The key resolver for an allow-listed jku; callers must check the allow-list first. */
  get(jku: string): ReturnType<typeof createRemoteJWKSet> {
    let set = this.sets.get(jku);
    if (set === undefined) {
      set = createRemoteJWKSet(new URL(jku), { cacheMaxAge: 10 * 60_000, timeoutDuration: 5_000 });
      this.sets.set(jku, set);
    }
    return set;
  }
}

function fail(reason: string): VisaResult {
  return { ok: false, reason };
}

function visaObject(payload: JWTPayload): Omit<VerifiedVisa, 'iss' | 'sub' | 'exp'> | string {
  const o = payload.ga4gh_visa_v1;
  if (typeof o !== 'object' || o === null) return 'missing ga4gh_visa_v1';
  const v = o as Record<string, unknown>;
  if (typeof v.type !== 'string' || typeof v.value !== 'string' || typeof v.source !== 'string') {
    return 'ga4gh_visa_v1 lacks type/value/source';
  }
  if (typeof v.asserted !== 'number') return 'ga4gh_visa_v1 lacks asserted';
  if (v.by !== undefined && typeof v.by !== 'string') return 'by is not a string';
  let conditions: Clause[][] | undefined;
  if (v.conditions !== undefined) {
    conditions = parseConditions(v.conditions);
    if (conditions === undefined) return 'malformed conditions';
  }
  return {
    type: v.type,
    value: v.value,
    source: v.source,
    asserted: v.asserted,
    ...(typeof v.by === 'string' ? { by: v.by } : {}),
    ...(conditions !== undefined && conditions.length > 0 ? { conditions } : {}),
  };
}

/**
 * Verifies one visa JWS (PASS-02): RS256/ES256 only, (iss, jku) allow-listed BEFORE any request to the
 * jku, signature, exp/iat with small skew, asserted ≤ iat, and that it belongs to the passport's subject.
 */
export async function verifyVisa(
  jws: string,
  trusted: readonly TrustedIssuer[],
  subject: string,
  jwks: JwksCache,
  nowSec: number = Math.floor(Date.now() / 1000),
): Promise<VisaResult> {
  let header: ReturnType<typeof decodeProtectedHeader>;
  let unverified: JWTPayload;
  try {
    header = decodeProtectedHeader(jws);
    unverified = decodeJwt(jws);
  } catch {
    return fail('not a JWS');
  }
  if (typeof header.alg !== 'string' || !ALGORITHMS.includes(header.alg))
    return fail(`alg ${String(header.alg)} not allowed`);
  if (header.typ !== undefined && !TYPES.has(header.typ))
    return fail(`typ ${header.typ} not allowed`);
  if (typeof header.jku !== 'string') return fail('no jku (Visa Document Token needs one)');
  const iss = unverified.iss;
  if (typeof iss !== 'string') return fail('no iss');
  if (!trusted.some((t) => t.iss === iss && t.jku === header.jku))
    return fail('untrusted (iss, jku) pair');
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(jws, jwks.get(header.jku), {
      algorithms: ALGORITHMS,
      issuer: iss,
      // exp without tolerance: an expired grant must stop at once (admin expire, revocation); skew only for iat.
      clockTolerance: 0,
      currentDate: new Date(nowSec * 1000),
      requiredClaims: ['iss', 'sub', 'iat', 'exp'],
    }));
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    return fail(`verification failed: ${typeof code === 'string' ? code : 'error'}`);
  }
  const { iat, exp, sub } = payload;
  if (typeof iat !== 'number' || typeof exp !== 'number' || typeof sub !== 'string')
    return fail('bad iat/exp/sub');
  if (iat > nowSec + CLOCK_SKEW_SEC) return fail('iat in the future');
  if (sub !== subject)
    return fail('visa subject differs from the passport subject (no LinkedIdentities)');
  const obj = visaObject(payload);
  if (typeof obj === 'string') return fail(obj);
  if (obj.asserted > iat + CLOCK_SKEW_SEC) return fail('asserted after iat');
  return { ok: true, visa: { ...obj, iss, sub, exp } };
}
