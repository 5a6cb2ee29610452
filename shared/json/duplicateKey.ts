// JSON objects that name a key twice (decision 0095). JSON.parse keeps the last value without a
// word, so a Phenopacket with two "subject" objects, or a preset with two "filter" objects, would
// be read as whichever came last; RFC 8259 §4 says names SHOULD be unique and leaves the meaning
// of a repeat to the reader. A file the user hands the app as clinical input is refused instead,
// at the line and column of the repeat, with its JSON path.
import { visit } from 'jsonc-parser';
import type { JSONPath } from 'jsonc-parser';

export interface DuplicateKey {
  /** The key as the JSON text means it (escapes decoded: "a" and "\u0061" are one key). */
  readonly key: string;
  /** Where the repeat is, from the root: `subject.id`, `phenotypicFeatures[0].type.id`. */
  readonly path: string;
  /** Line and column (from 1) of the repeated key's opening quote. */
  readonly line: number;
  readonly column: number;
}

/** A JSON path as the app's messages write it: `a.b[2].c` (`$` for the root). */
export function jsonPathText(path: JSONPath): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${String(p)}]` : out === '' ? p : `.${p}`;
  return out === '' ? '$' : out;
}

/**
 * The first key an object of `text` names twice, or undefined. One pass over the text; memory is
 * the keys of the objects open at a time. Call it on text JSON.parse accepted (it does not report
 * syntax errors).
 */
export function firstDuplicateKey(text: string): DuplicateKey | undefined {
  const open: Set<string>[] = [];
  let found: DuplicateKey | undefined;
  visit(
    text,
    {
      onObjectBegin: () => {
        if (found !== undefined) return false;
        open.push(new Set());
        return undefined;
      },
      onObjectEnd: () => {
        open.pop();
      },
      onArrayBegin: () => (found === undefined ? undefined : false),
      onObjectProperty: (key, _offset, _length, startLine, startCharacter, pathSupplier) => {
        const keys = open.at(-1);
        if (found !== undefined || keys === undefined) return;
        if (!keys.has(key)) {
          keys.add(key);
          return;
        }
        found = {
          key,
          path: jsonPathText([...pathSupplier(), key]),
          line: startLine + 1,
          column: startCharacter + 1,
        };
      },
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  return found;
}
