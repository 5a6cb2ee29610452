/**
 * DuckDB 1.4.4 writes here, duckdb-wasm 1.32 (DuckDB 1.4.3) reads: pin the on-disk format. A module
 * of its own so the case import worker can name it without loading the dataset builder's DuckDB
 * import (decision 0073).
 */
export const DUCKDB_STORAGE_VERSION = 'v1.0.0';
