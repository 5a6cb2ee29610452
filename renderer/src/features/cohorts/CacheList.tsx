import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { VaultList } from '../../../../shared/vault/vault';
import { useStore } from '../../store';
import { useFormat } from '../../i18n/useFormat';
import { VaultUnlock } from './VaultUnlock';
import { duoText } from '../../i18n/terms';
import { codedText } from '../../i18n/codedText';

/**
 * Why the vault is locked or lists nothing, in the user's language from main's code (issue 22):
 * main's `message` is the same in English, for the command line.
 */
export function lockText(t: TFunction, cache: VaultList): string {
  if (cache.why === undefined) return t('cohorts.cache.locked');
  return t(`cohorts.cache.why.${cache.why}`, {
    storage: t(`cohorts.cache.storage.${cache.storage ?? 'none'}`),
  });
}

/** The datasets in the encrypted cache, each with its provenance, purpose, DUO terms and expiry. */
export function CacheList() {
  const { t } = useTranslation();
  const f = useFormat();
  const cache = useStore((s) => s.cohortCache);
  const loads = useStore((s) => s.cohortLoads);
  if (cache === undefined) return <p className="hint">{t('cohorts.cache.loading')}</p>;
  return (
    <section aria-labelledby="cohort-cache-heading" data-testid="cohort-cache">
      <h2 id="cohort-cache-heading">{t('cohorts.cache.heading')}</h2>
      {cache.locked ? (
        <>
          <p role="status" data-testid="cohort-cache-locked" data-why={cache.why}>
            {lockText(t, cache)}
          </p>
          <VaultUnlock />
        </>
      ) : null}
      {cache.datasets.length === 0 ? (
        <p data-testid="cohort-cache-empty">
          {!cache.locked && cache.why !== undefined ? lockText(t, cache) : t('cohorts.cache.empty')}
        </p>
      ) : (
        <table className="cohort-cache-table">
          <thead>
            <tr>
              {['dataset', 'node', 'purpose', 'duo', 'rows', 'pulled', 'expires', 'state'].map(
                (k) => (
                  <th scope="col" key={k}>
                    {t(`cohorts.cache.${k}`)}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {cache.datasets.map((d) => {
              const load = loads[d.datasetId];
              return (
                <tr key={d.datasetId} data-testid={`cohort-dataset-${d.datasetId}`}>
                  <th scope="row" title={d.title} translate="no">
                    {d.datasetId}
                  </th>
                  <td translate="no">{`${d.nodeName} (${d.country})`}</td>
                  <td>{t(`cohorts.purpose.${d.purpose}`)}</td>
                  <td>{d.duo.map((x) => duoText(t, x.id, x.label)).join(', ')}</td>
                  <td>
                    {t('cohorts.cache.rowsValue', {
                      individuals: t('cohorts.cache.individuals', { count: d.rows.individuals }),
                      genotypes: t('cohorts.cache.genotypes', { count: d.rows.genotypes }),
                    })}
                  </td>
                  <td>{f.dateTime(d.pulledAt)}</td>
                  <td>{f.date(d.expiresAt)}</td>
                  <td
                    data-testid={`cohort-load-${d.datasetId}`}
                    data-state={load?.state ?? 'waiting'}
                  >
                    {load?.state === 'failed'
                      ? load.message
                      : t(`cohorts.load.${load?.state ?? 'loading'}`)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {cache.notes !== undefined && cache.notes.length > 0 ? (
        <ul className="notice-list" data-testid="cohort-notes">
          {cache.notes.map((n) => (
            <li key={n.datasetId} data-readable={n.readable}>
              {t('cohorts.cache.note', {
                dataset: n.datasetId,
                message: codedText(t, 'vaultNote', n.said ?? {}, n.message),
              })}
            </li>
          ))}
        </ul>
      ) : null}
      {cache.removed.length > 0 ? (
        <ul className="notice-list" data-testid="cohort-removed">
          {cache.removed.map((r) => (
            <li key={`${r.datasetId}-${r.at}`}>
              {t('cohorts.cache.removed', {
                dataset: r.datasetId,
                message: codedText(t, 'vaultNote', r.said ?? {}, r.message),
              })}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
