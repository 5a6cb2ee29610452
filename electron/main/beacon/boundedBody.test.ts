import { describe, expect, it } from 'vitest';
import { bodyText, readBounded } from './boundedBody';

// Decision 0096: a node's answer that starts with a UTF-8 byte order mark is read like one
// without (RFC 8259 §8.1), wherever it is read: search and pull pages decode through bodyText.
describe('bodyText (decision 0096)', () => {
  const bom = Uint8Array.from([0xef, 0xbb, 0xbf]);
  const json = new TextEncoder().encode('{"meta":{"a":"\uFEFF"}}');
  const withBom = new Uint8Array([...bom, ...json]);

  it('drops a leading byte order mark and keeps one inside the text', () => {
    expect(JSON.parse(bodyText(withBom))).toEqual({ meta: { a: '\uFEFF' } });
    expect(bodyText(json)).toBe('{"meta":{"a":"\uFEFF"}}');
  });

  it('readBounded decodes a response with a byte order mark to parseable JSON', async () => {
    const text = await readBounded(new Response(withBom), 1_000);
    expect(JSON.parse(text)).toEqual({ meta: { a: '\uFEFF' } });
  });
});
