import { describe, expect, it } from 'vitest';
import { matchField } from './conditions';
import { WILDCARD_MAX_VALUE, wildcardMatch, type WildcardCounter } from './wildcard';

/** Reference: the textbook dynamic programme over (pattern prefix, text prefix). */
function reference(pattern: string, text: string): boolean {
  let row = [true, ...Array<boolean>(text.length).fill(false)];
  for (const p of pattern) {
    const next = [p === '*' && row[0] === true];
    for (let j = 1; j <= text.length; j++) {
      next[j] =
        p === '*'
          ? row[j] === true || next[j - 1] === true
          : row[j - 1] === true && (p === '?' || p === text[j - 1]);
    }
    row = next;
  }
  return row[text.length] === true;
}

function* strings(alphabet: readonly string[], max: number): Generator<string> {
  let layer = [''];
  for (let n = 0; n <= max; n++) {
    yield* layer;
    layer = layer.flatMap((s) => alphabet.map((c) => s + c));
  }
}

describe('issue 12 item 7: the node matches visa patterns without backtracking (PASS-02)', () => {
  it('agrees with a reference matcher on every pattern up to 5 and value up to 6 characters', () => {
    const texts = [...strings(['a', 'b'], 6)];
    for (const pattern of strings(['a', 'b', '?', '*'], 5))
      for (const text of texts)
        if (wildcardMatch(pattern, text) !== reference(pattern, text))
          throw new Error(`pattern ${JSON.stringify(pattern)} vs ${JSON.stringify(text)}`);
  });

  it('the reported input (11 stars against 40 characters) is decided in bounded steps', () => {
    const counter: WildcardCounter = { steps: 0 };
    const pattern = `${'a*'.repeat(11)}b`;
    expect(wildcardMatch(pattern, 'a'.repeat(40), counter)).toBe(false);
    expect(counter.steps).toBeLessThanOrEqual(41 * pattern.length);
    expect(matchField(`pattern:${pattern}`, 'a'.repeat(40))).toBe(false);
    expect(matchField(`split_pattern:${pattern}`, `${'a'.repeat(40)};x`)).toBe(false);
  });

  it('a value over the length limit never matches', () => {
    expect(matchField('pattern:*', 'a'.repeat(WILDCARD_MAX_VALUE + 1))).toBe(false);
  });
});
