import { describe, expect, it } from 'vitest';
import { firstDuplicateKey, jsonPathText } from './duplicateKey';

// Decision 0095: a JSON object naming a key twice is found, with its place and path.
describe('firstDuplicateKey', () => {
  it('finds a repeated key at the root, with its line, column and path', () => {
    const text = '{\n  "id": "a",\n  "subject": {"id": "P1"},\n  "subject": {"id": "P2"}\n}';
    expect(JSON.parse(text)).toEqual({ id: 'a', subject: { id: 'P2' } });
    expect(firstDuplicateKey(text)).toEqual({
      key: 'subject',
      path: 'subject',
      line: 4,
      column: 3,
    });
  });

  it('finds one inside an array of objects, escapes decoded', () => {
    const text =
      '{"phenotypicFeatures": [\n {"type": {"id": "HP:0001250"}},\n {"type": {"id": "HP:0001250", "\\u0069d": "HP:0000001"}}\n]}';
    expect(firstDuplicateKey(text)).toEqual({
      key: 'id',
      path: 'phenotypicFeatures[1].type.id',
      line: 3,
      column: 32,
    });
  });

  it('lets the same key in different objects, and in CRLF text, pass', () => {
    expect(firstDuplicateKey('{"a": {"id": 1}, "b": {"id": 1}, "c": [{"id": 1}, {"id": 2}]}')).toBe(
      undefined,
    );
    expect(firstDuplicateKey('{\r\n"a": 1,\r\n"a": 2\r\n}')).toMatchObject({ line: 3, column: 1 });
  });

  it('is one pass: 200,000 keys in a 4 MB file take well under a second', () => {
    const keys = Array.from({ length: 200_000 }, (_, i) => `"k${String(i)}": ${String(i)}`);
    const text = `{${keys.join(',')}, "k199999": 0}`;
    const t = Date.now();
    expect(firstDuplicateKey(text)).toMatchObject({ key: 'k199999', path: 'k199999' });
    expect(Date.now() - t).toBeLessThan(5000);
  });

  it('writes paths as the messages do', () => {
    expect(jsonPathText([])).toBe('$');
    expect(jsonPathText(['a', 0, 'b'])).toBe('a[0].b');
    expect(jsonPathText([1, 'x'])).toBe('[1].x');
  });
});
