import type { TFunction } from 'i18next';
import type { CaseVariantRow } from '../../../../shared/cases/channels';
import type { SortKey } from '../../../../shared/cases/reviewSql';
import { currentLocale } from '../../i18n';
import { formatFixed } from '../../../../shared/i18n/format';
import i18n from '../../i18n';
import { clinvarText, consequenceText } from '../../i18n/terms';

/** One column of the case's variant table. */
export interface VariantColumn {
  readonly id: string;
  /** The SQL sort key (undefined: not sortable). */
  readonly sort?: SortKey;
  readonly width: string;
  readonly text: (r: CaseVariantRow, rank: number | undefined, t: TFunction) => string;
  /** A fuller reading for the cell's title (ids, raw values). */
  readonly title?: (r: CaseVariantRow) => string | undefined;
}

const freq = (v: number | null): string =>
  v === null
    ? '—'
    : v === 0
      ? '0'
      : v < 0.0001
        ? v.toExponential(1)
        : String(Number(v.toPrecision(2)));
const num = (v: number | null): string => (v === null ? '—' : String(v));

/** The modes an allele fits as a person reads them ("de novo", "compound het (possible)"). */
export function modesText(modes: readonly string[], t: TFunction): string {
  if (modes.length === 0) return '—';
  return modes
    .map((m) => {
      const possible = m.endsWith('?');
      const mode = t(`caseReview.filters.mode.${m.replace(/\?$/, '')}`);
      return possible ? t('caseReview.table.possible', { mode }) : mode;
    })
    .join(', ');
}

/**
 * The columns, in the order Scout's users asked for (PEERS, Scout #764): gene and position, then
 * consequence and HGVS, frequencies (population and local cohort), the proband's call, ClinVar,
 * inheritance fit, FILTER.
 */
export const VARIANT_COLUMNS: readonly VariantColumn[] = [
  {
    id: 'rank',
    sort: 'rank',
    width: '4rem',
    text: (_r, rank) => (rank === undefined ? '—' : String(rank)),
  },
  { id: 'gene', sort: 'gene', width: '7rem', text: (r) => r.gene ?? '—' },
  {
    id: 'variant',
    sort: 'chrom',
    width: '12rem',
    text: (r) => `${r.chrom}:${r.pos.toLocaleString('en')} ${r.ref}>${r.alt}`,
    title: (r) => r.variant_key,
  },
  {
    id: 'consequence',
    sort: 'consequence',
    width: '11rem',
    text: (r) => consequenceText(i18n.t, r.consequence),
    // The whole words (a long language's may be cut) and the SO term they translate (issue 22).
    title: (r) =>
      r.consequence === null
        ? undefined
        : `${consequenceText(i18n.t, r.consequence)} (${r.consequence})`,
  },
  { id: 'impact', sort: 'impact', width: '6.5rem', text: (r) => r.impact ?? '—' },
  {
    id: 'hgvs',
    sort: 'hgvs_p',
    width: '10rem',
    text: (r) => r.hgvs_p ?? r.hgvs_c ?? '—',
    title: (r) => [r.hgvs_c, r.hgvs_p].filter((x) => x !== null).join(' '),
  },
  { id: 'popAf', sort: 'pop_af', width: '5.5rem', text: (r) => freq(r.pop_af) },
  {
    id: 'cohort',
    sort: 'cohort_max_freq',
    width: '7rem',
    text: (r, _rank, t) =>
      r.cohort_carriers === null
        ? '—'
        : t('caseReview.table.cohortValue', {
            carriers: r.cohort_carriers,
            freq: freq(r.cohort_max_freq),
          }),
  },
  { id: 'gt', sort: 'p_gt', width: '4rem', text: (r) => r.p_gt ?? '—' },
  { id: 'gq', sort: 'p_gq', width: '3.5rem', text: (r) => num(r.p_gq) },
  { id: 'dp', sort: 'p_dp', width: '3.5rem', text: (r) => num(r.p_dp) },
  {
    id: 'ab',
    sort: 'p_ab',
    width: '3.5rem',
    text: (r) => (r.p_ab === null ? '—' : formatFixed(r.p_ab, currentLocale(), 2)),
  },
  {
    id: 'clinvar',
    sort: 'clinvar_sig',
    width: '8rem',
    // In the app's language (issue 22); the export keeps ClinVar's own value.
    text: (r) => clinvarText(i18n.t, r.clinvar_sig),
  },
  {
    id: 'modes',
    sort: 'modes',
    width: '11rem',
    text: (r, _rank, t) => modesText(r.modes, t),
  },
  { id: 'filter', width: '5rem', text: (r) => r.filters ?? '.' },
];
