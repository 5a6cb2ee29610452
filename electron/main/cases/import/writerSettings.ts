import { join } from 'node:path';

/**
 * The settings of the import's DuckDB (issue 16, decisions 0073, 0078, 0081), apart from the writer
 * (caseDbWriter.ts) that opens it.
 */

/**
 * DuckDB's memory limits (issue 16: peak RSS ≤ 1.5 GB for a 5,000,000-record genome, the process's
 * whole resident memory: main, both parse workers and DuckDB; decision 0081). While the VCF is
 * loaded DuckDB needs little (the CSV reader's buffers, the transaction's rows not yet written):
 * above that its buffer pool only keeps blocks it has already written to the file, which with
 * 768 MB grew with the genome (453 MB at the end of a 5M load); they are dropped for free.
 * The SQL after the loads (inheritance, the query layout) gets more, and one statement at a time.
 */
export const LOAD_MEMORY_LIMIT = '256MB';
export const SQL_MEMORY_LIMIT = '512MB';

/**
 * From this many alleles on, the sequences of a stage run one after the other instead of side by
 * side (decision 0078 for an exome's speed): a genome's statements each fill the memory limit
 * (hash tables, sorts); side by side they share it and spill more, and each connection's thread
 * holds memory of its own outside DuckDB's count (decision 0081).
 */
export const SIDE_BY_SIDE_MAX_VARIANTS = 500_000;

/**
 * DuckDB's threads, memory and spill settings of the import's instance (`folder`: the 0700
 * scratch folder); the writer adds `autoinstall_known_extensions` where it creates the instance.
 */
export function writerSettings(folder: string): Record<string, string> {
  return {
    // While the VCF is read, the parse workers hold the cores and the loads run on one DuckDB
    // thread beside them: with two, DuckDB's scheduler competed with the workers for the same two
    // cores and the loads cost about twice the CPU (issue 16's exome goal, decision 0073). The SQL
    // after the loads stays on one thread per statement too, where a second thread cost 1.4–1.9×
    // the CPU for little parallel work (an exome's tables are one or two row groups); independent
    // statements run side by side on connections of their own instead (`runStages`, decision 0078).
    threads: '1',
    memory_limit: LOAD_MEMORY_LIMIT,
    // DuckDB's allocator (jemalloc) hands memory freed by a finished task back to the system from
    // 32 MB on (default 128 MB), and purges freed pages on a background thread: with the defaults
    // a 5M genome's SQL after the loads peaked about 300 MB higher (decision 0081).
    allocator_flush_threshold: '32MB',
    allocator_background_threads: 'true',
    // What does not fit spills here, inside the 0700 scratch folder deleted on every outcome (and
    // swept at start): plaintext like the database file beside it, since DuckDB encrypts its temp
    // files only with the httpfs extension, which the app cannot load (decision 0081).
    temp_directory: join(folder, 'spill'),
  };
}
