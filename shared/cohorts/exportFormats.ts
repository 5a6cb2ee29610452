import { hpoLabel, hpoVersion } from './hpo';

/** One exported individual: the cohort row with provenance. */
export interface CohortRow {
  dataset_id: string;
  node_id: string;
  individual_id: string;
  sex: string;
  age_band: string | null;
  country: string;
  diseases: string[];
  phenotypes: string[];
}

/** The DuckDB types an export column may have; Parquet keeps them (lists stay lists, not text). */
export type ExportColumnType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'VARCHAR[]';

/** The export's columns in order, provenance first, with their types (CSV, Parquet). */
export const EXPORT_COLUMNS: readonly { name: keyof CohortRow; type: ExportColumnType }[] = [
  { name: 'dataset_id', type: 'VARCHAR' },
  { name: 'node_id', type: 'VARCHAR' },
  { name: 'individual_id', type: 'VARCHAR' },
  { name: 'sex', type: 'VARCHAR' },
  { name: 'age_band', type: 'VARCHAR' },
  { name: 'country', type: 'VARCHAR' },
  { name: 'diseases', type: 'VARCHAR[]' },
  { name: 'phenotypes', type: 'VARCHAR[]' },
];

const CSV_COLUMNS = EXPORT_COLUMNS.map((c) => c.name);

const csvCell = (v: CohortRow[keyof CohortRow]): string => {
  const s = Array.isArray(v) ? v.join(';') : (v ?? '');
  // Quote always; a leading = + - @ is prefixed so spreadsheets do not run it as a formula.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return `"${safe.replaceAll('"', '""')}"`;
};

/** CSV (RFC 4180, CRLF) with provenance columns first. */
export function toCsv(rows: readonly CohortRow[]): string {
  const lines = [
    CSV_COLUMNS.join(','),
    ...rows.map((r) => CSV_COLUMNS.map((c) => csvCell(r[c])).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

const SEX: Record<string, string> = { female: 'FEMALE', male: 'MALE' };

/** A GA4GH Phenopacket v2 for one individual; provenance goes to metaData.externalReferences. */
export function toPhenopacket(
  row: CohortRow,
  createdBy: string,
  created: string,
): Record<string, unknown> {
  return {
    id: `${row.dataset_id}:${row.individual_id}`,
    subject: { id: row.individual_id, sex: SEX[row.sex] ?? 'UNKNOWN_SEX' },
    phenotypicFeatures: row.phenotypes.map((id) => ({ type: { id, label: hpoLabel(id) ?? id } })),
    diseases: row.diseases.map((id) => ({ term: { id, label: id } })),
    metaData: {
      created,
      createdBy,
      phenopacketSchemaVersion: '2.0',
      resources: [
        {
          id: 'hp',
          name: 'human phenotype ontology',
          url: 'http://purl.obolibrary.org/obo/hp.owl',
          version: hpoVersion(),
          namespacePrefix: 'HP',
          iriPrefix: 'http://purl.obolibrary.org/obo/HP_',
        },
      ],
      externalReferences: [
        {
          id: row.dataset_id,
          description: `dataset ${row.dataset_id} at node ${row.node_id} (Cohort Desk cache)`,
        },
      ],
    },
  };
}
