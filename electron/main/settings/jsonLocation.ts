/** Parses JSON and, on a syntax error, says where (line and column) in words a person can act on. */
export function parseJsonWithLocation(
  text: string,
): { ok: true; value: unknown } | { ok: false; message: string; line: number; column: number } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const offset = position?.[1] === undefined ? text.length : Number(position[1]);
    const before = text.slice(0, offset).split('\n');
    const line = before.length;
    const column = (before[before.length - 1]?.length ?? 0) + 1;
    return { ok: false, message: message.replace(/ in JSON at position.*$/, ''), line, column };
  }
}
