/**
 * GA4GH Passport visa `conditions`: a DNF (outer list OR, inner lists AND) of clauses that must each be
 * matched by a single valid visa without conditions (Passport spec "Conditions"; STANDARDS 2.3.6, PASS-02).
 */
import { wildcardMatch } from './wildcard';

/** The visa fields a clause can match (the spec forbids conditions and timestamps in clauses). */
export interface VisaClaims {
  readonly type: string;
  readonly value: string;
  readonly source: string;
  readonly by?: string;
}

export type Clause = Readonly<Record<string, unknown>>;

const MATCHABLE = new Set(['value', 'source', 'by']);

/** One field matcher: const:, pattern:, split_pattern:; any other prefix never matches. */
export function matchField(matcher: string, actual: string | undefined): boolean {
  if (actual === undefined) return false;
  const colon = matcher.indexOf(':');
  if (colon < 0) return false;
  const kind = matcher.slice(0, colon);
  const arg = matcher.slice(colon + 1);
  switch (kind) {
    case 'const':
      return arg === actual;
    case 'pattern':
      return wildcardMatch(arg, actual);
    case 'split_pattern':
      return actual.split(';').some((part) => wildcardMatch(arg, part));
    default:
      return false;
  }
}

/** Whether one visa satisfies one clause (type compared literally; unknown clause fields never match). */
export function clauseMatches(clause: Clause, visa: VisaClaims): boolean {
  if (typeof clause.type !== 'string' || clause.type !== visa.type) return false;
  for (const [key, matcher] of Object.entries(clause)) {
    if (key === 'type') continue;
    if (!MATCHABLE.has(key) || typeof matcher !== 'string') return false;
    if (!matchField(matcher, visa[key as 'value' | 'source' | 'by'])) return false;
  }
  return true;
}

/** Parses the `conditions` claim shape; undefined when malformed (a malformed visa is rejected). */
export function parseConditions(raw: unknown): Clause[][] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const out: Clause[][] = [];
  for (const conj of raw) {
    if (!Array.isArray(conj) || conj.length === 0) return undefined;
    const clauses: Clause[] = [];
    for (const c of conj) {
      if (typeof c !== 'object' || c === null || Array.isArray(c)) return undefined;
      clauses.push(c as Clause);
    }
    out.push(clauses);
  }
  return out;
}

/**
 * Evaluates DNF conditions against the passport's other valid visas. `support` must hold only visas that
 * passed verification and carry no conditions themselves.
 */
export function conditionsMet(
  conditions: readonly (readonly Clause[])[],
  support: readonly VisaClaims[],
): boolean {
  if (conditions.length === 0) return true;
  return conditions.some((conj) =>
    conj.every((clause) => support.some((v) => clauseMatches(clause, v))),
  );
}
