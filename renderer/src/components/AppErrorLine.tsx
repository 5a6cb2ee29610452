import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Wordable } from '../i18n/appErrorText';
import { appErrorText } from '../i18n/appErrorText';
import { AsWritten } from './AsWritten';

/** Stands for the message while the sentence is split around it (never in a catalogue). */
const SLOT = '\u0000';

/**
 * A sentence around an error (`{{message}}`), in the reader's language (issue 22): an error with
 * main's code is worded from it (decision 0063: the refusals and failures main raises itself); an
 * error without one (another program's words: a transport's, an older main's) is quoted as
 * written and marked English, inside the translated sentence (decision 0071).
 */
export function AppErrorLine({
  sentence,
  error,
}: {
  /** A catalogue key whose sentence has `{{message}}`. */
  readonly sentence: string;
  readonly error: Wordable;
}) {
  const { t } = useTranslation();
  if (error.key !== undefined) return <>{t(sentence, { message: appErrorText(error, t) })}</>;
  const parts = t(sentence, { message: SLOT }).split(SLOT);
  const out: ReactNode[] = [];
  parts.forEach((part, i) => {
    if (i > 0) out.push(<AsWritten key={`w${String(i)}`} text={error.message} from="reported" />);
    out.push(part);
  });
  return <>{out}</>;
}
