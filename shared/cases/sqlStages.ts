/**
 * SQL in stages, run one stage after the other: each stage holds statement sequences that read
 * only what earlier stages wrote and write different tables, so the import runs a stage's
 * sequences at once on separate DuckDB connections (issue 16, decision 0078). Flattened, the same
 * statements in an order one connection runs them in (tests, migrations, duckdb-wasm).
 */
export type SqlStages = readonly (readonly (readonly string[])[])[];

/** The statements of `stages` in an order one connection can run them in. */
export const flatStages = (stages: SqlStages): string[] => stages.flat(2);
