/**
 * Redaction of anything token-like before it reaches a log file: JWTs, bearer tokens, OAuth codes,
 * secrets in URLs, and values under sensitive keys. Logs are support material, never a credential store.
 */

const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}(?:\.[A-Za-z0-9_-]*)?/g;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi;
const URL_SECRET_PARAMS =
  /([?&#](?:code|state|nonce|access_token|refresh_token|id_token|token|code_verifier|client_secret|secret|s|launch|password)=)[^&#\s"']+/gi;
const SENSITIVE_KEY =
  /^(authorization|cookie|set-cookie|password|passphrase|secret|client_secret|token|access_?token|refresh_?token|id_?token|code|code_?verifier|visa|visas|passport|ga4gh_passport_v1|key|master_?key|data_?key)$/i;

export const REDACTED = '[redacted]';

/** Redacts token-like substrings in free text. */
export function redactText(text: string): string {
  return text
    .replace(JWT, REDACTED)
    .replace(BEARER, `$1 ${REDACTED}`)
    .replace(URL_SECRET_PARAMS, `$1${REDACTED}`);
}

/** Returns a deep copy of a value with sensitive keys and token-like strings redacted. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[depth limit]';
  if (typeof value === 'string') return redactText(value);
  if (value instanceof Error) {
    return {
      name: value.name,
      message: redactText(value.message),
      stack: redactText(value.stack ?? ''),
    };
  }
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] = SENSITIVE_KEY.test(key) ? REDACTED : redact(inner, depth + 1);
    }
    return out;
  }
  return value;
}
