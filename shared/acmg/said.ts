import { z } from 'zod';
import en from '../i18n/documents/en.json' with { type: 'json' };

/**
 * What the ACMG sheet's suggestions say, as codes and parameters the reader's language words
 * (issue 22; decision 0057): a key of the document catalogue's `acmgText` tree and its values.
 * Numbers stay numbers (frequencies as fractions, counts as counts), names stay as the data wrote
 * them; a value may itself be a sentence (or a list of them) worded the same way. The English
 * sentences beside them stay for the command line and for cases stored before.
 */

/** A value a sentence interpolates: text as written, a number, or sentences of its own. */
export type SaidValue = string | number | Said | readonly Said[];
export interface Said {
  readonly key: string;
  readonly params?: Readonly<Record<string, SaidValue>> | undefined;
}

function keysOf(tree: unknown, prefix: string, out: Set<string>): Set<string> {
  if (typeof tree !== 'object' || tree === null) return out;
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix === '' ? k : `${prefix}.${k}`;
    if (typeof v === 'string') out.add(key.replace(/_(zero|one|two|few|many|other)$/, ''));
    else keysOf(v, key, out);
  }
  return out;
}

/** The keys the English catalogue words (plural forms under their base key). */
export const SAID_KEYS: ReadonlySet<string> = keysOf(en.acmgText, '', new Set());

/** One sentence as it crosses a boundary (IPC, the case file): only keys the catalogue has. */
export const SaidSchema: z.ZodType<Said> = z.lazy(() =>
  z
    .object({
      key: z
        .string()
        .max(80)
        .refine((k) => SAID_KEYS.has(k), { error: 'not a key of the ACMG wording' }),
      params: z
        .record(
          z.string().max(40),
          z.union([z.string().max(2000), z.number(), SaidSchema, z.array(SaidSchema).max(60)]),
        )
        .optional(),
    })
    .strict(),
);

/** Sentences read one after the other (a reason with its bound, a caveat with BS1's threshold). */
export const SaidListSchema = z.array(SaidSchema).max(12);

/** Builds a sentence, leaving out values that are undefined. */
export function said(key: string, params?: Record<string, SaidValue | undefined>): Said {
  if (params === undefined) return { key };
  const kept = Object.entries(params).filter((e): e is [string, SaidValue] => e[1] !== undefined);
  return kept.length === 0 ? { key } : { key, params: Object.fromEntries(kept) };
}
