import type { TFunction } from 'i18next';
import type { CodedParams } from '../../../shared/i18n/coded';

/** Values that carry an ISO date and time: shown in the reader's format, not as ISO text. */
const DATES = new Set(['until', 'pulled', 'at']);

function valuesOf(params: CodedParams | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params ?? {}))
    out[k] =
      DATES.has(k) && typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? new Date(v) : v;
  return out;
}

/**
 * A code main or shared code sent (issue 22, decision 0064), worded from the `coded.<tree>` block
 * of the catalogue in the reader's language; a code this build does not word shows main's English.
 */
export function codedText(
  t: TFunction,
  tree: string,
  coded: { readonly code?: string | undefined; readonly params?: CodedParams | undefined },
  english: string,
): string {
  if (coded.code === undefined) return english;
  return t(`coded.${tree}.${coded.code}`, { ...valuesOf(coded.params), defaultValue: english });
}
