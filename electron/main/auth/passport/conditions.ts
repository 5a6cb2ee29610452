/**
 * GA4GH Passport visa `conditions` (PASS-02, STANDARDS 2.3.6): a DNF, outer list OR, inner lists
 * AND. Each clause must be matched by ONE valid visa that carries no conditions itself. Matchers:
 * `const:`, `pattern:` (`?` one char, `*` any run, full string, no escapes), `split_pattern:` (the
 * value split on `;`, any part matching). Unknown prefixes and unknown clause fields never match.
 */
import { wildcardMatch } from '../../../../shared/passport/wildcard';

/** The visa members a clause may test (the spec forbids conditions and timestamps in clauses). */
export interface ClauseSubject {
  readonly type: string;
  readonly value: string;
  readonly source: string;
  readonly by?: string;
}

export type Clause = Readonly<Record<string, string>>;
export type Conditions = readonly (readonly Clause[])[];

const MATCHABLE = new Set(['value', 'source', 'by']);

/** Whether one matcher (`const:x`, `pattern:x*`, `split_pattern:x*`) accepts a value. */
export function matchField(matcher: string, actual: string | undefined): boolean {
  if (actual === undefined) return false;
  const colon = matcher.indexOf(':');
  if (colon < 0) return false;
  const arg = matcher.slice(colon + 1);
  switch (matcher.slice(0, colon)) {
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

/** Whether one visa satisfies one clause: same type, every other field matched. */
export function clauseMatches(clause: Clause, visa: ClauseSubject): boolean {
  if (clause.type !== visa.type) return false;
  return Object.entries(clause).every(
    ([key, matcher]) =>
      key === 'type' ||
      (MATCHABLE.has(key) && matchField(matcher, visa[key as 'value' | 'source' | 'by'])),
  );
}

/** Parses the `conditions` member; undefined when malformed (the visa is then ignored). */
export function parseConditions(raw: unknown): Conditions | undefined {
  if (!Array.isArray(raw)) return undefined;
  const out: Clause[][] = [];
  for (const conjunction of raw as unknown[]) {
    if (!Array.isArray(conjunction) || conjunction.length === 0) return undefined;
    const clauses: Clause[] = [];
    for (const clause of conjunction as unknown[]) {
      if (typeof clause !== 'object' || clause === null || Array.isArray(clause)) return undefined;
      const entries = Object.entries(clause as Record<string, unknown>);
      if (!entries.every(([, v]) => typeof v === 'string')) return undefined;
      if (typeof (clause as Record<string, unknown>).type !== 'string') return undefined;
      clauses.push(clause as Clause);
    }
    out.push(clauses);
  }
  return out;
}

/** Evaluates DNF conditions; `support` must be valid visas without conditions of their own. */
export function conditionsMet(conditions: Conditions, support: readonly ClauseSubject[]): boolean {
  if (conditions.length === 0) return true;
  return conditions.some((all) => all.every((c) => support.some((v) => clauseMatches(c, v))));
}
