import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { consoleSqlRefusal } from '../../../../shared/cohorts/consoleSql';
import type { QueryResult } from '../../db';
import { cancel, query } from '../../db';

const CONSOLE_LIMIT = 1000;
const show = (v: unknown): string => {
  if (Array.isArray(v)) return v.join('; ');
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return v === null || v === undefined ? '' : JSON.stringify(v);
};

/** A read-only SQL console over the cache views for power users: row limit, cancel, no writes. */
export function SqlConsole() {
  const { t } = useTranslation();
  const [sql, setSql] = useState(
    'SELECT dataset_id, node_id, count(*) AS individuals FROM individuals GROUP BY ALL',
  );
  const [result, setResult] = useState<QueryResult & { sql: string }>();
  // The console's own refusal in words; DuckDB's message shown as it came, marked as English data.
  const [error, setError] = useState<{ words: string; engine?: string }>();
  const [running, setRunning] = useState(false);
  const run = async (): Promise<void> => {
    // A new statement replaces the last answer: an error never sits above an older result
    // as if that were this statement's (issue 13).
    setResult(undefined);
    setError(undefined);
    const refusal = consoleSqlRefusal(sql);
    if (refusal !== undefined) {
      setError({
        words: t(`cohorts.console.refused.${refusal.code}`, {
          keyword: refusal.code === 'forbidden' ? refusal.keyword : '',
        }),
      });
      return;
    }
    setRunning(true);
    try {
      setResult({ ...(await query(sql, [], CONSOLE_LIMIT)), sql });
    } catch (e: unknown) {
      setError({
        words: t('cohorts.console.failed'),
        engine: e instanceof Error ? e.message : String(e),
      });
    } finally {
      setRunning(false);
    }
  };
  return (
    <details className="sql-console" data-testid="sql-console">
      <summary>{t('cohorts.console.heading')}</summary>
      <label>
        {t('cohorts.console.label')}
        <textarea
          value={sql}
          onChange={(e) => setSql(e.target.value)}
          rows={4}
          spellCheck={false}
          data-testid="sql-input"
        />
      </label>
      <button type="button" onClick={() => void run()} disabled={running} data-testid="sql-run">
        {t('cohorts.console.run')}
      </button>
      <button
        type="button"
        onClick={() => void cancel()}
        disabled={!running}
        data-testid="sql-cancel"
      >
        {t('cohorts.console.cancel')}
      </button>
      {error === undefined ? null : (
        <p role="alert" data-testid="sql-error">
          {error.words}
          {error.engine === undefined ? null : (
            <>
              {' '}
              <code lang="en" translate="no">
                {error.engine}
              </code>
            </>
          )}
        </p>
      )}
      {result === undefined ? null : (
        <table data-testid="sql-result" data-rows={result.rows.length} data-sql={result.sql}>
          <caption>
            {t('cohorts.console.rows', { count: result.rows.length, ms: Math.round(result.ms) })}
            {result.truncated ? ` ${t('cohorts.console.truncated', { count: CONSOLE_LIMIT })}` : ''}
          </caption>
          <thead>
            <tr>
              {result.columns.map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.rows.map((r, i) => (
              <tr key={i}>
                {result.columns.map((c) => (
                  <td key={c}>{show(r[c])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
