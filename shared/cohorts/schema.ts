/**
 * The cache's SQL schema (DESIGN "Local data model"): per dataset one database named
 * datasetDatabaseName(id) holding the query layout of layout.ts (docs/decisions/0027): the
 * dataset's attached read-only DuckDB file (0010) or, for older caches, an in-memory schema built
 * at load. Views `individuals`, `variants`, `genotypes` union every loaded dataset with its
 * provenance (dataset_id, node_id). Pure SQL, run by duckdb-wasm in the renderer and native DuckDB
 * in tests.
 */

/**
 * The layout a dataset's DuckDB file implements, in `cd_meta.schema_version`: 1 = the three public
 * tables only (0010; rebuilt into the layout at load), 2 = the query layout (0027), 3 = the query
 * layout with per-term ix lists (0040), 4 = zygosities as integer codes of `cd_zygosities` (0053),
 * 5 = phenotype rows per term, sex and country (`cd_term_groups`) and individuals per sex, country
 * and list of diseases (`cd_disease_groups`) written with the data (0087), 6 = phenotype rows per
 * term and group of `cd_disease_groups` (`cd_term_disease_groups`, 0094), 7 = distinct carriers
 * per consequence and allele-frequency bucket (`cd_carrier_groups`, 0098), 8 = the individuals of
 * each sex and country (`cd_individual_bits`) and the distinct carriers of each gene and AF bucket
 * where they fill a bitmap (`cd_gene_carrier_groups`, 0103).
 * An older file is rewritten once (main) or laid out in memory from its public tables or views
 * (renderer); a newer version is refused.
 */
export const SCHEMA_VERSION = 8;

export type CacheTable = 'individuals' | 'variants' | 'genotypes';
export const CACHE_TABLES: readonly CacheTable[] = ['individuals', 'variants', 'genotypes'];

/** Column → DuckDB type, in the order of the vault's Arrow tables (shared/vault/vault.ts). */
export const CACHE_COLUMNS: Record<CacheTable, readonly (readonly [string, string])[]> = {
  individuals: [
    ['dataset_id', 'VARCHAR'],
    ['node_id', 'VARCHAR'],
    ['individual_id', 'VARCHAR'],
    ['sex', 'VARCHAR'],
    ['age_band', 'VARCHAR'],
    ['country', 'VARCHAR'],
    ['diseases', 'VARCHAR[]'],
    ['phenotypes', 'VARCHAR[]'],
  ],
  variants: [
    ['dataset_id', 'VARCHAR'],
    ['node_id', 'VARCHAR'],
    ['variant_key', 'VARCHAR'],
    ['chrom', 'VARCHAR'],
    ['pos', 'INTEGER'],
    ['ref', 'VARCHAR'],
    ['alt', 'VARCHAR'],
    ['gene', 'VARCHAR'],
    ['consequence', 'VARCHAR'],
    ['hgvs_c', 'VARCHAR'],
    ['hgvs_p', 'VARCHAR'],
    ['clin_sig', 'VARCHAR'],
    ['ac', 'INTEGER'],
    ['an', 'INTEGER'],
    ['af', 'DOUBLE'],
  ],
  genotypes: [
    ['dataset_id', 'VARCHAR'],
    ['node_id', 'VARCHAR'],
    ['individual_id', 'VARCHAR'],
    ['variant_key', 'VARCHAR'],
    ['zygosity', 'VARCHAR'],
  ],
};

const ddl = (name: string, table: CacheTable): string =>
  `CREATE TABLE IF NOT EXISTS ${name} (${CACHE_COLUMNS[table].map(([c, t]) => `${c} ${t}`).join(', ')})`;

/** Ordered migrations; each runs once, recorded in cd_schema. */
export const MIGRATIONS: readonly { version: number; statements: readonly string[] }[] = [
  {
    version: 1,
    statements: [
      ...CACHE_TABLES.map((t) => ddl(`cd_empty_${t}`, t)),
      'CREATE TABLE IF NOT EXISTS cd_datasets (dataset_id VARCHAR PRIMARY KEY, node_id VARCHAR, ' +
        'title VARCHAR, level VARCHAR, purpose VARCHAR, duo VARCHAR[], pulled_at VARCHAR, ' +
        'expires_at VARCHAR, loaded_at TIMESTAMP DEFAULT current_timestamp)',
    ],
  },
];

/** Creates the bookkeeping table; run before reading the current version. */
export const SCHEMA_TABLE_SQL =
  'CREATE TABLE IF NOT EXISTS cd_schema (version INTEGER PRIMARY KEY, applied_at TIMESTAMP DEFAULT current_timestamp)';

/** Statements that bring a database at `current` to SCHEMA_VERSION, with the version inserts. */
export function pendingMigrations(current: number): string[] {
  return MIGRATIONS.filter((m) => m.version > current).flatMap((m) => [
    ...m.statements,
    `INSERT INTO cd_schema (version) VALUES (${String(m.version)})`,
  ]);
}

/** The SQL name of one dataset's table: every character outside [A-Za-z0-9] hex-escaped (injective). */
export function datasetTableName(datasetId: string, table: CacheTable): string {
  const safe = datasetId.replace(
    /[^A-Za-z0-9]/gu,
    (ch) => `_${(ch.codePointAt(0) ?? 0).toString(16)}_`,
  );
  return `ds_${safe}__${table}`;
}

/** The database holding a dataset's layout: its attached file's alias or an in-memory schema. */
export function datasetDatabaseName(datasetId: string): string {
  return datasetTableName(datasetId, 'individuals').replace(/__individuals$/u, '__db');
}

/** Casts a loaded table's columns to the view's types, in the view's order. */
const selectFrom = (name: string, table: CacheTable): string =>
  `SELECT ${CACHE_COLUMNS[table].map(([c, t]) => `CAST(${c} AS ${t}) AS ${c}`).join(', ')} FROM ${name}`;

/**
 * The three views over the empty base tables plus every loaded dataset, read from the public views
 * of its database (an attached file's catalog or an in-memory schema of the same name).
 */
export function viewStatements(datasetIds: readonly string[]): string[] {
  return CACHE_TABLES.map((t) => {
    const sources = [`cd_empty_${t}`, ...datasetIds.map((d) => `${datasetDatabaseName(d)}.${t}`)];
    return `CREATE OR REPLACE VIEW ${t} AS ${sources.map((s) => selectFrom(s, t)).join(' UNION ALL ')}`;
  });
}

/**
 * The engine's bookkeeping statements (db/ runs them; issue 14: no SQL is written in the renderer).
 * Names come from datasetDatabaseName/datasetTableName (escaped), values bind to `?`.
 */
export const CACHE_SQL = {
  currentVersion: 'SELECT coalesce(max(version), 0)::INTEGER AS v FROM cd_schema',
  attach: (file: string, alias: string): string => `ATTACH '${file}' AS ${alias} (READ_ONLY)`,
  detach: (alias: string): string => `DETACH DATABASE IF EXISTS ${alias}`,
  dropTable: (name: string): string => `DROP TABLE IF EXISTS ${name}`,
  fileVersion: (alias: string): string =>
    `SELECT max(schema_version)::INTEGER AS v FROM ${alias}.cd_meta`,
  /** Rows per public table of a dataset's layout (genotypes: carrier entries plus unlinked rows). */
  layoutRowCounts: (db: string): string =>
    `SELECT (SELECT count(*) FROM ${db}.cd_individuals)::INTEGER AS individuals, ` +
    `(SELECT count(*) FROM ${db}.cd_variants)::INTEGER AS variants, ` +
    `(coalesce((SELECT sum(n_carriers) FROM ${db}.cd_variants), 0) + ` +
    `(SELECT count(*) FROM ${db}.cd_genotypes_unlinked))::INTEGER AS genotypes`,
  /** The phenotype terms a dataset's layout carries (from its per-term counts). */
  layoutTerms: (db: string): string =>
    `SELECT term AS t FROM ${db}.cd_term_counts WHERE term IS NOT NULL`,
  dropSchema: (schema: string): string => `DROP SCHEMA IF EXISTS ${schema} CASCADE`,
  createSchema: (schema: string): string => `CREATE SCHEMA ${schema}`,
  registerDataset:
    'INSERT OR REPLACE INTO cd_datasets (dataset_id, node_id, title, purpose) VALUES (?, ?, ?, ?)',
  forgetDataset: 'DELETE FROM cd_datasets WHERE dataset_id = ?',
} as const;
