import { parse, printParseErrorCode } from 'jsonc-parser';
import type { ParseError } from 'jsonc-parser';

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
