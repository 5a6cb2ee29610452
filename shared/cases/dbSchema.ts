/**
 * The case database (issue 16): one DuckDB file per case, written by native DuckDB in main's import
 * worker, sealed like a cached dataset (decisions 0010, 0011) and attached read-only in duckdb-wasm.
 * Every table is keyed by `vid` (one row per ALT allele after splitting multi-allelic records) and
 * `sample_idx` (the case's members, 0 = the proband). Pure data: the import, the filters
 * (filterSql.ts) and the tests all read these names from here.
 */
import { SOMATIC_COLUMNS } from '../cancer/somaticSchema';

/**
 * Bumped when a table or column changes; a newer file is refused by an older app, an older one is
 * upgraded once in main when it is opened (schemaUpgrade.ts, decision 0035). Version 3 adds the
 * page table (queryLayout.ts, decision 0036); until upgraded, a version-2 case reads its pages from
 * `variants`. Version 4 adds the filter table (queryLayout.ts, decision 0045); a version-3 case
 * filters over `variants` until upgraded. Version 5 always has the panel bits (caseSchema5.ts,
 * decision 0066). Version 6 adds the sort orders to the filter table (queryLayout.ts ORDER_COLUMNS,
 * decision 0082); until upgraded, a version-5 case sorts its kept set by the page's text columns.
 * Version 7 copies the filter table's columns into `comphet_sides` (SIDES_FILTER_COLUMNS, decision
 * 0093); until upgraded, a version-6 case's page pairs its compound hets over the filter table.
 */
export const CASE_SCHEMA_VERSION = 7;
/** The oldest case file the filters can read. */
export const CASE_SCHEMA_MIN = 2;

export type CaseTable =
  | 'case_meta'
  | 'samples'
  | 'variants'
  | 'variant_genes'
  | 'genotypes'
  | 'annotations'
  | 'frequencies'
  | 'inheritance'
  | 'comphet_sides'
  | 'somatic';

/** Column → DuckDB type per table, in file order. */
export const CASE_COLUMNS: Record<CaseTable, readonly (readonly [string, string])[]> = {
  /** key/value: schema_version, case_id, created_at, vcf_name, vcf_version, container, … */
  case_meta: [
    ['key', 'VARCHAR'],
    ['value', 'VARCHAR'],
  ],
  /** The members whose calls were imported (PED individuals matched to VCF sample columns). */
  samples: [
    ['sample_idx', 'INTEGER'],
    /** The VCF column name. */
    ['sample_id', 'VARCHAR'],
    /** The PED individual id (the sample id when there is no PED). */
    ['member_id', 'VARCHAR'],
    /** proband | mother | father | sibling | relative */
    ['role', 'VARCHAR'],
    /** male | female | unknown */
    ['sex', 'VARCHAR'],
    /** PED phenotype 2 → true, 1 → false, 0/-9 → NULL (unknown). */
    ['affected', 'BOOLEAN'],
    ['father_idx', 'INTEGER'],
    ['mother_idx', 'INTEGER'],
  ],
  /**
   * One row per ALT allele, trimmed to the minimal representation (shared/vcf normalize.ts); the
   * most severe annotation's gene/consequence/HGVS (every gene in `variant_genes`), the proband's call
   * (`p_*`) beside the variant so the common filters read one table.
   */
  variants: [
    ['vid', 'INTEGER'],
    /** 1..22, X, Y, MT (cohortChrom: the cohorts' and federation's naming). */
    ['chrom', 'VARCHAR'],
    ['pos', 'INTEGER'],
    /** Last reference base covered (pos + length(ref) - 1). */
    ['end_pos', 'INTEGER'],
    ['ref', 'VARCHAR'],
    ['alt', 'VARCHAR'],
    /** `17-43045712-G-A`: the key the cohort cache and the federation use. */
    ['variant_key', 'VARCHAR'],
    /** bases | symbolic | breakend | overlap | unspecified */
    ['kind', 'VARCHAR'],
    /** The ID column (`;`-joined), NULL for `.`. */
    ['ids', 'VARCHAR'],
    ['qual', 'DOUBLE'],
    /** FILTER as written (`;`-joined); NULL for `.` (no filter applied). */
    ['filters', 'VARCHAR'],
    ['pass', 'BOOLEAN'],
    /** Line of the record in the (decompressed) VCF. */
    ['line', 'INTEGER'],
    ['multiallelic', 'BOOLEAN'],
    /** Gene of the most severe annotation, else of the overlapping gene (resources/genome/genes.tsv). */
    ['gene', 'VARCHAR'],
    /** Most severe Sequence Ontology term over the allele's annotations (NULL: not annotated). */
    ['consequence', 'VARCHAR'],
    /** Bit mask of every SO term of every annotation of the allele (consequences.ts termBit). */
    ['csq_mask', 'BIGINT'],
    ['impact', 'VARCHAR'],
    /** HIGH 4, MODERATE 3, LOW 2, MODIFIER 1, none 0. */
    ['impact_rank', 'TINYINT'],
    ['transcript', 'VARCHAR'],
    ['hgvs_c', 'VARCHAR'],
    ['hgvs_p', 'VARCHAR'],
    /** Highest population allele frequency over the file's INFO and CSQ/ANN frequency fields. */
    ['pop_af', 'DOUBLE'],
    ['clinvar_sig', 'VARCHAR'],
    ['clinvar_review', 'VARCHAR'],
    ['clinvar_conditions', 'VARCHAR'],
    /** The proband's call: ALT copies (0, 1, 2; NULL when not called), GT text, GQ, DP, allele balance. */
    ['p_alt_count', 'TINYINT'],
    ['p_gt', 'VARCHAR'],
    ['p_gq', 'INTEGER'],
    ['p_dp', 'INTEGER'],
    ['p_ab', 'DOUBLE'],
    /**
     * Derived at import from `inheritance` (decision 0028), so the inheritance filter is a column
     * test: bit i set when the allele fits INHERITANCE_MODES[i], bit i + 8 when confirmed.
     */
    ['inh_mask', 'INTEGER'],
    /** Rank in the table's default order (filterSql.ts), 0 first: a page is a top-N on one integer. */
    ['sort_key', 'INTEGER'],
  ],
  /** Every gene an allele is in: its annotations' genes, else the genes it overlaps (genes.tsv). */
  variant_genes: [
    ['vid', 'INTEGER'],
    ['gene', 'VARCHAR'],
  ],
  /** Every member's call for every allele. */
  genotypes: [
    ['vid', 'INTEGER'],
    ['sample_idx', 'INTEGER'],
    /** GT recoded for this allele (`0/1`, `1|0`, `./.`); other ALTs of the record read 0. */
    ['gt', 'VARCHAR'],
    /** Copies of this ALT; NULL when every allele of the call is missing. */
    ['alt_count', 'TINYINT'],
    ['ploidy', 'TINYINT'],
    ['phased', 'BOOLEAN'],
    /** For a phased heterozygous call: the haplotype carrying the ALT (1 for `1|0`, 2 for `0|1`). */
    ['hap', 'TINYINT'],
    /** FORMAT PS (phase set), when present. */
    ['ps', 'BIGINT'],
    ['gq', 'INTEGER'],
    ['dp', 'INTEGER'],
    ['ad_ref', 'INTEGER'],
    ['ad_alt', 'INTEGER'],
    /** ad_alt / (ad_ref + ad_alt), or FORMAT AF/VAF when AD is absent. */
    ['ab', 'DOUBLE'],
    /** The call carried another ALT of the same record (recoded to 0 here). */
    ['other_alt', 'BOOLEAN'],
  ],
  /** Per-transcript VEP CSQ / SnpEff ANN entries of each allele. */
  annotations: [
    ['vid', 'INTEGER'],
    /** CSQ | ANN */
    ['source', 'VARCHAR'],
    ['gene', 'VARCHAR'],
    ['gene_id', 'VARCHAR'],
    ['transcript', 'VARCHAR'],
    ['biotype', 'VARCHAR'],
    /** Sequence Ontology terms, `&`-joined as in the file. */
    ['consequence', 'VARCHAR'],
    ['impact', 'VARCHAR'],
    ['hgvs_c', 'VARCHAR'],
    ['hgvs_p', 'VARCHAR'],
    ['canonical', 'BOOLEAN'],
    ['mane_select', 'VARCHAR'],
    ['clin_sig', 'VARCHAR'],
    /** Highest frequency field of this entry. */
    ['max_af', 'DOUBLE'],
  ],
  /** Population allele frequencies by field (INFO keys such as gnomAD_AF, CSQ fields such as MAX_AF). */
  frequencies: [
    ['vid', 'INTEGER'],
    ['field', 'VARCHAR'],
    ['af', 'DOUBLE'],
  ],
  /**
   * Inheritance modes each allele fits on the pedigree (inheritanceSql.ts, run at import):
   * mode ∈ INHERITANCE_MODES except compound_het; status `confirmed` or `possible` (a parent missing).
   */
  inheritance: [
    ['vid', 'INTEGER'],
    ['mode', 'VARCHAR'],
    ['status', 'VARCHAR'],
  ],
  /**
   * Heterozygous proband alleles that can be one half of a compound heterozygote, per gene, with the
   * side they came from: `mother`, `father`, `hap1`/`hap2` (phased, with phase set), or `unknown`.
   * Pairs are formed at filter time, over the alleles the other filters keep. From schema 7 each
   * side carries its allele's row of the filter table and a gene id (SIDES_FILTER_COLUMNS, written
   * with the query layout, queryLayout.ts sidesLayoutSql; decision 0093), so the page's pairing
   * tests the other steps on the sides it reads instead of scanning the filter table again.
   */
  comphet_sides: [
    ['vid', 'INTEGER'],
    ['gene', 'VARCHAR'],
    ['side', 'VARCHAR'],
    ['ps', 'BIGINT'],
    /** The allele's `sort_key`; the table is stored in its order (decision 0093). */
    ['sort_key', 'INTEGER'],
    /** The gene's rank among the case's side genes (1 first in DuckDB's order of `gene`). */
    ['gene_id', 'INTEGER'],
    ['chrom', 'VARCHAR'],
    ['pos', 'INTEGER'],
    ['end_pos', 'INTEGER'],
    ['csq_mask', 'BIGINT'],
    ['impact', 'VARCHAR'],
    ['pass', 'BOOLEAN'],
    ['p_gq', 'INTEGER'],
    ['p_dp', 'INTEGER'],
    ['p_ab', 'DOUBLE'],
    ['pop_af', 'DOUBLE'],
    /** `variant_filter.ch_all` and `panel_mask` of the allele (queryLayout.ts). */
    ['ch_all', 'TINYINT'],
    ['panel_mask', 'INTEGER'],
  ],
  /** Cancer cases only (issue 19): tumour/normal reads, knowledge flags, tier proposal. */
  somatic: SOMATIC_COLUMNS,
};

/**
 * The columns of `variants` the filter steps test (filterSql.ts conditions): the filter table's
 * (queryLayout.ts FILTER_COLUMNS) and, from schema 7, each compound-het side's (decision 0093).
 */
export const STEP_COLUMNS = [
  'chrom',
  'pos',
  'end_pos',
  'csq_mask',
  'impact',
  'pass',
  'p_gq',
  'p_dp',
  'p_ab',
  'pop_af',
] as const;

/** Columns the import derives with SQL once every row is in, not appended. */
export const DERIVED_COLUMNS: Partial<Record<CaseTable, readonly string[]>> = {
  variants: ['inh_mask', 'sort_key'],
  comphet_sides: ['sort_key', 'gene_id', ...STEP_COLUMNS, 'ch_all', 'panel_mask'],
};

/**
 * What each compound-het side carries from schema 7 (decision 0093): its allele's `sort_key`, an
 * integer for its gene, and every column of the filter table a step other than inheritance and
 * the cohort tests (filterSql.ts conditions).
 */
export const SIDES_FILTER_COLUMNS: readonly string[] = DERIVED_COLUMNS.comphet_sides ?? [];

/** The columns of a table the import appends, in file order. */
export const appendedColumns = (t: CaseTable): readonly (readonly [string, string])[] =>
  CASE_COLUMNS[t].filter(([c]) => !(DERIVED_COLUMNS[t] ?? []).includes(c));

/** The order tables are created and filled in. */
export const CASE_TABLES = Object.keys(CASE_COLUMNS) as CaseTable[];

/** CREATE TABLE statements for a database attached as `db` (`missing`: only tables not there). */
export function caseTableDdl(db: string, missing = false): string[] {
  return CASE_TABLES.map(
    (t) =>
      `CREATE TABLE ${missing ? 'IF NOT EXISTS ' : ''}${db}.main.${t} (${CASE_COLUMNS[t].map(([c, ty]) => `${c} ${ty}`).join(', ')})`,
  );
}

/** The alias a case's attached file gets in duckdb-wasm and native DuckDB (hex-escaped, injective). */
export function caseDatabaseName(caseKey: string): string {
  return `case_${caseKey.replace(/[^A-Za-z0-9]/gu, (ch) => `_${(ch.codePointAt(0) ?? 0).toString(16)}_`)}`;
}

/** Where duckdb-wasm registers a case file: under /vault/, the one folder its engine may open. */
export const caseRegisteredFile = (caseKey: string): string =>
  `/vault/${caseDatabaseName(caseKey)}.duckdb`;
