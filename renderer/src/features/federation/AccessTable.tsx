import { useTranslation } from 'react-i18next';
import type { DatasetAccess } from '../../../../shared/auth/session';
import { duoText } from '../../i18n/terms';

const when = (iso: string | undefined, language: string): string =>
  iso === undefined
    ? ''
    : new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date(iso),
      );

/** Per dataset: node, title, level, what this user sees, DUO terms and when access ends. */
export function AccessTable(props: { readonly access: readonly DatasetAccess[] }) {
  const { t, i18n } = useTranslation();
  if (props.access.length === 0) return <p>{t('access.none')}</p>;
  return (
    <table className="data-table" data-testid="access-table">
      <thead>
        <tr>
          <th scope="col">{t('access.node')}</th>
          <th scope="col">{t('access.dataset')}</th>
          <th scope="col">{t('access.level')}</th>
          <th scope="col">{t('access.granularity')}</th>
          <th scope="col">{t('access.duo')}</th>
          <th scope="col">{t('access.expires')}</th>
        </tr>
      </thead>
      <tbody>
        {props.access.map((row) => (
          <tr key={`${row.nodeId}/${row.datasetId}`} data-testid={`access-${row.datasetId}`}>
            <td translate="no">
              {row.nodeName} <span className="hint">({row.country})</span>
            </td>
            <td translate="no">
              {row.title} <span className="hint">{row.datasetId}</span>
            </td>
            <td>{t(`access.levels.${row.level}`)}</td>
            <td
              data-testid={`granularity-${row.datasetId}`}
              data-from={row.granularityFrom}
              title={
                row.granularityFrom === undefined
                  ? undefined
                  : t(
                      row.granularityFrom === 'node'
                        ? 'interop.access.fromNode'
                        : 'interop.access.fromPassport',
                    )
              }
            >
              {t(`access.granularities.${row.granularity}`)}
            </td>
            <td>
              {row.duo.map((term) => (
                <abbr key={term.id} title={term.id} className="tag">
                  {duoText(t, term.id, term.label)}
                  {term.modifiers === undefined
                    ? ''
                    : ` (${t('interop.access.duoModifiers', {
                        modifiers: term.modifiers.map((m) => m.label).join(', '),
                      })})`}
                </abbr>
              ))}
            </td>
            <td data-testid={`expiry-${row.datasetId}`}>
              {row.expired ? (
                <strong className="form-error">{t('access.expired')}</strong>
              ) : row.expiringSoon ? (
                <strong className="warn" role="status">
                  {t('access.expiringSoon', { when: when(row.expiresAt, i18n.language) })}
                </strong>
              ) : (
                when(row.expiresAt, i18n.language)
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
