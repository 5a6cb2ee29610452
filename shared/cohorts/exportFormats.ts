import { splitAgeBand } from './ageBand';
import { hpoLabel } from './hpo';
import { diseaseLabel } from './ontologyLabels';

/** One individual of a cohort as the cache holds it (tables, rows query), with provenance. */
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

/**
 * One row of the export query (cohortExportSql): an individual and one variant of the genotype
 * criterion they carry, or an individual with null variant columns when the cohort has none.
 */
export interface CohortVariantRow extends CohortRow {
  variant_key: string | null;
  chrom: string | null;
  pos: number | null;
  ref: string | null;
  alt: string | null;
  gene: string | null;
  consequence: string | null;
  hgvs_c: string | null;
  hgvs_p: string | null;
  clin_sig: string | null;
  af: number | null;
  zygosity: string | null;
}

/** The variant columns of a row without a matching variant (a cohort without genotype criterion). */
export const NO_VARIANT: Readonly<Omit<CohortVariantRow, keyof CohortRow>> = {
  variant_key: null,
  chrom: null,
  pos: null,
  ref: null,
  alt: null,
  gene: null,
  consequence: null,
  hgvs_c: null,
  hgvs_p: null,
  clin_sig: null,
  af: null,
  zygosity: null,
};

/**
 * One exported row (CSV, Parquet): individual × matching variant, provenance first, every column
 * named for what it holds (issue 13): codes and labels side by side, birth years apart from ages.
 */
export interface ExportRow {
  dataset_id: string;
  node_id: string;
  individual_id: string;
  sex: string;
  birth_year_band: string | null;
  age_band: string | null;
  country: string;
  disease_ids: string[];
  disease_labels: string[];
  phenotype_ids: string[];
  phenotype_labels: string[];
  variant_key: string | null;
  chrom: string | null;
  position_grch38: number | null;
  ref: string | null;
  alt: string | null;
  gene: string | null;
  consequence: string | null;
  hgvs_c: string | null;
  hgvs_p: string | null;
  clinical_significance: string | null;
  allele_frequency: number | null;
  zygosity: string | null;
}

/** The DuckDB types an export column may have; Parquet keeps them (lists stay lists, not text). */
export type ExportColumnType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'VARCHAR[]';

const col = (name: keyof ExportRow, type: ExportColumnType = 'VARCHAR') => ({ name, type });

/** The export's columns in order, provenance first, with their types (CSV, Parquet). */
export const EXPORT_COLUMNS: readonly { name: keyof ExportRow; type: ExportColumnType }[] = [
  col('dataset_id'),
  col('node_id'),
  col('individual_id'),
  col('sex'),
  col('birth_year_band'),
  col('age_band'),
  col('country'),
  col('disease_ids', 'VARCHAR[]'),
  col('disease_labels', 'VARCHAR[]'),
  col('phenotype_ids', 'VARCHAR[]'),
  col('phenotype_labels', 'VARCHAR[]'),
  col('variant_key'),
  col('chrom'),
  col('position_grch38', 'INTEGER'),
  col('ref'),
  col('alt'),
  col('gene'),
  col('consequence'),
  col('hgvs_c'),
  col('hgvs_p'),
  col('clinical_significance'),
  col('allele_frequency', 'DOUBLE'),
  col('zygosity'),
];

/** Cache zygosity (Beacon GENO terms, recordConvert.ts) → its GENO term. */
export const ZYGOSITY: Readonly<Record<string, { id: string; label: string }>> = {
  het: { id: 'GENO:0000135', label: 'heterozygous' },
  hom: { id: 'GENO:0000136', label: 'homozygous' },
  hemi: { id: 'GENO:0000134', label: 'hemizygous' },
};

/** The export row of one query row: labels from the app's tables (the id when none is known). */
export function toExportRow(r: CohortVariantRow): ExportRow {
  const age = splitAgeBand(r.age_band);
  return {
    dataset_id: r.dataset_id,
    node_id: r.node_id,
    individual_id: r.individual_id,
    sex: r.sex,
    birth_year_band: age.birthYears,
    age_band: age.ageBand,
    country: r.country,
    disease_ids: r.diseases,
    disease_labels: r.diseases.map((id) => diseaseLabel(id) ?? id),
    phenotype_ids: r.phenotypes,
    phenotype_labels: r.phenotypes.map((id) => hpoLabel(id) ?? id),
    variant_key: r.variant_key,
    chrom: r.chrom,
    position_grch38: r.pos,
    ref: r.ref,
    alt: r.alt,
    gene: r.gene,
    consequence: r.consequence,
    hgvs_c: r.hgvs_c,
    hgvs_p: r.hgvs_p,
    clinical_significance: r.clin_sig,
    allele_frequency: r.af,
    zygosity: r.zygosity === null ? null : (ZYGOSITY[r.zygosity]?.label ?? r.zygosity),
  };
}

const CSV_COLUMNS = EXPORT_COLUMNS.map((c) => c.name);

const csvCell = (v: ExportRow[keyof ExportRow]): string => {
  const s = Array.isArray(v) ? v.join(';') : typeof v === 'number' ? String(v) : (v ?? '');
  // Quote always; a leading = + - @ is prefixed so spreadsheets do not run it as a formula.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return `"${safe.replaceAll('"', '""')}"`;
};

/** CSV (RFC 4180, CRLF) with provenance columns first; lists are ';'-separated. */
export function toCsv(rows: readonly ExportRow[]): string {
  const lines = [
    CSV_COLUMNS.join(','),
    ...rows.map((r) => CSV_COLUMNS.map((c) => csvCell(r[c])).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
