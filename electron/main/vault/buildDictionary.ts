// The dictionaries a dataset build codes its genotype columns with (decisions 0060, 0067).
/**
 * A growing dictionary of a text column: distinct values in first-seen order, one INTEGER code per
 * row (NULL for null). Appending a VARCHAR costs a native call per value in @duckdb/node-api, an
 * INTEGER a typed-array write: genotypes repeat a few thousand ids over millions of rows.
 */
export class Dictionary {
  private readonly index = new Map<string, number>();
  readonly values: string[] = [];
  codes(column: readonly unknown[]): (number | null)[] {
    const out = new Array<number | null>(column.length);
    for (let i = 0; i < column.length; i++) {
      const v = column[i];
      if (v === null || v === undefined) {
        out[i] = null;
        continue;
      }
      let code = this.index.get(v as string);
      if (code === undefined) {
        code = this.values.length;
        this.index.set(v as string, code);
        this.values.push(v as string);
      }
      out[i] = code;
    }
    return out;
  }
  /**
   * This dictionary's codes of a column given as codes of its own values (-1 = null), as the pull's
   * page worker sends genotypes (issue 20, decision 0067): each distinct value is looked up once.
   */
  recode(column: LocalCodes): (number | null)[] {
    const to = this.codes(column.values);
    const out = new Array<number | null>(column.codes.length);
    for (let i = 0; i < out.length; i++) {
      const c = column.codes[i] ?? -1;
      out[i] = c < 0 ? null : (to[c] ?? null);
    }
    return out;
  }
}

/** A column as codes of its own distinct values (-1 for null), as the page worker sends it. */
export interface LocalCodes {
  values: readonly string[];
  codes: Int32Array;
}
