// Checks and decodes the comma-separated values of one INFO or FORMAT field against its spec.
import { cut, said, withValues } from './problems';
import { nextIndex } from './scan';
import type { Said } from './problems';
import type { FieldSpec } from './schema';
import type { VcfScalar, VcfValue } from './types';
import { integerProblem, isFloat, percentDecode, toFloat } from './values';
import type { VersionRules } from './version';

/** Checks s[start,end) (the part after `key=`); returns what is wrong, or undefined. */
export function valuesProblem(
  s: string,
  start: number,
  end: number,
  spec: FieldSpec,
  expected: number | undefined,
  rules: VersionRules,
): Said | undefined {
  if (start === end) {
    if (rules.emptyLists && (spec.number === '.' || expected === 0)) return undefined;
    return EMPTY_VALUE;
  }
  if (end - start === 1 && s.charCodeAt(start) === 46) return undefined;
  const type = spec.type;
  // One number (DP, GQ, AN…): no list to walk.
  if (expected === 1 && (type === 'Integer' || type === 'Float') && noComma(s, start, end)) {
    return oneValueProblem(s, start, end, spec, rules);
  }
  // Untyped Strings without a pattern need no look at each value, only a count when one is due.
  const perValue = type !== undefined && (type !== 'String' || spec.pattern !== undefined);
  if (!perValue && expected === undefined) {
    if (s.charCodeAt(start) === 44 || s.charCodeAt(end - 1) === 44 || emptyInside(s, start, end))
      return listEmpty(s.slice(start, end));
    return undefined;
  }
  let count = 0;
  let i = start;
  while (i <= end) {
    let j = nextIndex(s, ',', i);
    if (j < 0 || j > end) j = end;
    count++;
    if (j === i) return listEmpty(s.slice(start, end));
    if (perValue && !(j - i === 1 && s.charCodeAt(i) === 46)) {
      const problem = oneValueProblem(s, i, j, spec, rules);
      if (problem !== undefined) return problem;
    }
    i = j + 1;
  }
  if (expected !== undefined && count !== expected) {
    return said(
      'value-count',
      `has ${String(count)} value${count === 1 ? '' : 's'}, expected ${String(expected)} (${spec.origin})`,
      { count, expected, ...spec.originValues },
    );
  }
  return undefined;
}

function oneValueProblem(
  s: string,
  i: number,
  j: number,
  spec: FieldSpec,
  rules: VersionRules,
): Said | undefined {
  switch (spec.type) {
    case 'Integer': {
      const p = integerProblem(s, i, j, rules.reservedIntegers);
      if (p !== undefined)
        return withValues(p, `"${s.slice(i, j)}" ${p.message} (${spec.origin})`, {
          value: cut(s.slice(i, j)),
          ...spec.originValues,
        });
      if (spec.range !== undefined && s.charCodeAt(i) === 45 && s.slice(i, j) !== '-0') {
        return said('count-negative', `"${s.slice(i, j)}" is negative; a count cannot be`, {
          value: cut(s.slice(i, j)),
        });
      }
      return undefined;
    }
    case 'Float': {
      if (!isFloat(s, i, j))
        return said('float-invalid', `"${s.slice(i, j)}" is not a Float (${spec.origin})`, {
          value: cut(s.slice(i, j)),
          ...spec.originValues,
        });
      if (spec.range !== undefined) {
        if (s.charCodeAt(i) === 45 && toFloat(s.slice(i, j)) < 0)
          return said(
            'fraction-negative',
            `"${s.slice(i, j)}" is negative; it must lie between 0 and 1`,
            { value: cut(s.slice(i, j)) },
          );
        if (spec.range === 'fraction' && aboveOne(s, i, j))
          return said(
            'fraction-above-one',
            `"${s.slice(i, j)}" is above 1; it must lie between 0 and 1`,
            { value: cut(s.slice(i, j)) },
          );
      }
      return undefined;
    }
    case 'Character':
      return j - i === 1
        ? undefined
        : said(
            'character-invalid',
            `"${s.slice(i, j)}" is not a single Character (${spec.origin})`,
            { value: cut(s.slice(i, j)), ...spec.originValues },
          );
    default:
      if (spec.pattern !== undefined && !spec.pattern.test(s.slice(i, j)))
        return said('pattern-invalid', `"${s.slice(i, j)}" is not a valid ${spec.id} value`, {
          value: cut(s.slice(i, j)),
          key: spec.id,
        });
      return undefined;
  }
}

/** A missing value written as nothing (§1.6: "." stands for a missing value). */
export const EMPTY_VALUE = said('empty-value', 'is empty; write "." for a missing value');

function listEmpty(list: string): Said {
  return said('list-empty-value', `has an empty value in its list ("${list}")`, {
    value: cut(list),
  });
}

/** True when s[start,end) has no comma. */
function noComma(s: string, start: number, end: number): boolean {
  const c = nextIndex(s, ',', start);
  return c < 0 || c >= end;
}

/** True when s[start,end) holds ",," (an empty value inside a list); no scan past `end`. */
function emptyInside(s: string, start: number, end: number): boolean {
  for (let c = nextIndex(s, ',', start); c >= 0 && c < end; c = nextIndex(s, ',', c + 1))
    if (s.charCodeAt(c + 1) === 44) return true;
  return false;
}

/** True when the checked Float s[i,j) is above 1, read without copying it in the common forms. */
function aboveOne(s: string, i: number, j: number): boolean {
  let int = 0;
  let k = i;
  for (; k < j; k++) {
    const c = s.charCodeAt(k);
    if (c === 46) break;
    if (c < 48 || c > 57) return toFloat(s.slice(i, j)) > 1;
    int = int * 10 + (c - 48);
  }
  if (int >= 2) return true;
  let fraction = false;
  for (k++; k < j; k++) {
    const c = s.charCodeAt(k);
    if (c < 48 || c > 57) return toFloat(s.slice(i, j)) > 1;
    if (c !== 48) fraction = true;
  }
  return int === 1 && fraction;
}

/** Decodes one checked scalar by its type. */
function decodeOne(v: string, type: FieldSpec['type'], decodePercent: boolean): VcfScalar {
  if (v === '.') return null;
  if (type === 'Integer') return Number(v);
  if (type === 'Float') return toFloat(v);
  return decodePercent ? percentDecode(v) : v;
}

/** Decodes a checked value by its spec (Number=1 → scalar; other Numbers → list; untyped → as written). */
export function decodeValues(text: string, spec: FieldSpec, decodePercent: boolean): VcfValue {
  const type = spec.type;
  if (type === undefined) return text;
  if (type === 'Flag') return true;
  if (spec.number === 1) return decodeOne(text, type, decodePercent);
  if (text === '.' || text === '') return [];
  const parts = text.split(',');
  const out: VcfScalar[] = new Array<VcfScalar>(parts.length);
  for (let i = 0; i < parts.length; i++) out[i] = decodeOne(parts[i] ?? '.', type, decodePercent);
  return out;
}
