/**
 * Runs asynchronous work one at a time, in the order asked: each starts when the one before it has
 * settled, whatever its outcome. Used where one resource must not see two uses at once (duckdb-wasm's
 * one connection, query.ts; a case's work changes, caseWorkSlice.ts; decision 0099).
 */
export function serialQueue(): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
}
