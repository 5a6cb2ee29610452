import { readFileSync } from 'node:fs';
import { parse, printParseErrorCode } from 'jsonc-parser';
import type { ParseError } from 'jsonc-parser';
import { firstDuplicateKey } from '../../../shared/json/duplicateKey';
import type { SettingProblem } from '../../../shared/settings/settingProblem';

/**
 * A JSON file IT wrote, as text (decision 0105). Windows tools write byte order marks: Notepad's
 * and PowerShell's `-Encoding utf8` a UTF-8 one, Windows PowerShell's `Out-File` and `>` UTF-16LE
 * with its mark. RFC 8259 §8.1 lets a parser ignore the mark; the policy was refused at "line 1,
 * column 1: Invalid symbol", so none of IT's locks applied. The mark decides the encoding and is
 * dropped; anything else is read as UTF-8, as before. Throws what readFileSync throws.
 */
export function readJsonFileText(path: string): string {
  const bytes = readFileSync(path);
  const has = (...mark: number[]): boolean => mark.every((b, i) => bytes[i] === b);
  if (has(0xef, 0xbb, 0xbf)) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (has(0xff, 0xfe)) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (has(0xfe, 0xff)) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return bytes.toString('utf8');
}

/**
 * Parses strict JSON and, on a syntax error, says where (line and column) in words a person can act
 * on. V8's own messages often omit the position, so VS Code's jsonc-parser finds it.
 */
export function parseJsonWithLocation(
  text: string,
): { ok: true; value: unknown } | { ok: false; message: string; line: number; column: number } {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  const first = errors[0];
  if (first === undefined) return { ok: true, value };
  const before = text.slice(0, first.offset).split('\n');
  return {
    ok: false,
    message: describe(printParseErrorCode(first.error)),
    line: before.length,
    column: (before[before.length - 1]?.length ?? 0) + 1,
  };
}

const describe = (code: string): string =>
  code
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/^./, (c) => c.toUpperCase());

/**
 * A key named twice in one object of a settings or policy file (decision 0100), as the file's
 * problem: JSON.parse keeps the last without a word, and IT must know which value (which hosts, which
 * directory) the app applies. The file is then refused whole, as a syntax error is.
 */
export function repeatedKeyProblem(
  text: string,
): { detail: string; said: SettingProblem } | undefined {
  const d = firstDuplicateKey(text);
  if (d === undefined) return undefined;
  return {
    detail: `line ${String(d.line)}, column ${String(d.column)}: the key "${d.key}" is named twice in one object (at ${d.path}); JSON readers keep only one of them, so nothing of the file applies. Remove the repeat`,
    said: {
      code: 'duplicate-key',
      params: { line: d.line, column: d.column, key: d.key, field: d.path },
    },
  };
}
