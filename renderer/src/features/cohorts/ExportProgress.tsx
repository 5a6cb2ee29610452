import { useTranslation } from 'react-i18next';
import type { ParquetProgress } from '../../store/exportSlice';

/** Progress of a Parquet export: rows sent to main, then main writing the file. */
export function ExportProgress({ progress }: { progress: ParquetProgress }) {
  const { t } = useTranslation();
  if (progress.stage === 'writing')
    return (
      <p role="status" data-testid="export-progress">
        {t('cohorts.export.parquetWriting')}
      </p>
    );
  const text = t('cohorts.export.parquetProgress', { sent: progress.sent, count: progress.total });
  return (
    <p data-testid="export-progress">
      <progress
        aria-label={t('cohorts.export.parquetSending')}
        aria-valuetext={text}
        max={Math.max(progress.total, 1)}
        value={progress.sent}
      />{' '}
      <span role="status">{text}</span>
    </p>
  );
}
