import { useTranslation } from 'react-i18next';
import type { CaseSex, Phenotype } from '../../../../shared/cases/channels';
import { useStore } from '../../store';
import { RankList } from './RankList';

/**
 * Phenotype-only ranking before any VCF (issue 17): the genes and diseases the terms point to, so
 * a clinician can choose a panel or decide on sequencing. Runs on request in the ranking worker.
 */
export function PhenotypePreview(props: { readonly phenotype: Phenotype; readonly sex: CaseSex }) {
  const { t } = useTranslation();
  const preview = useStore((s) => s.rankPreview);
  const run = useStore((s) => s.previewRanking);
  return (
    <details className="phenotype-preview" data-testid="phenotype-preview">
      <summary>{t('caseReview.preview.summary')}</summary>
      <button
        type="button"
        disabled={props.phenotype.observed.length === 0 || preview.status === 'ranking'}
        onClick={() => void run(props.phenotype, props.sex)}
        data-testid="phenotype-preview-run"
      >
        {preview.status === 'ranking' ? t('caseReview.rank.ranking') : t('caseReview.preview.run')}
      </button>
      {preview.status === 'failed' ? (
        <p role="alert" className="form-error">
          {preview.error}
        </p>
      ) : null}
      {preview.summary === undefined ? null : (
        <RankList id="phenotype-preview-list" summary={preview.summary} limit={10} />
      )}
    </details>
  );
}
