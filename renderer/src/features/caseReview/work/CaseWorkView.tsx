import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { mergeSuggestions } from '../../../../../shared/acmg/evaluate';
import type { CaseDetail, CaseVariantRow } from '../../../../../shared/cases/channels';
import { WorkStatusSchema } from '../../../../../shared/cases/workChannels';
import type { SeenAnswer } from '../../../../../shared/seen/channels';
import { useStore } from '../../../store';
import { readyDatasets } from '../../../store/cacheSlice';
import { CandidateList } from './CandidateList';
import { ChangesSinceReview } from './ChangesSinceReview';
import { NotesField } from './NotesField';
import { WorkHistory } from './WorkHistory';
import { ReportPanel } from './ReportPanel';
import { snapshotOf } from '../../../../../shared/cases/variantSnapshot';
import { suggestFor } from './suggestFor';
import { TagsField } from './TagsField';
import { readCacheFrequencies, useCacheFrequencies } from './useCacheFrequencies';
import { useCaseWork } from './useCaseWork';
import { VariantReview } from './VariantReview';

const NO_ANSWERS: readonly SeenAnswer[] = [];

/**
 * "Review and report" (issue 18): the case's status, tags and notes; candidates to take into
 * review; each reviewed variant's evidence sheet; the report, its sign-off and files; the history.
 */
export function CaseWorkView({ detail }: { readonly detail: CaseDetail }) {
  const { t } = useTranslation();
  const { work, error, clinvar, change, lookup } = useCaseWork(detail.caseId);
  const rows = useStore((s) => s.caseRows?.rows);
  const summary = useStore((s) => s.rank.summary);
  const filter = useStore((s) => s.caseFilter);
  const preset = useStore((s) => s.casePreset);
  const seenCase = useStore((s) => s.seenCaseId);
  const seenAnswers = useStore((s) => s.seenAnswers);
  const seen = seenCase === detail.caseId ? seenAnswers : NO_ANSWERS;
  const ranks = useMemo(
    () => new Map((summary?.genes ?? []).map((g) => [g.symbol, g.rank])),
    [summary],
  );
  const phenotypes = useMemo(() => detail.phenotype.observed.map((p) => p.id), [detail.phenotype]);
  const reviewedKeys = useMemo(
    () => (work?.variants ?? []).map((v) => v.variant.variantKey),
    [work?.variants],
  );
  const cache = useCacheFrequencies(reviewedKeys);
  const cacheOpen = useStore((s) => readyDatasets(s) !== '');
  const manifests = useStore((s) => s.cohortCache?.datasets);
  if (work === undefined)
    return <p role={error === undefined ? 'status' : 'alert'}>{error ?? t('caseWork.loading')}</p>;
  const review = async (row: CaseVariantRow): Promise<void> => {
    const cv = await lookup(row.variant_key, row.gene);
    // The cache per dataset, judged by each dataset's declaration (decision 0051); not read: said.
    const cached = cacheOpen
      ? await readCacheFrequencies([row.variant_key], manifests ?? []).catch(() => undefined)
      : undefined;
    const own = cached?.get(row.variant_key);
    const s = suggestFor({
      row,
      phenotypes,
      ...(own === undefined ? {} : { cache: own }),
      frequencyFields: detail.vcf.frequencyFields,
      rank: summary,
      clinvar: cv,
      work,
      seen,
    });
    await change({
      kind: 'addVariant',
      variant: snapshotOf(row),
      sheet: mergeSuggestions(undefined, s),
    });
  };
  const firstGene = work.variants.find((v) => v.reported)?.variant.gene;
  const disease = summary?.genes.find((g) => g.symbol === firstGene)?.diseases[0];
  const method = preset === undefined ? { filter } : { filter, preset };
  return (
    <section className="case-work" aria-labelledby="work-heading" data-testid="case-work">
      <h3 id="work-heading">{t('caseWork.heading')}</h3>
      {error === undefined ? null : (
        <p role="alert" className="form-error" data-testid="work-error">
          {error}
        </p>
      )}
      <label>
        {t('caseWork.status')}{' '}
        <select
          value={work.status}
          onChange={(e) =>
            void change({ kind: 'status', status: WorkStatusSchema.parse(e.target.value) })
          }
          data-testid="work-status"
        >
          {WorkStatusSchema.options.map((s) => (
            <option key={s} value={s}>
              {t(`caseWork.statusName.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <ChangesSinceReview work={work} change={change} />
      <TagsField
        id="case"
        tags={work.tags}
        onSave={(tags) => void change({ kind: 'tags', tags })}
      />
      <NotesField id="case" notes={work.notes} onAdd={(text) => change({ kind: 'note', text })} />
      <CandidateList rows={rows ?? []} ranks={ranks} work={work} onReview={(r) => void review(r)} />
      {work.variants.map((vw) => (
        <VariantReview
          key={vw.variant.variantKey}
          vw={vw}
          work={work}
          clinvar={clinvar}
          frequencyFields={detail.vcf.frequencyFields}
          rank={summary}
          seen={seen}
          phenotypes={phenotypes}
          cache={cache?.get(vw.variant.variantKey)}
          change={change}
        />
      ))}
      <ReportPanel
        caseId={detail.caseId}
        work={work}
        method={method}
        suggestedDiagnosis={
          disease === undefined ? undefined : { id: disease.id, label: disease.label }
        }
        change={change}
      />
      <WorkHistory history={work.history} />
    </section>
  );
}
