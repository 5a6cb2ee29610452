import { describe, expect, it } from 'vitest';
import { parseJsonWithLocation } from './jsonLocation';

describe('JSON with error locations', () => {
  it('parses valid JSON', () => {
    expect(parseJsonWithLocation('{"a": [1, 2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
  });

  it.each([
    ['{\n "version": 1,\n "locked": { "theme": }\n}', 3, 23],
    ['{"a": 1,}', 1, 9],
    ['{"a": 1} // note', 1, 10],
    ['', 1, 1],
    ['{"a": "unterminated', 1, 7],
  ])('locates the error in %j at line %i, column %i', (text, line, column) => {
    const result = parseJsonWithLocation(text);
    expect(result).toMatchObject({ ok: false, line, column });
    if (!result.ok) expect(result.message.length).toBeGreaterThan(3);
  });
});
