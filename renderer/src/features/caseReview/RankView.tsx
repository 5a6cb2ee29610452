import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/cases/channels';
import { useStore } from '../../store';
import { openGeneInBrowser } from './openInBrowser';
import { PhenotypeEditor } from './PhenotypeEditor';
import { RankChart } from './RankChart';
import { RankList } from './RankList';

/**
 * "Rank" (issue 17): the case's genes best first by phenotype likelihood ratio times genotype fit
 * (docs/decisions/0019-case-ranking.md), over the variants the filters keep; editing the phenotype,
 * the mode or the filters re-ranks at once. Each gene explains itself and opens in the Browser.
 */
export function RankView({ detail }: { readonly detail: CaseDetail }) {
  const { t } = useTranslation();
  const rank = useStore((s) => s.rank);
  const phenotype = useStore((s) => s.rankPhenotype);
  const setPhenotype = useStore((s) => s.setRankPhenotype);
  const mode = useStore((s) => s.rankMode);
  const setMode = useStore((s) => s.setRankMode);
  const explanations = useStore((s) => s.rankExplanations);
  const explain = useStore((s) => s.explainGene);
  const kept = useStore((s) => s.caseRows?.kept);
  const edited =
    JSON.stringify(phenotype.observed.map((x) => x.id)) !==
      JSON.stringify(detail.phenotype.observed.map((x) => x.id)) ||
    JSON.stringify(phenotype.excluded.map((x) => x.id)) !==
      JSON.stringify(detail.phenotype.excluded.map((x) => x.id));
  const summary = rank.summary;
  return (
    <section className="rank-view" aria-labelledby="rank-heading" data-testid="case-rank">
      <h3 id="rank-heading">{t('caseReview.rank.heading')}</h3>
      <fieldset className="inline-fieldset">
        <legend>{t('caseReview.rank.mode')}</legend>
        {(['vcf', 'pheno'] as const).map((m) => (
          <label key={m}>
            <input
              type="radio"
              name="rank-mode"
              value={m}
              checked={mode === m}
              onChange={() => void setMode(m)}
              data-testid={`rank-mode-${m}`}
            />
            {t(`caseReview.rank.modes.${m}`, { count: kept ?? 0 })}
          </label>
        ))}
      </fieldset>
      <PhenotypeEditor
        id="rank-phenotype"
        value={phenotype}
        onChange={(p) => void setPhenotype(p)}
      />
      {edited ? (
        <p className="hint" data-testid="rank-edited">
          {t('caseReview.rank.edited')}{' '}
          <button type="button" onClick={() => void setPhenotype(detail.phenotype)}>
            {t('caseReview.rank.restore')}
          </button>
        </p>
      ) : null}
      {phenotype.observed.length < 5 ? (
        <p className="hint">
          {t('caseReview.rank.fewTerms', { count: phenotype.observed.length })}
        </p>
      ) : null}
      <p role="status" data-testid="rank-status" data-state={rank.status}>
        {rank.status === 'ranking'
          ? t('caseReview.rank.ranking')
          : summary === undefined
            ? ''
            : t(`caseReview.rank.done.${summary.mode}`, {
                count: summary.genes.length,
                variants: t('caseReview.rank.done.variantRecords', { count: summary.variants }),
              })}
        {rank.capped === true ? ` ${t('caseReview.rank.capped')}` : ''}
        {summary !== undefined && summary.unknownTerms.length > 0
          ? ` ${t('caseReview.rank.unknownTerms', { terms: summary.unknownTerms.join(', ') })}`
          : ''}
      </p>
      {rank.status === 'failed' ? (
        <p role="alert" className="form-error">
          {t('caseReview.rank.failed', { error: rank.error ?? '' })}
        </p>
      ) : null}
      {summary === undefined ? null : <RankChart summary={summary} />}
      {summary === undefined ? null : (
        <RankList
          id="case-rank-list"
          summary={summary}
          explanations={explanations}
          onExplain={(symbol) => void explain(symbol)}
          onOpen={(g) => {
            const first = g.fit?.variants[0];
            void openGeneInBrowser(detail, g.symbol, first, t);
          }}
        />
      )}
    </section>
  );
}
