/** Converts a value from an Arrow row to plain JSON-safe data (lists to arrays, BigInt to number). */
export function plainValue(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString();
  if (v !== null && typeof v === 'object' && 'toArray' in v && typeof v.toArray === 'function') {
    const items = (v.toArray as () => ArrayLike<unknown>)();
    return Array.from(items, plainValue);
  }
  return v ?? null;
}

/** One Arrow row (toJSON of a StructRow) as a plain record. */
export function plainRow(row: { toJSON(): Record<string, unknown> }): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row.toJSON())) out[k] = plainValue(v);
  return out;
}
