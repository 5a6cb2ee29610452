import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiseaseHit } from '../../../../../shared/cases/diseaseSearch';
import type { Diagnosis } from '../../../../../shared/cases/workChannels';
import { useStore } from '../../../store';

/**
 * The diagnosis as an OMIM or Orphanet disease of the HPO annotations the app ships (issue 18):
 * a labelled search field (name words or id) and a labelled list of matches, both native controls
 * so the keyboard works as everywhere (type, Tab to the list, arrows, Enter or the button). The
 * disease's mode of inheritance is kept with it for BS1 (shared/acmg/bs1.ts).
 */
export function DiagnosisPicker(props: {
  readonly current: Diagnosis | null;
  readonly onPick: (d: Diagnosis) => void;
}) {
  const { t } = useTranslation();
  const search = useStore((s) => s.searchDiseases);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<DiseaseHit[]>([]);
  const [chosen, setChosen] = useState('');
  const [source, setSource] = useState('');
  const ids = useId();
  useEffect(() => {
    let current = true;
    void search(query).then((r) => {
      if (!current) return;
      setHits(r?.diseases ?? []);
      setSource(r?.version ?? '');
      setChosen(r?.diseases[0]?.id ?? '');
    });
    return () => {
      current = false;
    };
  }, [query, search]);
  const pick = (): void => {
    const hit = hits.find((h) => h.id === chosen);
    if (hit === undefined) return;
    props.onPick({
      id: hit.id,
      label: hit.label,
      inheritance: hit.inheritance,
      ...(props.current?.bs1 === undefined ? {} : { bs1: props.current.bs1 }),
    });
  };
  return (
    <div className="diagnosis-picker" data-testid="diagnosis-picker">
      <label htmlFor={`${ids}-q`}>{t('caseWork.diagnosisPicker.search')}</label>
      <input
        id={`${ids}-q`}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        aria-describedby={`${ids}-n`}
        data-testid="diagnosis-search"
      />
      <p id={`${ids}-n`} className="hint" role="status" data-testid="diagnosis-matches">
        {query.trim().length < 2
          ? t('caseWork.diagnosisPicker.hint')
          : t('caseWork.diagnosisPicker.matches', { count: hits.length, source })}
      </p>
      {hits.length === 0 ? null : (
        <>
          <label htmlFor={`${ids}-list`}>{t('caseWork.diagnosisPicker.list')}</label>
          <select
            id={`${ids}-list`}
            size={Math.min(8, Math.max(2, hits.length))}
            value={chosen}
            onChange={(e) => setChosen(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                pick();
              }
            }}
            data-testid="diagnosis-results"
          >
            {hits.map((h) => (
              <option key={h.id} value={h.id}>
                {h.label} ({h.id})
              </option>
            ))}
          </select>
          <button type="button" onClick={pick} data-testid="diagnosis-pick">
            {t('caseWork.diagnosisPicker.use')}
          </button>
        </>
      )}
    </div>
  );
}
