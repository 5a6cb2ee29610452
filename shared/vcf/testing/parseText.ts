import { VcfParser } from '../parser';
import type { VcfSummary } from '../parser';
import { formatProblem } from '../problems';
import type { VcfRecord } from '../types';

/** ASCII/UTF-8 text → bytes without DOM or Node types (shared/ has neither). */
export function utf8(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else
      out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

export interface Parsed extends VcfSummary {
  readonly records: number;
  readonly kept: VcfRecord[];
  /** Every error as `FILE:LINE: …`. */
  readonly errors: string[];
  readonly warningLines: string[];
}

/** Parses text (optionally in small chunks, to exercise chunk boundaries). */
export function parseText(text: string | Uint8Array, chunk = 0): Parsed {
  const kept: VcfRecord[] = [];
  const p = new VcfParser({ file: 't.vcf', onRecord: (r) => kept.push(r) });
  const bytes = typeof text === 'string' ? utf8(text) : text;
  if (chunk > 0) for (let i = 0; i < bytes.length; i += chunk) p.push(bytes.subarray(i, i + chunk));
  else p.push(bytes);
  const s = p.end();
  return {
    ...s,
    kept,
    errors: s.problems.map(formatProblem),
    warningLines: s.warnings.map(formatProblem),
  };
}

const COLUMNS = '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO';

/** A VCF of a version with extra header lines, the #CHROM line (with samples) and data lines. */
export function vcf(
  version: string,
  meta: readonly string[],
  samples: readonly string[],
  lines: readonly string[],
): string {
  const head = samples.length === 0 ? COLUMNS : `${COLUMNS}\tFORMAT\t${samples.join('\t')}`;
  return [`##fileformat=VCFv${version}`, ...meta, head, ...lines].map((l) => `${l}\n`).join('');
}

/** Tab-joins columns. */
export const row = (...cols: readonly (string | number)[]): string => cols.map(String).join('\t');
