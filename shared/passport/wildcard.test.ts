import { describe, expect, it } from 'vitest';
import {
  WILDCARD_MAX_PATTERN,
  WILDCARD_MAX_VALUE,
  wildcardMatch,
  type WildcardCounter,
} from './wildcard';

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

/** Every string of length 0..max over `alphabet`. */
function* strings(alphabet: readonly string[], max: number): Generator<string> {
  let layer = [''];
  for (let n = 0; n <= max; n++) {
    yield* layer;
    layer = layer.flatMap((s) => alphabet.map((c) => s + c));
  }
}

describe('issue 12 item 7: GA4GH pattern matching without backtracking (PASS-02)', () => {
  it('agrees with a reference matcher on every pattern up to 5 and value up to 6 characters', () => {
    const texts = [...strings(['a', 'b'], 6)];
    let checked = 0;
    for (const pattern of strings(['a', 'b', '?', '*'], 5)) {
      for (const text of texts) {
        if (wildcardMatch(pattern, text) !== reference(pattern, text))
          throw new Error(`pattern ${JSON.stringify(pattern)} vs ${JSON.stringify(text)}`);
        checked++;
      }
    }
    expect(checked).toBe(1365 * 127);
  });

  it('the reported input (11 stars against 40 characters) takes a bounded number of steps', () => {
    const counter: WildcardCounter = { steps: 0 };
    const pattern = `${'a*'.repeat(11)}b`;
    const text = 'a'.repeat(40);
    expect(wildcardMatch(pattern, text, counter)).toBe(false);
    expect(counter.steps).toBeLessThanOrEqual((text.length + 1) * pattern.length);
  });

  it('the reported shape with a failing middle (11 stars, no b anywhere) stays linear', () => {
    const counter: WildcardCounter = { steps: 0 };
    const pattern = `${'*a'.repeat(11)}*b*`;
    expect(wildcardMatch(pattern, 'a'.repeat(40), counter)).toBe(false);
    expect(counter.steps).toBeLessThanOrEqual(41 * pattern.length);
  });

  it('a segment that almost fits everywhere stays within (|value| + 1) × |pattern| steps', () => {
    const counter: WildcardCounter = { steps: 0 };
    const pattern = `*${'a'.repeat(20)}b*`;
    const text = 'a'.repeat(WILDCARD_MAX_VALUE);
    expect(wildcardMatch(pattern, text, counter)).toBe(false);
    expect(counter.steps).toBeGreaterThan(text.length);
    expect(counter.steps).toBeLessThanOrEqual((text.length + 1) * pattern.length);
  });

  it('stays within (|value| + 1) × |pattern| steps at the length limits', () => {
    const counter: WildcardCounter = { steps: 0 };
    const pattern = `${'*a?'.repeat(Math.floor(WILDCARD_MAX_PATTERN / 3) - 1)}*b`;
    const text = 'a'.repeat(WILDCARD_MAX_VALUE);
    expect(wildcardMatch(pattern, text, counter)).toBe(false);
    expect(counter.steps).toBeLessThanOrEqual((text.length + 1) * pattern.length);
  });

  it('values and patterns over the limits never match', () => {
    expect(wildcardMatch('*', 'a'.repeat(WILDCARD_MAX_VALUE))).toBe(true);
    expect(wildcardMatch('*', 'a'.repeat(WILDCARD_MAX_VALUE + 1))).toBe(false);
    expect(wildcardMatch('*'.repeat(WILDCARD_MAX_PATTERN + 1), 'a')).toBe(false);
  });

  it('every other character is literal: no regex or escape meaning', () => {
    expect(wildcardMatch('a.c', 'abc')).toBe(false);
    expect(wildcardMatch('a.c', 'a.c')).toBe(true);
    expect(wildcardMatch('a\\*', 'a\\xyz')).toBe(true);
    expect(wildcardMatch('(a|b)+', '(a|b)+')).toBe(true);
    expect(wildcardMatch('fac?lty@*', 'faculty@uni.example')).toBe(true);
    expect(wildcardMatch('x', 'x\ny')).toBe(false);
  });
});
