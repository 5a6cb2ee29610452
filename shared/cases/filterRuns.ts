/**
 * The statements one filter run and one later window of the case's table run (issue 16), given a
 * way to run SQL: the page runs them in duckdb-wasm (renderer caseQueries.ts), the tests in
 * duckdb-wasm and native DuckDB. It remembers, per connection, the kept set in the database
 * (keptSet.ts, decisions 0066 and 0082) and the counts of the filter last counted: a change of the
 * table's order, or of the ranks it sorts by, keeps the kept alleles, so it asks neither the
 * counts again (one scan of every allele, decision 0086) nor the steps' SQL beyond the kept set.
 */
import type { CaseFilter, FilterStep } from './filters';
import type { CaseSqlContext } from './filterSql';
import { caseCountsSql } from './filterSql';
import { keptSetCapFor, keptSetSql, keptWindowSql } from './keptSet';
import type { LayoutPanel } from './queryLayout';
import { TABLE_ROWS, TABLE_WINDOW } from './queryLayout';
import type { RowSort } from './reviewSql';
import { caseChangeSql, caseSortedRowsSql, filterChangeOf } from './reviewSql';

/** Runs one statement; at most `limit` rows of its answer are needed. */
export type RunSql = (sql: string, limit?: number) => Promise<readonly Record<string, unknown>[]>;

/** What a filter removes, step by step, and what it keeps. */
export interface FilterCounts {
  readonly total: number;
  readonly kept: number;
  readonly steps: readonly { step: FilterStep; removes: number; remaining: number }[];
}

/** One filter run: its counts and the first window of kept rows in the table's order. */
export interface FilterRun extends FilterCounts {
  readonly rows: readonly Record<string, unknown>[];
}

/** A filter run's inputs: the case's SQL context, the filter, the panels, the order and ranks. */
export interface FilterRunArgs {
  readonly ctx: CaseSqlContext;
  readonly filter: CaseFilter;
  readonly panels: readonly LayoutPanel[];
  readonly sort: RowSort;
  readonly ranks: ReadonlyMap<string, number> | undefined;
}

/**
 * The filter runs of one connection. `run` is called once per statement, in order (the page's
 * connection runs one statement at a time).
 */
export function caseFilterRuns(run: RunSql): {
  /**
   * Counts per step and the first window (TABLE_WINDOW rows) of `filter` in `sort`. Every run
   * forgets the kept set; with `recount` false (a change of order or ranks: the kept alleles are
   * the same) the counts of the same case, filter and panels last counted are kept, not asked
   * again. In the default order, counted, it is one statement (decision 0062).
   */
  filter(args: FilterRunArgs, opts: { recount: boolean }): Promise<FilterRun>;
  /**
   * What `filter` forgets first, at once: a caller that must await before it can call `filter`
   * (the page asks the catalog first) forgets before, so nothing queued meanwhile is taken.
   */
  forget(opts: { recount: boolean }): void;
  /** Kept rows `offset`.. in the order, at most `limit` (a later window, an export). */
  window(
    args: FilterRunArgs,
    opts: { kept: number; offset: number; limit: number },
  ): Promise<Record<string, unknown>[]>;
} {
  // The kept set in the database (keptSet.ts): which filter, order and ranks it was built for,
  // and how many rows it holds at most (KEPT_FIRST, then TABLE_ROWS, decision 0082). Every filter
  // run forgets it; `epoch` keeps a build queued before a run from being taken for the new one.
  let keptSet: { key: string; cap: number } | undefined;
  let epoch = 0;
  // The counts last asked, and of what (the case's alias, the filter, the panels).
  let counted: { key: string; counts: FilterCounts } | undefined;
  let countEpoch = 0;

  const sortedKey = (a: FilterRunArgs): string =>
    JSON.stringify([
      a.ctx.db,
      a.filter,
      a.panels,
      a.sort,
      a.sort.key === 'rank' ? [...(a.ranks ?? [])] : [],
    ]);
  const countsKey = (a: FilterRunArgs): string => JSON.stringify([a.ctx.db, a.filter, a.panels]);
  const ranksOf = (a: FilterRunArgs) => (a.ranks === undefined ? {} : { ranks: a.ranks });

  async function ensureKeptSet(a: FilterRunArgs, end: number): Promise<void> {
    const key = sortedKey(a);
    const cap = keptSetCapFor(end, keptSet?.key === key ? keptSet.cap : undefined);
    if (cap === undefined) return;
    const mine = epoch;
    await run(keptSetSql(a.filter, a.ctx, { sort: a.sort, cap, ...ranksOf(a) }));
    if (mine === epoch) keptSet = { key, cap };
  }

  async function window(
    a: FilterRunArgs,
    opts: { kept: number; offset: number; limit: number },
  ): Promise<Record<string, unknown>[]> {
    const { offset, limit } = opts;
    if (offset + limit > TABLE_ROWS) {
      const sql = caseSortedRowsSql(a.filter, a.ctx, {
        sort: a.sort,
        kept: opts.kept,
        offset,
        limit,
        ...ranksOf(a),
      });
      return [...(await run(sql, limit))];
    }
    await ensureKeptSet(a, offset + limit);
    return [
      ...(await run(keptWindowSql(a.filter, a.ctx, { offset, limit, ...ranksOf(a) }), limit)),
    ];
  }

  async function counts(a: FilterRunArgs): Promise<FilterCounts> {
    const mine = ++countEpoch;
    const q = caseCountsSql(a.filter, a.ctx);
    const c = filterChangeOf(await run(q.sql), q.steps);
    const got = { total: c.total, kept: c.kept, steps: c.steps };
    if (mine === countEpoch) counted = { key: countsKey(a), counts: got };
    return got;
  }

  function forget(opts: { recount: boolean }): void {
    keptSet = undefined;
    epoch += 1;
    if (opts.recount) {
      // Counts asked before this run (a filter since changed, the cohort cache since loaded)
      // are not this run's, even if they answer after it.
      counted = undefined;
      countEpoch += 1;
    }
  }

  return {
    forget,
    async filter(a, opts) {
      forget(opts);
      const known = counted?.key === countsKey(a) ? counted.counts : undefined;
      if (known === undefined && a.sort.key === 'default') {
        const change = caseChangeSql(a.filter, a.ctx, { limit: TABLE_WINDOW, ...ranksOf(a) });
        const mine = ++countEpoch;
        const r = filterChangeOf(await run(change.sql, TABLE_WINDOW), change.steps);
        if (mine === countEpoch)
          counted = { key: countsKey(a), counts: { total: r.total, kept: r.kept, steps: r.steps } };
        return r;
      }
      const c = known ?? (await counts(a));
      // The default order's first window is a page of the steps (the change statement's rows);
      // another order's is read from the kept set built in that order.
      const rows =
        a.sort.key === 'default'
          ? [
              ...(await run(
                caseSortedRowsSql(a.filter, a.ctx, {
                  sort: a.sort,
                  kept: c.kept,
                  limit: TABLE_WINDOW,
                  ...ranksOf(a),
                }),
                TABLE_WINDOW,
              )),
            ]
          : await window(a, { kept: c.kept, offset: 0, limit: TABLE_WINDOW });
      return { ...c, rows };
    },
    window,
  };
}
