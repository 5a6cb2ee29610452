// Checks and decodes the comma-separated values of one INFO or FORMAT field against its spec.
import type { FieldSpec } from './schema';
import type { VcfScalar, VcfValue } from './types';
import { integerProblem, isFloat, percentDecode, toFloat } from './values';
import type { VersionRules } from './version';

/** Checks `s[start,end)` (the part after `key=`); returns what is wrong, or undefined. */
export function valuesProblem(
  s: string,
  start: number,
  end: number,
  spec: FieldSpec,
  expected: number | undefined,
  rules: VersionRules,
  inInfo: boolean,
): string | undefined {
  if (start === end) {
    if (rules.emptyLists && (spec.number === '.' || expected === 0)) return undefined;
    return 'is empty; write "." for a missing value';
  }
  if (end - start === 1 && s.charCodeAt(start) === 46) return undefined;
  const type = spec.type;
  let count = 0;
  let i = start;
  while (i <= end) {
    let j = s.indexOf(',', i);
    if (j < 0 || j > end) j = end;
    count++;
    if (j === i) return `has an empty value in its list ("${s.slice(start, end)}")`;
    if (!(j - i === 1 && s.charCodeAt(i) === 46) && type !== undefined) {
      const problem = oneValueProblem(s, i, j, spec, rules, inInfo);
      if (problem !== undefined) return problem;
    }
    i = j + 1;
  }
  if (expected !== undefined && count !== expected) {
    return `has ${String(count)} value${count === 1 ? '' : 's'}, expected ${String(expected)} (${spec.origin})`;
  }
  if (type === undefined && inInfo && rules.infoNoSpaces && /\s/.test(s.slice(start, end))) {
    return 'contains white space, which INFO values may not before VCF 4.3';
  }
  return undefined;
}

function oneValueProblem(
  s: string,
  i: number,
  j: number,
  spec: FieldSpec,
  rules: VersionRules,
  inInfo: boolean,
): string | undefined {
  const show = (): string => `"${s.slice(i, j)}"`;
  switch (spec.type) {
    case 'Integer': {
      const p = integerProblem(s, i, j, rules.reservedIntegers);
      if (p !== undefined) return `${show()} ${p} (${spec.origin})`;
      if (spec.range !== undefined && s.charCodeAt(i) === 45 && s.slice(i, j) !== '-0') {
        return `${show()} is negative; a count cannot be`;
      }
      return undefined;
    }
    case 'Float': {
      if (!isFloat(s, i, j)) return `${show()} is not a Float (${spec.origin})`;
      if (spec.range !== undefined) {
        const v = toFloat(s.slice(i, j));
        if (v < 0) return `${show()} is negative; it must lie between 0 and 1`;
        if (spec.range === 'fraction' && v > 1)
          return `${show()} is above 1; it must lie between 0 and 1`;
      }
      return undefined;
    }
    case 'Character':
      return j - i === 1 ? undefined : `${show()} is not a single Character (${spec.origin})`;
    case 'Flag':
      return undefined;
    default: {
      if (inInfo) {
        const text = s.slice(i, j);
        if (rules.infoNoSpaces && /\s/.test(text))
          return `${show()} contains white space, which INFO values may not before VCF 4.3`;
      }
      if (spec.pattern !== undefined && !spec.pattern.test(s.slice(i, j))) {
        return `${show()} is not a valid ${spec.id} value`;
      }
      return undefined;
    }
  }
}

/** Decodes a checked value by its spec (Number=1 → scalar; other Numbers → list; untyped → as written). */
export function decodeValues(text: string, spec: FieldSpec, decodePercent: boolean): VcfValue {
  if (spec.type === undefined) return text;
  if (spec.type === 'Flag') return true;
  const one = (v: string): VcfScalar => {
    if (v === '.') return null;
    if (spec.type === 'Integer') return Number(v);
    if (spec.type === 'Float') return toFloat(v);
    return decodePercent ? percentDecode(v) : v;
  };
  if (spec.number === 1) return text === '.' ? null : one(text);
  if (text === '.' || text === '') return [];
  return text.split(',').map(one);
}
