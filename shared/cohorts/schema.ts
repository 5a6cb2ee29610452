/**
 * The cache's SQL schema (DESIGN "Local data model"): per dataset one attached read-only DuckDB
 * database (docs/decisions/0010) or, for caches from before 0010, one in-memory table per table;
 * views `individuals`, `variants`, `genotypes` union every loaded dataset with its provenance
 * (dataset_id, node_id). Pure SQL, run by duckdb-wasm in the renderer and native DuckDB in tests.
 */

/**
 * The schema version the views below implement; bumped with a new migration. A dataset's DuckDB
 * file records the version it was written for in `cd_meta.schema_version`; a newer one is refused.
 */
export const SCHEMA_VERSION = 1;

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

/** The alias a dataset's attached DuckDB file gets (same escaping as datasetTableName). */
export function datasetDatabaseName(datasetId: string): string {
  return datasetTableName(datasetId, 'individuals').replace(/__individuals$/u, '__db');
}

/** Casts a loaded table's columns to the view's types, in the view's order. */
const selectFrom = (name: string, table: CacheTable): string =>
  `SELECT ${CACHE_COLUMNS[table].map(([c, t]) => `CAST(${c} AS ${t}) AS ${c}`).join(', ')} FROM ${name}`;

/**
 * The three views over the empty base tables plus every loaded dataset: those in `attached` are
 * read from their attached database's tables, the others from in-memory tables (datasetTableName).
 */
export function viewStatements(
  datasetIds: readonly string[],
  attached: readonly string[] = [],
): string[] {
  const source = (d: string, t: CacheTable): string =>
    attached.includes(d) ? `${datasetDatabaseName(d)}.main.${t}` : datasetTableName(d, t);
  return CACHE_TABLES.map((t) => {
    const sources = [`cd_empty_${t}`, ...datasetIds.map((d) => source(d, t))];
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
  rowCount: (source: string): string => `SELECT count(*)::INTEGER AS n FROM ${source}`,
  phenotypeTerms: (individuals: string): string =>
    `SELECT DISTINCT unnest(phenotypes) AS t FROM ${individuals}`,
  registerDataset:
    'INSERT OR REPLACE INTO cd_datasets (dataset_id, node_id, title, purpose) VALUES (?, ?, ?, ?)',
  forgetDataset: 'DELETE FROM cd_datasets WHERE dataset_id = ?',
} as const;
