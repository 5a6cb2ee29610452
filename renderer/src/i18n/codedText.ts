import type { TFunction } from 'i18next';
import type { CodedParams } from '../../../shared/i18n/coded';

/** Values that carry an ISO date and time: shown in the reader's format, not as ISO text. */
const DATES = new Set(['until', 'pulled', 'at']);

/**
 * Values that are themselves a code, worded from their own tree with the same values: a VCF
 * problem's `origin` (`declared`, `reserved`…: where a key's Number and Type come from, decision
 * 0069) reads "Number=1, Type=Integer (##INFO on line 5)" in the reader's words.
 */
const WORDED: Readonly<Record<string, string>> = { origin: 'vcfOrigin' };

function valuesOf(t: TFunction, params: CodedParams | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params ?? {}))
    out[k] =
      DATES.has(k) && typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? new Date(v) : v;
  for (const [k, tree] of Object.entries(WORDED)) {
    const v = params?.[k];
    if (typeof v === 'string') out[k] = t(`coded.${tree}.${v}`, { ...out, defaultValue: v });
  }
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
  return t(`coded.${tree}.${coded.code}`, { ...valuesOf(t, coded.params), defaultValue: english });
}
