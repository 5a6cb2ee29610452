import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';

/** Save the current filters as a named definition; open one to evaluate it again on the cache. */
export function SavedCohorts() {
  const { t } = useTranslation();
  const saved = useStore((s) => s.cohortSaved);
  const save = useStore((s) => s.saveCohort);
  const open = useStore((s) => s.openCohort);
  const remove = useStore((s) => s.deleteCohort);
  const [name, setName] = useState('');
  const [message, setMessage] = useState<string>();
  useEffect(() => {
    void useStore.getState().loadSavedCohorts();
  }, []);
  return (
    <section aria-labelledby="cohort-saved-heading" data-testid="cohort-saved">
      <h2 id="cohort-saved-heading">{t('cohorts.saved.heading')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save(name).then((def) => {
            if (def) setMessage(t('cohorts.saved.saved', { name: def.name }));
          });
        }}
      >
        <label>
          {t('cohorts.saved.name')}
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            data-testid="cohort-name"
            maxLength={200}
          />
        </label>
        <button type="submit" disabled={name.trim() === ''} data-testid="cohort-save">
          {t('cohorts.saved.save')}
        </button>
      </form>
      {message === undefined ? null : <p role="status">{message}</p>}
      {saved.length === 0 ? (
        <p className="hint">{t('cohorts.saved.none')}</p>
      ) : (
        <ul data-testid="cohort-saved-list">
          {saved.map((d) => (
            <li key={d.id}>
              <span>{d.name}</span>{' '}
              <button type="button" onClick={() => void open(d)}>
                {t('cohorts.saved.open')}
              </button>{' '}
              <button
                type="button"
                onClick={() => void remove(d.id)}
                aria-label={t('cohorts.saved.deleteNamed', { name: d.name })}
              >
                {t('cohorts.saved.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
