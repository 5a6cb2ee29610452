import type { DatasetPolicy } from '../../catalogue';

/**
 * How a count was adjusted. Beacon v2.1.1's count section has only `exists` and `numTotalResults` (the
 * schema allows extra members), so adjusted counts are flagged with two extension members:
 *  - countPrecision 'exact'   → the true number;
 *  - countPrecision 'rounded' → rounded to the nearest `countAdjustedTo` (never below the threshold);
 *  - countPrecision 'range'   → 1 ≤ true count < `countAdjustedTo`; numTotalResults carries the bound
 *    (the dataset's threshold), i.e. the range "<threshold".
 */
export type CountPrecision = 'exact' | 'rounded' | 'range';

export interface ReportedCount {
  value: number;
  precision: CountPrecision;
  adjustedTo?: number;
}

/** Applies a dataset's count rounding at count granularity; records report exact counts (BCN-05). */
export function reportCount(n: number, ds: DatasetPolicy, exact: boolean): ReportedCount {
  const { threshold, roundTo } = ds.countRounding;
  if (exact || n === 0) return { value: n, precision: 'exact' };
  if (n < threshold) return { value: threshold, precision: 'range', adjustedTo: threshold };
  if (roundTo <= 1) return { value: n, precision: 'exact' };
  return {
    value: Math.max(threshold, Math.round(n / roundTo) * roundTo),
    precision: 'rounded',
    adjustedTo: roundTo,
  };
}

const RANK: Record<CountPrecision, number> = { exact: 0, rounded: 1, range: 2 };

/** Sums per-dataset reports; the total is as imprecise as its least precise part. */
export function sumCounts(parts: readonly ReportedCount[]): ReportedCount {
  let value = 0;
  let precision: CountPrecision = 'exact';
  let adjustedTo: number | undefined;
  for (const p of parts) {
    value += p.value;
    if (RANK[p.precision] > RANK[precision]) precision = p.precision;
    if (p.adjustedTo !== undefined) adjustedTo = Math.max(adjustedTo ?? 0, p.adjustedTo);
  }
  return adjustedTo === undefined ? { value, precision } : { value, precision, adjustedTo };
}

/** The responseSummary / resultSet members for a reported count. */
export function countMembers(c: ReportedCount): Record<string, unknown> {
  if (c.precision === 'exact') return {};
  return {
    countPrecision: c.precision,
    ...(c.adjustedTo !== undefined ? { countAdjustedTo: c.adjustedTo } : {}),
  };
}
