import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeenCandidate } from '../../../../../shared/seen/channels';
import { candidateKey } from '../../../../../shared/seen/channels';
import { useStore } from '../../../store';
import { BATCH, rankedCandidates, tableCandidates, TOP_GENES } from './candidates';
import { SeenProgressList } from './SeenProgressList';
import { SeenTable } from './SeenTable';
import { currentLocale } from '../../../i18n';
import { formatFixed } from '../../../../../shared/i18n/format';

/**
 * "Seen before" (issue 18): the case's candidate alleles looked up at every node in one batch, with
 * the local cache's carriers beside them. Answers are stored with the case, so they show (with
 * their time) when it is reopened offline.
 */
export function SeenBefore() {
  const { t } = useTranslation();
  const answers = useStore((s) => s.seenAnswers);
  const run = useStore((s) => s.seenRun);
  const error = useStore((s) => s.seenError);
  const local = useStore((s) => s.seenLocal);
  const lookup = useStore((s) => s.lookupSeen);
  const cancel = useStore((s) => s.cancelSeen);
  const loadLocal = useStore((s) => s.loadLocalCarriers);
  const summary = useStore((s) => s.rank.summary);
  const rows = useStore((s) => s.caseRows?.rows);
  const kept = useStore((s) => s.caseRows?.kept ?? 0);
  const firstRows = useStore((s) => s.caseExportRows);
  const ranked = useMemo(() => rankedCandidates(summary), [summary]);
  // The table holds its first window only (issue 16: 200 rows); the batch takes up to BATCH
  // kept rows in the table's order, fetched when asked.
  const listed = useMemo(() => tableCandidates(rows), [rows]);
  const genes = useMemo(() => {
    const m = new Map<string, string>();
    for (const c of [...ranked, ...listed])
      if (c.gene !== undefined) m.set(candidateKey(c), c.gene);
    return m;
  }, [ranked, listed]);
  const keys = useMemo(() => [...new Set(answers.map((a) => a.key))], [answers]);
  useEffect(() => {
    if (keys.length > 0) void loadLocal(keys);
  }, [keys, loadLocal]);
  const running = run !== undefined && run.done === undefined;
  const start = (list: readonly SeenCandidate[]) => void lookup(list);
  return (
    <section aria-labelledby="seen-heading" data-testid="seen-before">
      <h3 id="seen-heading">{t('caseReview.seen.heading')}</h3>
      <p className="hint">{t('caseReview.seen.intro', { batch: BATCH })}</p>
      <div className="button-row">
        <button
          type="button"
          disabled={running || ranked.length === 0}
          onClick={() => start(ranked)}
          data-testid="seen-lookup-ranked"
        >
          {t('caseReview.seen.lookupRanked', { variants: ranked.length, count: TOP_GENES })}
        </button>
        <button
          type="button"
          disabled={running || listed.length === 0}
          onClick={() => void firstRows(BATCH).then((r) => start(tableCandidates(r)))}
          data-testid="seen-lookup-table"
        >
          {t('caseReview.seen.lookupTable', { count: Math.min(kept, BATCH) })}
        </button>
        {running ? (
          <button type="button" onClick={() => void cancel()} data-testid="seen-cancel">
            {t('caseReview.seen.cancel')}
          </button>
        ) : null}
      </div>
      {error === undefined ? null : (
        <p role="alert" className="form-error">
          {t('caseReview.seen.failed', { error })}
        </p>
      )}
      <p role="status" data-testid="seen-status" data-state={running ? 'running' : 'idle'}>
        {run === undefined
          ? ''
          : run.done === undefined
            ? t('caseReview.seen.running', { count: run.candidates })
            : t(run.done.cancelled ? 'caseReview.seen.cancelled' : 'caseReview.seen.done', {
                count: run.candidates,
                seconds: formatFixed(run.done.totalMs / 1000, currentLocale(), 1),
              })}
      </p>
      <SeenProgressList nodes={run?.nodes ?? []} />
      {local?.error === undefined ? null : (
        <p className="hint">{t('caseReview.seen.local.failed', { error: local.error })}</p>
      )}
      {answers.length === 0 && run === undefined ? (
        <p className="hint" data-testid="seen-empty">
          {t('caseReview.seen.empty')}
        </p>
      ) : null}
      <SeenTable answers={answers} local={local?.carriers} genes={genes} />
    </section>
  );
}
