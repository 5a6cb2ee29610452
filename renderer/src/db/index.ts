/**
 * The renderer's cohort database (CONVENTIONS rule 7): the only module that imports duckdb-wasm.
 * Callers get plain rows; the worker, database and connection stay inside.
 */
export { engine as init } from './engine';
export { closeDatasets, loadDataset, loadedDatasets, unloadDataset } from './datasets';
export { cancel, query, queryRows } from './query';
export { carrierPhenotypes, findVariantByProtein } from './cacheLookups';
export type { QueryResult } from './query';
