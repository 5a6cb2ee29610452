import { formatLocation } from '../../../../shared/search/alleles';
import type { RecordRow } from '../../../../shared/search/results';
import i18n from '../../i18n';
import { consequenceText, sexText } from '../../i18n/terms';

export interface Column {
  key: string;
  /** i18n key of the header. */
  header: string;
  /** What the column sorts by (and shows, unless `text` is given). */
  value: (r: RecordRow) => string | number;
  /** What the cell shows when it differs from the sort value. */
  text?: (r: RecordRow) => string;
  width: string;
  /** The values are labels as the node gave them (ontology terms): data, not wording (issue 22). */
  data?: boolean;
}

const CHROMOSOMES = [...Array.from({ length: 22 }, (_, i) => String(i + 1)), 'X', 'Y', 'MT'];
/** Genome order (chromosome, then position); rows without a position sort last. */
const genomeOrder = (r: RecordRow): string => {
  if (r.kind !== 'variant' || r.location === undefined) return '~';
  const c = CHROMOSOMES.indexOf(r.location.chr);
  return `${String(c).padStart(2, '0')}:${String(r.location.start).padStart(10, '0')}`;
};

const text = (v: string | readonly string[]): string => (typeof v === 'string' ? v : v.join('; '));

const provenance: Column[] = [
  { key: 'node', header: 'search.records.node', value: (r) => r.nodeId, width: '6rem' },
  { key: 'dataset', header: 'search.records.dataset', value: (r) => r.datasetId, width: '8rem' },
];

/** Columns for individuals: id, sex, phenotypes, diseases, then provenance. */
export const INDIVIDUAL_COLUMNS: Column[] = [
  { key: 'id', header: 'search.records.id', value: (r) => r.id, width: '9rem' },
  {
    key: 'sex',
    header: 'search.records.sex',
    value: (r) => (r.kind === 'individual' ? r.sex : ''),
    text: (r) => (r.kind === 'individual' ? sexText(i18n.t, r.sex, r.sexCode) : ''),
    width: '6rem',
  },
  {
    key: 'phenotypes',
    header: 'search.records.phenotypes',
    value: (r) => (r.kind === 'individual' ? text(r.phenotypes) : ''),
    width: '2fr',
    data: true,
  },
  {
    key: 'diseases',
    header: 'search.records.diseases',
    value: (r) => (r.kind === 'individual' ? text(r.diseases) : ''),
    width: '1.5fr',
    data: true,
  },
  ...provenance,
];

/** Columns for variants: position and alleles, gene, consequence, HGVS, frequency, then provenance. */
export const VARIANT_COLUMNS: Column[] = [
  {
    key: 'position',
    header: 'search.records.position',
    value: genomeOrder,
    text: (r) =>
      r.kind === 'variant' && r.location !== undefined ? formatLocation(r.location) : '',
    width: '14.5rem',
  },
  {
    key: 'gene',
    header: 'search.records.gene',
    value: (r) => (r.kind === 'variant' ? r.gene : ''),
    width: '6rem',
  },
  {
    key: 'consequence',
    header: 'search.records.consequence',
    value: (r) => (r.kind === 'variant' ? r.consequence : ''),
    text: (r) =>
      r.kind === 'variant' && r.consequence !== '' ? consequenceText(i18n.t, r.consequence) : '',
    width: '1fr',
  },
  {
    key: 'hgvs',
    header: 'search.records.hgvs',
    value: (r) => (r.kind === 'variant' ? r.hgvs : ''),
    width: '1.5fr',
  },
  {
    key: 'frequency',
    header: 'search.records.frequency',
    value: (r) => (r.kind === 'variant' ? (r.frequency ?? -1) : -1),
    width: '7rem',
  },
  ...provenance,
];

/** Rows sorted by a column (stable; numbers numerically, text by locale). */
export function sortRows(
  rows: readonly RecordRow[],
  col: Column | undefined,
  dir: 'ascending' | 'descending',
): RecordRow[] {
  if (col === undefined) return [...rows];
  const sign = dir === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = col.value(a);
    const y = col.value(b);
    const c =
      typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return c * sign;
  });
}
