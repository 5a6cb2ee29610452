/**
 * The renderer's engine for tests: duckdb-wasm 1.32's own async API (AsyncDuckDB and its
 * connection, the classes renderer/src/db/engine.ts uses) over the same wasm build, with the
 * worker's own request dispatcher (AsyncDuckDBDispatcher) run in this thread instead of a Web
 * Worker, which jsdom lacks. Every request the app's code posts is recorded, so a test sees the
 * messages a statement costs in the app (issue 20, decision 0094).
 */
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';

/** The package's Node builds (no Node module imported here: renderer/ lint rules). */
const NODE_ASYNC: string = '@duckdb/duckdb-wasm/dist/duckdb-node.cjs';
const NODE_BLOCKING: string = '@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs';
const wasmFile = (name: string): string =>
  `${import.meta.dirname}/../../../../node_modules/@duckdb/duckdb-wasm/dist/${name}`;

/** A CommonJS module loaded with import(): its exports, whichever way the loader wraps them. */
const commonJs = async <T>(specifier: string): Promise<T> => {
  const m = (await import(specifier)) as T & { default?: T };
  return m.default ?? m;
};

interface Request {
  type: string;
}
type Listener = (e: { data: unknown }) => void;
interface DispatcherClass {
  new (): { onMessage(request: Request): Promise<void> };
}
interface AsyncModule {
  AsyncDuckDB: new (
    logger: unknown,
    worker: unknown,
  ) => {
    open(config: unknown): Promise<void>;
    connect(): Promise<AsyncDuckDBConnection>;
  };
  AsyncDuckDBDispatcher: DispatcherClass;
  VoidLogger: new () => unknown;
}
interface BlockingModule {
  createDuckDB(
    bundles: unknown,
    logger: unknown,
    runtime: unknown,
  ): Promise<{
    instantiate(): Promise<unknown>;
    reset(): void;
  }>;
  VoidLogger: new () => unknown;
  NODE_RUNTIME: unknown;
}

export interface InProcessEngine {
  /** The database (registered files), as engine.ts's Engine holds it. */
  db: AsyncDuckDB;
  conn: AsyncDuckDBConnection;
  /** The request types posted to the "worker" so far, in order. */
  sent: string[];
  /**
   * Resolves when a request of `type` is next posted, before the "worker" answers it (answers wait
   * for a timer): a test can act between a request and its answer, as a busy worker lets the page.
   */
  posted(type: string): Promise<void>;
  close(): Promise<void>;
}

export async function openInProcessEngine(): Promise<InProcessEngine> {
  const async = await commonJs<AsyncModule>(NODE_ASYNC);
  const blocking = await commonJs<BlockingModule>(NODE_BLOCKING);
  const bindings = await blocking.createDuckDB(
    {
      mvp: { mainModule: wasmFile('duckdb-mvp.wasm'), mainWorker: '' },
      eh: { mainModule: wasmFile('duckdb-eh.wasm'), mainWorker: '' },
    },
    new blocking.VoidLogger(),
    blocking.NODE_RUNTIME,
  );
  await bindings.instantiate();
  const listeners: Listener[] = [];
  const sent: string[] = [];
  const waiting: { type: string; resolve: () => void }[] = [];
  // The worker side: duckdb-wasm's dispatcher over the instantiated bindings, answering through
  // the listeners AsyncDuckDB registered, as the worker's postMessage would.
  class Dispatcher extends async.AsyncDuckDBDispatcher {
    protected instantiate(): Promise<unknown> {
      return Promise.resolve(bindings);
    }
    protected postMessage(response: unknown): void {
      for (const l of listeners) l({ data: response });
    }
  }
  const dispatcher = new Dispatcher();
  (dispatcher as unknown as { _bindings: unknown })._bindings = bindings;
  const worker = {
    addEventListener(type: string, l: Listener): void {
      if (type === 'message') listeners.push(l);
    },
    removeEventListener(): void {},
    postMessage(request: Request): void {
      sent.push(request.type);
      for (const w of waiting.filter((x) => x.type === request.type)) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve();
      }
      // Asynchronous, as a message to a worker is.
      setTimeout(() => void dispatcher.onMessage(request), 0);
    },
    terminate(): void {},
  };
  const db = new async.AsyncDuckDB(new async.VoidLogger(), worker);
  await db.open({ path: ':memory:', query: { castBigIntToDouble: true } });
  const conn = await db.connect();
  return {
    db: db as unknown as AsyncDuckDB,
    conn,
    sent,
    posted: (type) => new Promise<void>((resolve) => waiting.push({ type, resolve })),
    async close() {
      await conn.close();
      bindings.reset();
    },
  };
}

/** A bound statement's rows as plain objects, through a prepared statement closed after. */
export async function boundRows(
  conn: AsyncDuckDBConnection,
  sql: string,
  params: readonly unknown[] = [],
): Promise<Record<string, unknown>[]> {
  const st = await conn.prepare(sql);
  try {
    const table = await st.query(...params);
    return (table.toArray() as { toJSON(): Record<string, unknown> }[]).map((r) => r.toJSON());
  } finally {
    await st.close();
  }
}
