import { z } from 'zod';

/**
 * Who made a change to a case's work (a note, a confirmed class, the sign-off, a review, a history
 * entry), as main knew them (issue 22, decision 0077): a signed-in user's id, or this computer's
 * account while nobody is signed in, for the reader's words. `by` beside it stays main's English
 * label, for the command line, the Phenopacket and the versions before.
 */
export const AuthorSchema = z
  .object({ kind: z.enum(['user', 'local']), account: z.string().max(300) })
  .strict();
export type Author = z.infer<typeof AuthorSchema>;

/** An author as main passes it to the work: the kind and account, and the English label. */
export interface WorkAuthor extends Author {
  readonly label: string;
}

const LOCAL_LABEL = /^this computer account \((.+)\)$/s;

/** Main's English label of this computer's account (the command line's words). */
export const localAccountLabel = (account: string): string => `this computer account (${account})`;

/**
 * Who wrote an entry: its `author`, or, for an entry an earlier version stored with the label
 * only, the label read back (main wrote this computer's account as `localAccountLabel`).
 */
export function authorOf(e: { readonly by: string; readonly author?: Author | undefined }): Author {
  if (e.author !== undefined) return e.author;
  const local = LOCAL_LABEL.exec(e.by)?.[1];
  return local === undefined ? { kind: 'user', account: e.by } : { kind: 'local', account: local };
}

/** A translate function: i18next's `t` or the document catalogue's. */
type WordsT = (key: string, values?: Record<string, string | number>) => string;

/**
 * The author in the reader's words: a user's id as it is (a name), this computer's account as
 * `report.localAccount` words it (the document catalogue, so the screen and the report agree).
 */
export function authorText(
  t: WordsT,
  e: { readonly by: string; readonly author?: Author | undefined },
): string {
  const a = authorOf(e);
  return a.kind === 'local' ? t('report.localAccount', { account: a.account }) : a.account;
}
