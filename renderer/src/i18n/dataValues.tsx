import { Fragment } from 'react';
import type { ReactNode } from 'react';

/**
 * A sentence whose values include data: names as their source wrote them (CIViC's disease and
 * drug names, HPO labels, dataset titles, a panel's release), which no catalogue translates (issue
 * 22, decision 0075). The sentence is worded by the catalogue as usual; each data value passed
 * through `data` comes back in its own element marked with HTML's "do not translate" flag, as
 * the app marks node and dataset names elsewhere, so a reader (and a translating browser, and the
 * pseudo-locale pass) can tell the app's words from the data's.
 *
 * `data` returns a placeholder that survives the catalogue's interpolation and nesting (two
 * characters of Unicode's private use area around an index); the finished text is split on it.
 */
export type MarkData = (value: string) => string;

const OPEN = '\uE000';
const CLOSE = '\uE001';
const PLACEHOLDER = new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'u');

/** A marker for several sentences built at once (a list's lines): `data` in, `nodes` out. */
export function dataMarks(): { data: MarkData; nodes: (text: string) => ReactNode } {
  const values: string[] = [];
  return {
    data: (value) => {
      if (value === '') return '';
      values.push(value);
      return `${OPEN}${String(values.length - 1)}${CLOSE}`;
    },
    nodes: (text) => {
      const parts = text.split(PLACEHOLDER);
      if (parts.length === 1) return text;
      return parts.map((part, i) =>
        i % 2 === 0 ? (
          <Fragment key={i}>{part}</Fragment>
        ) : (
          <span key={i} className="data-value" translate="no">
            {values[Number(part)]}
          </span>
        ),
      );
    },
  };
}

/** One sentence built with `data` marking its data values. */
export function withData(build: (data: MarkData) => string): ReactNode {
  const marks = dataMarks();
  return marks.nodes(build(marks.data));
}

/** The same sentence as plain text (an attribute, a title): the data values as they are. */
export const asText: MarkData = (value) => value;
