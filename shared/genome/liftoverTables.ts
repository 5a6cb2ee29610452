import type { Assembly } from './assembly';
import type { LiftTable } from './liftover';
import { parseLiftTable } from './liftover';
import { GRCH37_TO_GRCH38, GRCH38_TO_GRCH37 } from './liftover.data';

/**
 * The committed UCSC-derived tables, parsed on first use (about 150,000 blocks; main-process code
 * only: the renderer never needs them). Kept apart from liftover.ts so importing the pure functions
 * does not pull 1.7 MB of data into a bundle.
 */
const cache = new Map<string, LiftTable>();

/** The table converting `from` → `to`, or undefined when both are the same assembly. */
export function liftTable(from: Assembly, to: Assembly): LiftTable | undefined {
  if (from === to) return undefined;
  const key = `${from}>${to}`;
  let t = cache.get(key);
  if (t === undefined) {
    t = parseLiftTable(from === 'GRCh37' ? GRCH37_TO_GRCH38 : GRCH38_TO_GRCH37);
    cache.set(key, t);
  }
  return t;
}
