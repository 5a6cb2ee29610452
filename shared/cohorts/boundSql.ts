/** Bound SQL fragments (docs/decisions/0027): text with `?` placeholders and their values in order. */

/** A parameterised statement: values bind to the `?` placeholders in order; nothing is spliced in. */
export interface BoundSql {
  readonly sql: string;
  readonly params: (string | number)[];
}

/** A LIMIT written into the text: a positive integer up to 1,000,000, or RangeError. */
export const checkLimit = (limit: number): number => {
  if (!Number.isInteger(limit) || limit < 1 || limit > 1_000_000) throw new RangeError('bad limit');
  return limit;
};

/** Concatenates text and bound fragments, keeping the parameters in textual order. */
export function sql(...parts: readonly (string | BoundSql)[]): BoundSql {
  let text = '';
  const params: (string | number)[] = [];
  for (const p of parts) {
    if (typeof p === 'string') text += p;
    else {
      text += p.sql;
      params.push(...p.params);
    }
  }
  return { sql: text, params };
}

/** Fragments joined by a separator (parameters in order). */
export const joinSql = (parts: readonly BoundSql[], sep: string): BoundSql =>
  sql(...parts.flatMap((p, i) => (i === 0 ? [p] : [sep, p])));

export const inList = (column: string, values: readonly (string | number)[]): BoundSql => ({
  sql: `${column} IN (${values.map(() => '?').join(', ')})`,
  params: [...values],
});
