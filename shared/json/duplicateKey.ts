// JSON objects that name a key twice (decision 0095). JSON.parse keeps the last value without a
// word, so a Phenopacket with two "subject" objects, or a preset with two "filter" objects, would
// be read as whichever came last; RFC 8259 §4 says names SHOULD be unique and leaves the meaning
// of a repeat to the reader. A file the user hands the app as clinical input is refused instead,
// at the line and column of the repeat, with its JSON path.

export interface DuplicateKey {
  /** The key as the JSON text means it (escapes decoded: "a" and "\u0061" are one key). */
  readonly key: string;
  /** Where the repeat is, from the root: `subject.id`, `phenotypicFeatures[0].type.id`. */
  readonly path: string;
  /** Line and column (from 1, in UTF-16 code units) of the repeated key's opening quote. */
  readonly line: number;
  readonly column: number;
}

type Frame = { keys: Set<string>; key: string | undefined } | { index: number };

/** A JSON path as the app's messages write it: `a.b[2].c` (`$` for the root). */
export function jsonPathText(path: readonly (string | number)[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${String(p)}]` : out === '' ? p : `.${p}`;
  return out === '' ? '$' : out;
}

const pathOf = (stack: readonly Frame[]): string =>
  jsonPathText(
    stack.flatMap((f): (string | number)[] =>
      'index' in f ? [f.index] : f.key === undefined ? [] : [f.key],
    ),
  );

/** The end (index of the closing quote) of the string whose opening quote is at `i`. */
function stringEnd(text: string, i: number): number {
  let j = i + 1;
  for (;;) {
    const q = text.indexOf('"', j);
    if (q < 0) return text.length;
    let slashes = 0;
    for (let k = q - 1; k > i && text.charCodeAt(k) === 92; k--) slashes++;
    if (slashes % 2 === 0) return q;
    j = q + 1;
  }
}

/**
 * The first key an object of `text` names twice, or undefined. One pass over the text; memory is
 * the keys of the objects open at a time. Call it on text JSON.parse accepted (it does not check
 * the syntax).
 */
export function firstDuplicateKey(text: string): DuplicateKey | undefined {
  const stack: Frame[] = [];
  let expectKey = false;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = i + 1;
    } else if (c === 123) {
      stack.push({ keys: new Set(), key: undefined });
      expectKey = true;
    } else if (c === 91) {
      stack.push({ index: 0 });
      expectKey = false;
    } else if (c === 125 || c === 93) {
      stack.pop();
      expectKey = false;
    } else if (c === 44) {
      const top = stack.at(-1);
      if (top !== undefined && 'index' in top) top.index++;
      else expectKey = true;
    } else if (c === 34) {
      const end = stringEnd(text, i);
      const top = stack.at(-1);
      if (expectKey && top !== undefined && 'keys' in top) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        top.key = key;
        if (top.keys.has(key)) return { key, path: pathOf(stack), line, column: i - lineStart + 1 };
        top.keys.add(key);
        expectKey = false;
      }
      i = end;
    }
  }
  return undefined;
}
