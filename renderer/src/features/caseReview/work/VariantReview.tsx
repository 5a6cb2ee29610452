import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClinvarLookup } from '../../../../../shared/acmg/clinvar';
import type { CacheFrequency } from '../../../../../shared/acmg/frequencyCriteria';
import type { CaseWork, VariantWork, WorkChange } from '../../../../../shared/cases/workChannels';
import { refreshSuggestions, sameSuggestions } from '../../../../../shared/acmg/evaluate';
import type { SeenAnswer } from '../../../../../shared/seen/channels';
import type { RankSummary } from '../../../ranking/protocol';
import type { WorkChangeOf } from '../../../store/caseWorkSlice';
import { EvidenceSheetView } from './EvidenceSheetView';
import { NotesField } from './NotesField';
import { suggestFor, thresholdsFor } from './suggestFor';
import { TagsField } from './TagsField';
import { clinvarReviewText, clinvarText, consequenceWithCode } from '../../../i18n/terms';
import { modesText } from '../variantColumns';
import { saidLine } from '../../../i18n/acmgSaid';

/** One reviewed variant: its facts, ClinVar, the evidence sheet, tags, notes, in the report or not. */
export function VariantReview(props: {
  readonly vw: VariantWork;
  readonly work: CaseWork;
  readonly clinvar: ClinvarLookup | undefined;
  readonly frequencyFields: readonly string[];
  readonly rank: RankSummary | undefined;
  readonly seen: readonly SeenAnswer[];
  /** The patient's observed HPO terms (which cohorts are enriched for the case, decision 0051). */
  readonly phenotypes: readonly string[];
  /** The local cache's carriers of the allele per dataset; undefined: the cache was not read. */
  readonly cache: readonly CacheFrequency[] | undefined;
  /** A sheet edit comes as a function of the work main holds when its turn comes (caseWorkSlice). */
  readonly change: (c: WorkChange | WorkChangeOf) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const { vw, change } = props;
  const v = vw.variant;
  const key = v.variantKey;
  const id = key.replace(/[^A-Za-z0-9-]/g, '_');
  const suggestions = useMemo(
    () =>
      suggestFor({
        row: { ...v, variant_key: key },
        phenotypes: props.phenotypes,
        ...(props.cache === undefined ? {} : { cache: props.cache }),
        frequencyFields: props.frequencyFields,
        rank: props.rank,
        clinvar: props.clinvar,
        work: props.work,
        seen: props.seen,
      }),
    [
      v,
      key,
      props.phenotypes,
      props.cache,
      props.frequencyFields,
      props.rank,
      props.clinvar,
      props.work,
      props.seen,
    ],
  );
  const notes = suggestions.notes;
  // Data that arrived after the variant was taken into review (seen-before answers, ClinVar)
  // change the undecided suggestions only when the clinician asks (issue 18).
  const refreshed = refreshSuggestions(vw.sheet, suggestions);
  const stale = !sameSuggestions(vw.sheet.criteria, refreshed.criteria);
  const cv = props.clinvar?.variants.find((a) => a.variantKey === key);
  const headingId = `review-heading-${id}`;
  const th = thresholdsFor(props.work);
  const bs1Why = th.bs1Said === undefined ? (th.bs1Why ?? '') : saidLine(t, th.bs1Said);
  return (
    <section className="variant-review" aria-labelledby={headingId} data-testid={`review-${id}`}>
      <h4 id={headingId}>
        {[v.gene ?? t('caseWork.noGene'), v.hgvs_c ?? '', v.hgvs_p ?? ''].join(' ').trim()} ({key})
      </h4>
      <p className="hint">
        {t('caseWork.facts', {
          consequence: consequenceWithCode(t, v.consequence),
          gt: v.gt ?? '—',
          modes: modesText(v.modes, t),
          af: v.pop_af === null ? '—' : v.pop_af.toPrecision(2),
        })}
      </p>
      <p className="hint" data-testid={`clinvar-${id}`}>
        {cv === undefined
          ? v.clinvar_sig === null
            ? t('caseWork.clinvarNone', { release: props.clinvar?.release ?? '' })
            : t('caseWork.clinvarVcf', { sig: clinvarText(t, v.clinvar_sig) })
          : t('caseWork.clinvar', {
              sig: clinvarText(t, cv.significance),
              review: clinvarReviewText(t, cv.reviewStatus),
              stars: cv.stars,
              id: cv.variationId,
              date: cv.date ?? '',
            })}
      </p>
      <p className="hint" data-testid={`bs1-${id}`}>
        {t('caseWork.bs1.line', { why: bs1Why })}
      </p>
      {stale ? (
        <p className="hint">
          {t('caseEvidence.stale')}{' '}
          <button
            type="button"
            onClick={() => void change({ kind: 'sheet', variantKey: key, sheet: refreshed })}
            data-testid={`refresh-suggestions-${id}`}
          >
            {t('caseEvidence.refresh')}
          </button>
        </p>
      ) : null}
      <EvidenceSheetView
        id={id}
        sheet={vw.sheet}
        notes={notes}
        onEdit={(edit) =>
          void change((w) => {
            const now = w.variants.find((x) => x.variant.variantKey === key)?.sheet;
            const sheet = now === undefined ? undefined : edit(now);
            return sheet === undefined ? undefined : { kind: 'sheet', variantKey: key, sheet };
          })
        }
        onConfirm={() => void change({ kind: 'confirm', variantKey: key })}
        onUnconfirm={() => void change({ kind: 'unconfirm', variantKey: key })}
      />
      <label>
        <input
          type="checkbox"
          checked={vw.reported}
          // A click turns over what main last answered when its turn comes (decision 0106): the
          // box shows main's value until then, so a second quick click read the same box and sent
          // the same value again, and the take-back was lost.
          onChange={() =>
            void change((w) => {
              const now = w.variants.find((x) => x.variant.variantKey === key);
              return now === undefined
                ? undefined
                : { kind: 'reported', variantKey: key, reported: !now.reported };
            })
          }
          data-testid={`reported-${id}`}
        />{' '}
        {t('caseWork.reported')}
      </label>
      <TagsField
        id={id}
        tags={vw.tags}
        onSave={(tags) => void change({ kind: 'tags', variantKey: key, tags })}
      />
      <NotesField
        id={id}
        notes={vw.notes}
        onAdd={(text) => change({ kind: 'note', variantKey: key, text })}
      />
      <button type="button" onClick={() => void change({ kind: 'removeVariant', variantKey: key })}>
        {t('caseWork.remove')}
      </button>
    </section>
  );
}
