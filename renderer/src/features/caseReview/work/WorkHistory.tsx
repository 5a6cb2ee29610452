import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../../../../shared/cases/workChannels';
import { AsWritten } from '../../../components/AsWritten';
import { authorWords } from '../../../i18n/authorWords';
import { historyText } from '../../../i18n/historyText';
import { useFormat } from '../../../i18n/useFormat';

/**
 * Who changed the case's work, when and what (issue 18), in the app's language (issue 22, decision
 * 0077): an entry an earlier version stored without codes shows its English as written, marked.
 */
export function WorkHistory({ history }: { readonly history: readonly HistoryEntry[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <details data-testid="work-history">
      <summary>{t('caseWork.history', { count: history.length })}</summary>
      <ol>
        {history.map((h, i) => {
          const who = { at: f.dateTime(h.at), by: authorWords(t, h) };
          return (
            <li key={`${h.at}-${String(i)}`} data-what={h.what}>
              {h.said === undefined ? (
                <>
                  {t('caseWork.historyEntryStored', who)}{' '}
                  <AsWritten text={h.detail} from="stored" />
                </>
              ) : (
                t('caseWork.historyEntry', { ...who, detail: historyText(t, h.said) })
              )}
            </li>
          );
        })}
      </ol>
    </details>
  );
}
