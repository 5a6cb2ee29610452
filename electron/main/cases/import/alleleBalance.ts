import type { SplitVariant } from '../../../../shared/vcf/split';
import type { VcfValue } from '../../../../shared/vcf/types';

const num = (v: VcfValue | undefined): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;

/** The reads of every allele in a record's AD (missing values left out); null without any. */
function readsOf(v: VcfValue | undefined): number | null {
  if (!Array.isArray(v)) return null;
  let sum: number | null = null;
  for (const x of v as readonly VcfValue[]) {
    const n = num(x);
    if (n !== null) sum = (sum ?? 0) + n;
  }
  return sum;
}

/**
 * A call's allele balance for this ALT: its reads over every read at the site (issue 16). The
 * split AD holds REF and this ALT only, so a 1/2 call with AD 0,10,10 read 1.00 for each ALT, as
 * if homozygous; the record's whole AD counts the other ALT's reads too. Null without AD.
 */
export function alleleBalance(
  v: SplitVariant,
  column: number,
  adRef: number | null,
  adAlt: number | null,
): number | null {
  if (adRef === null || adAlt === null) return null;
  const depth =
    (v.record.alts.length > 1 ? readsOf(v.record.sample(column).get('AD')) : null) ?? adRef + adAlt;
  return depth > 0 ? adAlt / depth : null;
}
