import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SomaticRow } from '../../../../shared/cancer/channels';
import type { TierReview } from '../../../../shared/cancer/cancerCase';
import { TierLevelSchema, TierSchema } from '../../../../shared/cancer/cancerCase';
import { useStore } from '../../store';
import type { CaseDetail } from '../../../../shared/cases/channels';
import { openVariantInBrowser } from '../caseReview/openInBrowser';
import { tierLines } from '../../../../shared/cancer/tierJson';
import { dataMarks } from '../../i18n/dataValues';
import { useFormat } from '../../i18n/useFormat';
import { formatDateTime } from '../../../../shared/i18n/format';

/**
 * A variant's tier evidence and what the knowledge lacks, in the reader's language (catalogue keys
 * since issue 19; English text before). CIViC's evidence types and significances are worded; its
 * variant, disease and drug names stay as CIViC wrote them, marked as data (decision 0075).
 */
export function TierEvidenceList({ tierJson }: { readonly tierJson: string }) {
  const { t } = useTranslation();
  const words = (key: string, values?: Record<string, string | number>): string =>
    t(key, { ...values });
  const marks = dataMarks();
  const info = tierLines(words, tierJson, marks.data);
  return (
    <>
      <ul className="tier-evidence" data-testid="tier-evidence">
        {info.evidence.map((e, i) => (
          <li key={`${e.ref ?? ''}-${String(i)}`}>
            {marks.nodes(e.text)}
            {e.ref === undefined ? '' : ` [${e.ref}]`}
          </li>
        ))}
        {info.evidence.length === 0 ? <li>{t('cancer.review.noEvidence')}</li> : null}
      </ul>
      {info.missing.length === 0 ? null : (
        <ul
          className="tier-missing"
          aria-label={t('cancer.review.missing')}
          data-testid="tier-missing"
        >
          {info.missing.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * One somatic variant's tier: the app's AMP/ASCO/CAP proposal with every piece of evidence and
 * what the knowledge lacks, and the oncologist's decision (confirm, or change with a note).
 */
/**
 * The oncologist's decision and when it was made, the time in the reader's date/time format (issue
 * 22; a sliced ISO string before). The sentence names UTC, so the time is shown in UTC.
 */
export function TierDecision({ review }: { readonly review: TierReview }) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  return (
    <p className="hint" data-testid="tier-decision">
      {t('cancer.review.decided', {
        tier: `${review.tier}${review.level ?? ''}`,
        proposed: review.proposed,
        at: formatDateTime(review.at, locale, {
          dateStyle: 'medium',
          timeStyle: 'short',
          timeZone: 'UTC',
        }),
      })}
    </p>
  );
}

export function TierPanel(props: {
  readonly detail: CaseDetail;
  readonly row: SomaticRow;
  readonly review: TierReview | undefined;
}) {
  const { t } = useTranslation();
  const { row, review } = props;
  const reviewTier = useStore((s) => s.reviewTier);
  const proposed = `${row.tier}${row.tier_level ?? ''}`;
  const [tier, setTier] = useState(review?.tier ?? row.tier);
  const [level, setLevel] = useState<string>(review?.level ?? row.tier_level ?? '');
  const [note, setNote] = useState(review?.note ?? '');
  const [error, setError] = useState<string | undefined>();
  const save = (): void => {
    const lv = TierLevelSchema.safeParse(level);
    void reviewTier({
      variantKey: row.variant_key,
      tier,
      level: (tier === 'I' || tier === 'II') && lv.success ? lv.data : null,
      proposed,
      note,
    }).then(setError);
  };
  return (
    <section className="tier-panel" aria-labelledby="tier-heading" data-testid="tier-panel">
      <h3 id="tier-heading">
        {t('cancer.review.heading', {
          gene: row.gene ?? '',
          change: row.protein_change ?? row.variant_key,
        })}
      </h3>
      <p data-testid="tier-proposed">{t('cancer.review.proposed', { tier: proposed })}</p>
      <TierEvidenceList tierJson={row.tier_json} />
      <div className="tier-decide">
        <div className="field">
          <label htmlFor="tier-choice">{t('cancer.review.tier')}</label>
          <select
            id="tier-choice"
            value={tier}
            onChange={(e) => setTier(TierSchema.catch(tier).parse(e.target.value))}
            data-testid="tier-choice"
          >
            {TierSchema.options.map((x) => (
              <option key={x} value={x}>
                {t('cancer.tier', { tier: x })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="tier-level">{t('cancer.review.level')}</label>
          <select
            id="tier-level"
            value={level}
            disabled={tier === 'III' || tier === 'IV'}
            onChange={(e) => setLevel(e.target.value)}
            data-testid="tier-level"
          >
            <option value="">—</option>
            {TierLevelSchema.options.map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="tier-note">{t('cancer.review.note')}</label>
          <input
            id="tier-note"
            value={note}
            maxLength={2000}
            onChange={(e) => setNote(e.target.value)}
            data-testid="tier-note"
          />
        </div>
        <button type="button" onClick={save} data-testid="tier-save">
          {`${tier}${level}` === proposed ? t('cancer.review.confirm') : t('cancer.review.change')}
        </button>
      </div>
      {review === undefined ? null : <TierDecision review={review} />}
      <button
        type="button"
        onClick={() =>
          openVariantInBrowser(props.detail, { ...row, hgvs_c: null, clinvar_sig: null }, t)
        }
        data-testid="tier-browser"
      >
        {t('cancer.review.browser')}
      </button>
      {error === undefined ? null : (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </section>
  );
}
