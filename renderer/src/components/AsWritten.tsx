import { useTranslation } from 'react-i18next';

/**
 * Text the app cannot word: a message an earlier version stored in English before it stored a code,
 * or another program's own message (a database engine's, a browser's). Shown as written, quoted and
 * marked as English data (`lang`, `translate="no"`), after words saying where it comes from, so the
 * sentence around it stays in the reader's language (issue 22, decision 0071).
 */
export function AsWritten({
  text,
  from,
}: {
  readonly text: string;
  /** `stored`: kept by an earlier version; `reported`: another program's words. */
  readonly from: 'stored' | 'reported';
}) {
  const { t } = useTranslation();
  return (
    <span className="as-written" data-as-written={from}>
      {t(`said.asWritten.${from}`)}{' '}
      <q lang="en" translate="no">
        {text}
      </q>
    </span>
  );
}
