// Typed values (VCF §1.3 "Data types"), checked on a range of a string without copying it: the
// record parser calls these for every INFO and FORMAT value of every line.
import { said } from './problems';
import type { Said } from './problems';

const MIN_INT = -2147483648;
const MAX_INT = 2147483647;
/** −2^31 … −2^31+7 are BCF's sentinels; 4.3+ disallows them in VCF too. */
const MIN_ALLOWED_43 = MIN_INT + 8;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Why `s[start,end)` is not a VCF Integer, or undefined when it is. */
export function integerProblem(
  s: string,
  start: number,
  end: number,
  reservedIntegers: boolean,
): Said | undefined {
  let i = start;
  const c0 = s.charCodeAt(i);
  if (c0 === 43 || c0 === 45) i++;
  if (i >= end) return NOT_INTEGER;
  let value = 0;
  for (let j = i; j < end; j++) {
    const c = s.charCodeAt(j);
    if (!isDigit(c)) return NOT_INTEGER;
    value = value * 10 + (c - 48);
  }
  if (c0 === 45) value = -value;
  if (value > MAX_INT || value < MIN_INT) {
    return said('integer-range', 'is outside the 32-bit Integer range (−2147483648 … 2147483647)');
  }
  if (reservedIntegers && value < MIN_ALLOWED_43) {
    return said(
      'integer-reserved',
      'is one of the values −2147483648 … −2147483641 that VCF reserves (for BCF) and disallows',
    );
  }
  return undefined;
}

const NOT_INTEGER = said('integer-invalid', 'is not an Integer');

/** True when `s[start,end)` matches `[-+]?(INF|INFINITY|NAN)` (any case). */
function isSpecialFloat(s: string, start: number, end: number): boolean {
  const c0 = s.charCodeAt(start);
  const from = c0 === 43 || c0 === 45 ? start + 1 : start;
  const word = s.slice(from, end).toUpperCase();
  return word === 'INF' || word === 'INFINITY' || word === 'NAN';
}

/**
 * True when `s[start,end)` is a VCF Float: `^[-+]?[0-9]*\.?[0-9]+([eE][-+]?[0-9]+)?$` or
 * `^[-+]?(INF|INFINITY|NAN)$`, case-insensitive (VCF 4.5 §1.3; earlier versions say "Float").
 */
export function isFloat(s: string, start: number, end: number): boolean {
  let i = start;
  let c = s.charCodeAt(i);
  if (c === 43 || c === 45) c = s.charCodeAt(++i);
  if (i >= end) return false;
  if (!isDigit(c) && c !== 46) return isSpecialFloat(s, start, end);
  let digitsBefore = 0;
  while (i < end && isDigit(s.charCodeAt(i))) {
    i++;
    digitsBefore++;
  }
  let digitsAfter = 0;
  if (i < end && s.charCodeAt(i) === 46) {
    i++;
    while (i < end && isDigit(s.charCodeAt(i))) {
      i++;
      digitsAfter++;
    }
    if (digitsAfter === 0) return false;
  } else if (digitsBefore === 0) {
    return false;
  }
  if (i === end) return true;
  c = s.charCodeAt(i);
  if (c !== 101 && c !== 69) return false;
  i++;
  c = s.charCodeAt(i);
  if (c === 43 || c === 45) i++;
  if (i >= end) return false;
  for (; i < end; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

/** Parses a checked Float (INF, INFINITY and NAN in any case included). */
export function toFloat(text: string): number {
  const n = Number(text);
  if (!Number.isNaN(n)) return n;
  const up = text.toUpperCase();
  if (up.endsWith('NAN')) return Number.NaN;
  return up.startsWith('-') ? -Infinity : Infinity;
}

const PERCENT = /%([0-9A-F]{2})/g;

/** Decodes the capitalised percent encoding of VCF 4.3+ (§1.2: %3A, %3B, %3D, %25, %2C, …). */
export function percentDecode(text: string): string {
  if (!text.includes('%')) return text;
  return text.replace(PERCENT, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
