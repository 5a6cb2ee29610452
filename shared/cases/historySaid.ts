import { z } from 'zod';

/**
 * What a history entry of a case's work says, as a key the reader's language words and its values
 * (issue 22, decision 0077); the entry's `detail` stays main's English (the command line, the
 * versions before). Values are data: variant keys, tags, criteria codes, a diagnosis's id and
 * label, counts; a case status and an ACMG class travel as their codes, the rule as its text.
 */
export const HISTORY_KEYS = [
  'status',
  'caseTags',
  'caseTagsNone',
  'variantTags',
  'variantTagsNone',
  'caseNote',
  'variantNote',
  'added',
  'removed',
  'evidence',
  'confirmed',
  'unconfirmed',
  'included',
  'leftOut',
  'signedOff',
  'diagnosis',
  'diagnosisCleared',
  'reviewed',
  'withdrawn',
  'withdrawnBy',
] as const;
export type HistoryKey = (typeof HISTORY_KEYS)[number];

export const HistorySaidSchema = z
  .object({
    key: z.enum(HISTORY_KEYS),
    params: z.record(z.string().max(40), z.union([z.string().max(2000), z.number()])).optional(),
  })
  .strict();
export type HistorySaid = z.infer<typeof HistorySaidSchema>;

/** Builds an entry's words. */
export const history = (key: HistoryKey, params?: Record<string, string | number>): HistorySaid =>
  params === undefined ? { key } : { key, params };

/** The sign-off withdrawn by another change: that change's key and values travel with it. */
export const withdrawnBy = (by: HistorySaid): HistorySaid =>
  history('withdrawnBy', { ...by.params, change: by.key });
