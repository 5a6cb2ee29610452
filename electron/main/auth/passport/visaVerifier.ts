import type { JWTPayload } from 'jose';
import { createRemoteJWKSet, customFetch, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import type { Conditions } from './conditions';
import { parseConditions } from './conditions';
import type { VisaReason, VisaReasonCode } from '../../../../shared/auth/visaReason';

/** An (iss, jku) pair the directory trusts (PASS-02 allow-list). */
export interface TrustedVisaIssuer {
  readonly iss: string;
  readonly jku: string;
}

/** A visa whose signature, times and shape passed; `conditions` are evaluated afterwards. */
export interface VerifiedVisa {
  readonly iss: string;
  readonly sub: string;
  readonly exp: number;
  readonly iat: number;
  readonly jti?: string;
  readonly type: string;
  readonly value: string;
  readonly source: string;
  readonly asserted: number;
  readonly by?: string;
  readonly conditions?: Conditions;
}

export type VisaCheck =
  | { ok: true; visa: VerifiedVisa }
  | { ok: false; type: string; issuer: string; value?: string; reason: string; said: VisaReason };

const ALGORITHMS = ['RS256', 'ES256'];
const TYPES = new Set(['vnd.ga4gh.visa+jwt', 'JWT']);
/** Tolerance for iat/asserted in the future (clock drift); exp is strict so expiry acts at once. */
export const VISA_SKEW_SEC = 60;

/**
 * Verifies one visa as a clearinghouse for the app's own use (PASS-02): RS256/ES256 only; typ;
 * the (iss, jku) pair allow-listed BEFORE any request to the jku (STANDARDS 2.7.2/2.7.3); signature
 * from that JWKS (cached by jose with a bounded age); exp, iat, asserted; the passport's subject.
 * Every JWKS request goes through `fetchImpl` (platform.fetch, AUTH-09).
 */
export function createVisaVerifier(opts: {
  trusted: () => readonly TrustedVisaIssuer[];
  fetchImpl: typeof fetch;
  nowSec: () => number;
}): (jws: string, subject: string) => Promise<VisaCheck> {
  const sets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
  const keySet = (jku: string): ReturnType<typeof createRemoteJWKSet> => {
    let set = sets.get(jku);
    if (set === undefined) {
      set = createRemoteJWKSet(new URL(jku), {
        cacheMaxAge: 10 * 60_000,
        timeoutDuration: 5_000,
        [customFetch]: (url, init) => opts.fetchImpl(url, init),
      });
      sets.set(jku, set);
    }
    return set;
  };

  return async (jws, subject) => {
    let header: ReturnType<typeof decodeProtectedHeader>;
    let claims: JWTPayload;
    try {
      header = decodeProtectedHeader(jws);
      claims = decodeJwt(jws);
    } catch {
      return {
        ok: false,
        type: 'unknown',
        issuer: 'unknown',
        reason: 'not a signed visa (JWS)',
        said: { code: 'not-jws' },
      };
    }
    const draft = visaObject(claims);
    const who = {
      type: 'reason' in draft ? 'unknown' : draft.type,
      issuer: typeof claims.iss === 'string' ? claims.iss : 'unknown',
      ...('reason' in draft ? {} : { value: draft.value }),
    };
    const fail = (reason: string, said: VisaReason): VisaCheck => ({
      ok: false,
      ...who,
      reason,
      said,
    });
    const alg = String(header.alg);
    if (typeof header.alg !== 'string' || !ALGORITHMS.includes(header.alg))
      return fail(`signed with ${alg}, only RS256 or ES256 are accepted`, {
        code: 'algorithm',
        params: { alg },
      });
    if (header.typ !== undefined && !TYPES.has(header.typ))
      return fail(`token type ${header.typ} is not a visa`, {
        code: 'token-type',
        params: { typ: header.typ },
      });
    const jku = header.jku;
    if (typeof jku !== 'string') return fail('no key-set URL (jku)', { code: 'no-jku' });
    if (!opts.trusted().some((t) => t.iss === who.issuer && t.jku === jku))
      return fail('issuer and key-set URL are not on the trusted list', { code: 'untrusted' });
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(jws, keySet(jku), {
        algorithms: ALGORITHMS,
        issuer: who.issuer,
        currentDate: new Date(opts.nowSec() * 1000),
        clockTolerance: 0,
        requiredClaims: ['iss', 'sub', 'iat', 'exp'],
      }));
    } catch (error: unknown) {
      const code = (error as { code?: unknown }).code;
      if (code === 'ERR_JWT_EXPIRED') return fail('expired', { code: 'expired' });
      if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED')
        return fail('signature does not verify', { code: 'signature' });
      const jose = typeof code === 'string' ? code : 'error';
      return fail(`could not be verified (${jose})`, {
        code: 'unverifiable',
        params: { jose },
      });
    }
    const { iat, exp, sub, jti } = payload;
    if (typeof iat !== 'number' || typeof exp !== 'number' || typeof sub !== 'string')
      return fail('iat, exp or sub missing', { code: 'claims-missing' });
    if (iat > opts.nowSec() + VISA_SKEW_SEC)
      return fail('issued in the future (clock skew?)', { code: 'issued-in-future' });
    if (sub !== subject)
      return fail('belongs to another identity (no LinkedIdentities support)', {
        code: 'other-identity',
      });
    if ('reason' in draft) return fail(draft.reason, draft.said);
    if (draft.asserted > iat + VISA_SKEW_SEC)
      return fail('asserted after it was issued', { code: 'asserted-after-issued' });
    return {
      ok: true,
      visa: {
        ...draft,
        iss: who.issuer,
        sub,
        exp,
        iat,
        ...(typeof jti === 'string' ? { jti } : {}),
      },
    };
  };
}

type Draft = Omit<VerifiedVisa, 'iss' | 'sub' | 'exp' | 'iat' | 'jti'>;

/** Why a visa's claim cannot be read: main's English and its code. */
interface Unreadable {
  readonly reason: string;
  readonly said: VisaReason;
}
const unreadable = (reason: string, code: VisaReasonCode): Unreadable => ({
  reason,
  said: { code },
});

function visaObject(payload: JWTPayload): Draft | Unreadable {
  const raw = payload.ga4gh_visa_v1;
  if (typeof raw !== 'object' || raw === null)
    return unreadable('no ga4gh_visa_v1 claim', 'no-visa-claim');
  const v = raw as Record<string, unknown>;
  if (typeof v.type !== 'string' || typeof v.value !== 'string' || typeof v.source !== 'string')
    return unreadable('type, value or source missing', 'fields-missing');
  if (typeof v.asserted !== 'number') return unreadable('asserted missing', 'asserted-missing');
  if (v.by !== undefined && typeof v.by !== 'string')
    return unreadable('by is not a string', 'by-not-string');
  const conditions = v.conditions === undefined ? [] : parseConditions(v.conditions);
  if (conditions === undefined) return unreadable('malformed conditions', 'conditions-malformed');
  return {
    type: v.type,
    value: v.value,
    source: v.source,
    asserted: v.asserted,
    ...(typeof v.by === 'string' ? { by: v.by } : {}),
    ...(conditions.length > 0 ? { conditions } : {}),
  };
}
