import type { CaseVariantRow } from '../../../../shared/cases/channels';

const COLUMNS = [
  'rank',
  'gene',
  'chrom',
  'pos',
  'ref',
  'alt',
  'consequence',
  'impact',
  'hgvs_c',
  'hgvs_p',
  'pop_af',
  'cohort_carriers',
  'cohort_max_freq',
  'p_gt',
  'p_gq',
  'p_dp',
  'p_ab',
  'clinvar_sig',
  'modes',
  'filters',
] as const;

/** A cell as TSV keeps it: tabs and line breaks would shift columns, so they become spaces. */
const cell = (v: string | number | null | undefined): string =>
  v === null || v === undefined ? '' : String(v).replace(/[\t\r\n]+/g, ' ');

/**
 * The listed variants as TSV (issue 16), the table's columns in its order plus the gene's rank;
 * modes as the table writes them (`compound_het?` is a possible fit).
 */
export function variantsTsv(
  rows: readonly CaseVariantRow[],
  ranks: ReadonlyMap<string, number>,
): string {
  const lines = rows.map((r) =>
    COLUMNS.map((c) => {
      if (c === 'rank') return cell(r.gene === null ? null : ranks.get(r.gene));
      if (c === 'modes') return r.modes.join(',');
      return cell(r[c]);
    }).join('\t'),
  );
  return `${[COLUMNS.join('\t'), ...lines].join('\n')}\n`;
}
