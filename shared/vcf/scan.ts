// Bounded searches inside one line (decision 0089). `s.indexOf(c, i)` scans to the end of the line
// when the character is not in the rest of the current field, so checking each of n fields that
// way costs n × the line: a 10 MB INFO column of 1,000,000 entries took minutes. The next
// position of a character is remembered per line, so a line's fields cost one pass in total.

interface Memo {
  s: string;
  from: number;
  at: number;
}

const memo = (): Memo => ({ s: '', from: 0, at: -1 });
const memos = new Map<number, Memo>();

/**
 * `s.indexOf(ch, i)` for a single character, remembered: when the last answer for this line and
 * character was looked for from at or before `i` and lies at or after it, it is the answer again.
 */
export function nextIndex(s: string, ch: string, i: number): number {
  const code = ch.charCodeAt(0);
  let m = memos.get(code);
  if (m === undefined) {
    m = memo();
    memos.set(code, m);
  }
  if (m.s === s && i >= m.from && (m.at < 0 || i <= m.at)) return m.at;
  const at = s.indexOf(ch, i);
  m.s = s;
  m.from = i;
  m.at = at;
  return at;
}

/** The first position of each value in `list` (for duplicate checks of long lists). */
export function firstIndexes(list: readonly string[]): Map<string, number> {
  const first = new Map<string, number>();
  list.forEach((x, i) => {
    if (!first.has(x)) first.set(x, i);
  });
  return first;
}
