import type { TFunction } from 'i18next';
import type { Author } from '../../../shared/cases/author';
import { authorText } from '../../../shared/cases/author';

/**
 * Who wrote a note, confirmed a class, signed off, reviewed or changed a case, in the app's
 * language (issue 22, decision 0077): a user's id as it is, this computer's account worded.
 */
export const authorWords = (
  t: TFunction,
  e: { readonly by: string; readonly author?: Author | undefined },
): string => authorText((key, values) => t(key, values ?? {}), e);
