import type { TFunction } from 'i18next';
import type { NotAllowedEntry } from '../../../shared/federation/directory';

/**
 * What IT's allow-lists removed, in the reader's words (issue 22): the kind is worded from
 * `coded.notAllowed.*`, the broker's issuer, the node's id and the host stay as the directory gives
 * them. Without the kinds (an older main) main's English entries are shown as they came.
 */
export function notAllowedEntries(
  t: TFunction,
  said: readonly NotAllowedEntry[] | undefined,
  english: readonly string[],
): string {
  if (said === undefined || said.length === 0) return english.join(', ');
  return said
    .map((e) => t(`coded.notAllowed.${e.kind}`, { name: e.name, host: e.host ?? '' }))
    .join(', ');
}
