import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../../../../shared/cases/workChannels';
import { authorWords } from '../../../i18n/authorWords';
import { useFormat } from '../../../i18n/useFormat';

/** Who changed the case's work, when and what (issue 18): the time and the author in the app's language. */
export function WorkHistory({ history }: { readonly history: readonly HistoryEntry[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <details data-testid="work-history">
      <summary>{t('caseWork.history', { count: history.length })}</summary>
      <ol>
        {history.map((h, i) => (
          <li key={`${h.at}-${String(i)}`}>
            {t('caseWork.historyEntry', {
              at: f.dateTime(h.at),
              by: authorWords(t, h),
              detail: h.detail,
            })}
          </li>
        ))}
      </ol>
    </details>
  );
}
