import type { DuckDBValue } from '@duckdb/node-api';

/** A conjunction of SQL fragments with `?` placeholders and their bound values, in order. */
export class Conditions {
  readonly clauses: string[] = [];
  readonly values: DuckDBValue[] = [];

  /** Adds one fragment; `values` must match its placeholders left to right. */
  add(clause: string, ...values: DuckDBValue[]): this {
    this.clauses.push(clause);
    this.values.push(...values);
    return this;
  }

  /** Appends all of another conjunction. */
  merge(other: Conditions): this {
    this.clauses.push(...other.clauses);
    this.values.push(...other.values);
    return this;
  }

  get empty(): boolean {
    return this.clauses.length === 0;
  }

  /** `a AND b AND …`, or TRUE when empty. */
  sql(): string {
    return this.clauses.length === 0 ? 'TRUE' : this.clauses.map((c) => `(${c})`).join(' AND ');
  }
}
