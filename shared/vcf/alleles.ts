// REF and ALT (VCF §1.6.1 items 4–5, §5.4 breakends).
import { said } from './problems';
import type { Said } from './problems';
import type { AlleleKind } from './types';

const isBase = (c: number): boolean =>
  c === 65 ||
  c === 67 ||
  c === 71 ||
  c === 84 ||
  c === 78 ||
  c === 97 ||
  c === 99 ||
  c === 103 ||
  c === 116 ||
  c === 110;

/** True when `s[start,end)` is a non-empty run of A, C, G, T, N (any case). */
export function isBases(s: string, start = 0, end = s.length): boolean {
  if (end <= start) return false;
  for (let i = start; i < end; i++) if (!isBase(s.charCodeAt(i))) return false;
  return true;
}

/** The kind of an ALT allele, or why it is none. */
export type AlleleCheck = { kind: AlleleKind } | { problem: Said };

const MATE = /^([^[\]]*)([[\]])([^[\]]+):(\d+)([[\]])([^[\]]*)$/;

/**
 * Classifies one ALT allele: bases, `*` (overlapping deletion), `<ID>` (symbolic; `<*>` is the
 * unspecified allele), a breakend (`t[p[`, `t]p]`, `]p]t`, `[p[t`, or the single breakends `.t`,
 * `t.`). `.` alone is handled by the caller (no ALT).
 */
export function classifyAlt(a: string): AlleleCheck {
  if (a === '')
    return { problem: said('alt-empty', 'is empty (two commas in a row, or a comma at an end?)') };
  if (isBases(a)) return { kind: 'bases' };
  if (a === '*') return { kind: 'overlap' };
  const c0 = a.charCodeAt(0);
  if (c0 === 60 /* < */) {
    const inner = a.slice(1, -1);
    if (!a.endsWith('>') || inner === '' || /[\s,<>]/.test(inner)) {
      return {
        problem: said(
          'alt-symbolic',
          'is not a symbolic allele <ID> (the ID may not contain white space, commas or angle brackets)',
        ),
      };
    }
    return { kind: inner === '*' ? 'unspecified' : 'symbolic' };
  }
  if (a.includes('[') || a.includes(']')) return classifyMate(a);
  if ((c0 === 46 && isBases(a, 1)) || (a.endsWith('.') && isBases(a, 0, a.length - 1))) {
    return { kind: 'breakend' };
  }
  if (/\s/.test(a)) return { problem: said('alt-space', 'contains white space') };
  return { problem: said('alt-invalid', 'is not bases (A, C, G, T, N), *, <ID> or a breakend') };
}

function classifyMate(a: string): AlleleCheck {
  const m = MATE.exec(a);
  const bad = {
    problem: said(
      'alt-breakend',
      'is not a valid breakend: t[chr:pos[, t]chr:pos], ]chr:pos]t or [chr:pos[t with bases t',
    ),
  };
  if (m === null) return bad;
  const [, before = '', open = '', , , close = '', after = ''] = m;
  if (open !== close) return bad;
  // Exactly one side carries the bases t; the telomere form (§5.4.7) writes "." there.
  const t = before !== '' ? before : after;
  if ((before === '') === (after === '')) return bad;
  if (t !== '.' && !isBases(t)) return bad;
  return { kind: 'breakend' };
}

/** True when s[a,b) and s[c,d) are the same bases (any case). */
export function sameBases(s: string, a: number, b: number, c: number, d: number): boolean {
  if (b - a !== d - c) return false;
  for (let i = 0; i < b - a; i++)
    if ((s.charCodeAt(a + i) | 32) !== (s.charCodeAt(c + i) | 32)) return false;
  return true;
}

/** True when the allele s[i,j) appears earlier in the ALT list s[a,i). */
export function listedBefore(s: string, a: number, i: number, j: number): boolean {
  if (i === a) return false;
  return `,${s.slice(a, i)}`.includes(`,${s.slice(i, j)},`);
}
