import { useTranslation } from 'react-i18next';
import type { SomaticRow } from '../../../../shared/cancer/channels';
import type { TierReview } from '../../../../shared/cancer/cancerCase';
import { currentLocale } from '../../i18n';
import { formatPercent } from '../../../../shared/i18n/format';
import { consequenceText, consequenceWithCode } from '../../i18n/terms';

const pct = (v: number | null): string => (v === null ? '—' : formatPercent(v, currentLocale(), 1));
const reads = (alt: number | null, ref: number | null): string =>
  alt === null || ref === null ? '' : ` (${String(alt)}/${String(alt + ref)})`;

/**
 * The somatic calls (issue 19): tumour and normal VAF side by side with their reads, the knowledge
 * flags, the proposed tier and the oncologist's. A row's gene button selects it (details, plot).
 */
export function SomaticTable(props: {
  readonly rows: readonly SomaticRow[];
  readonly reviews: readonly TierReview[];
  readonly selected: number | undefined;
  readonly onSelect: (row: SomaticRow) => void;
}) {
  const { t } = useTranslation();
  const reviewed = new Map(props.reviews.map((r) => [r.variantKey, r]));
  return (
    <table className="somatic-table" data-testid="somatic-table">
      <caption className="visually-hidden">{t('cancer.table.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('cancer.table.gene')}</th>
          <th scope="col">{t('cancer.table.change')}</th>
          <th scope="col">{t('cancer.table.variant')}</th>
          <th scope="col">{t('cancer.table.consequence')}</th>
          <th scope="col">{t('cancer.table.tumourVaf')}</th>
          <th scope="col">{t('cancer.table.normalVaf')}</th>
          <th scope="col">{t('cancer.table.hotspot')}</th>
          <th scope="col">{t('cancer.table.civic')}</th>
          <th scope="col">{t('cancer.table.proposed')}</th>
          <th scope="col">{t('cancer.table.decided')}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => {
          const review = reviewed.get(r.variant_key);
          return (
            <tr
              key={r.vid}
              aria-selected={props.selected === r.vid}
              data-testid="somatic-row"
              data-key={r.variant_key}
            >
              <td>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => props.onSelect(r)}
                  data-testid="somatic-select"
                >
                  {r.gene ?? t('cancer.table.noGene')}
                </button>
              </td>
              <td>{r.protein_change ?? '—'}</td>
              <td className="mono">{r.variant_key}</td>
              <td
                title={r.consequence === null ? undefined : consequenceWithCode(t, r.consequence)}
              >
                {consequenceText(t, r.consequence)}
              </td>
              <td data-testid="somatic-tumour-vaf">
                {pct(r.t_vaf)}
                {reads(r.t_ad_alt, r.t_ad_ref)}
              </td>
              <td data-testid="somatic-normal-vaf">
                {pct(r.n_vaf)}
                {reads(r.n_ad_alt, r.n_ad_ref)}
                {r.germline_leak ? (
                  <strong className="flag" data-testid="somatic-leak">
                    {` ${t('cancer.table.leak')}`}
                  </strong>
                ) : null}
              </td>
              <td data-testid="somatic-hotspot-flag">
                {r.hotspot === null
                  ? '—'
                  : `${r.hotspot_label ?? ''} (${t(`cancer.hotspot.${r.hotspot}`)})`}
              </td>
              <td>{r.civic_level ?? '—'}</td>
              <td data-testid="somatic-tier">{`${r.tier}${r.tier_level ?? ''}`}</td>
              <td data-testid="somatic-decided">
                {review === undefined
                  ? t('cancer.table.notDecided')
                  : `${review.tier}${review.level ?? ''}`}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
