import { useTranslation } from 'react-i18next';
import type { CaseVariantRow } from '../../../../../shared/cases/channels';
import type { CaseWork } from '../../../../../shared/cases/workChannels';

const SHOWN = 15;

/**
 * The variants the filters keep, best ranked gene first, that are not under review yet: each can be
 * taken into review, which pre-fills its evidence sheet (issue 18).
 */
export function CandidateList(props: {
  readonly rows: readonly CaseVariantRow[];
  readonly ranks: ReadonlyMap<string, number>;
  readonly work: CaseWork;
  readonly onReview: (row: CaseVariantRow) => void;
}) {
  const { t } = useTranslation();
  const under = new Set(props.work.variants.map((v) => v.variant.variantKey));
  const rank = (r: CaseVariantRow): number =>
    props.ranks.get(r.gene ?? '') ?? Number.MAX_SAFE_INTEGER;
  const rows = props.rows
    .filter((r) => !under.has(r.variant_key))
    .sort((a, b) => rank(a) - rank(b))
    .slice(0, SHOWN);
  return (
    <section aria-labelledby="candidates-heading" data-testid="work-candidates">
      <h4 id="candidates-heading">{t('caseWork.candidates', { count: rows.length })}</h4>
      {rows.length === 0 ? (
        <p className="hint">{t('caseWork.noCandidates')}</p>
      ) : (
        <ul>
          {rows.map((r) => (
            <li key={r.variant_key}>
              {r.gene ?? t('caseWork.noGene')} {r.hgvs_c ?? ''} ({r.variant_key}
              {props.ranks.has(r.gene ?? '')
                ? `, ${t('caseWork.rank', { rank: rank(r) })}`
                : ''}){' '}
              <button
                type="button"
                onClick={() => props.onReview(r)}
                data-testid={`review-add-${r.variant_key}`}
              >
                {t('caseWork.review', { gene: r.gene ?? r.variant_key })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
