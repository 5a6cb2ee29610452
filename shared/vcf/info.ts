// The INFO column (VCF §1.6.1 item 8): `key[=value[,value]]` entries separated by `;`.
import { decodeValues, valuesProblem } from './fieldValues';
import { INFO_KEY_43 } from './names';
import type { Schema } from './schema';
import type { VcfValue } from './types';

/** Reports a problem with one INFO key (or the column when key is undefined). */
export type InfoReport = (message: string, key?: string) => void;

/**
 * Expected value count for INFO Number=n|A|R. G and . are not counted (INFO has no ploidy), nor
 * are A and R on a reference-only record (ALT "."), where callers still write per-allele values.
 */
function expectedCount(number: number | string | undefined, nAlt: number): number | undefined {
  if (typeof number === 'number') return number;
  if (nAlt === 0) return undefined;
  if (number === 'A') return nAlt;
  if (number === 'R') return nAlt + 1;
  return undefined;
}

/** Reports a warning once per key and file. */
export type InfoWarn = (message: string, key: string) => void;

const seenKeys: string[] = [];

/** Checks `s[start,end)`, the INFO column of a record with `nAlt` ALT alleles. */
export function checkInfo(
  s: string,
  start: number,
  end: number,
  nAlt: number,
  schema: Schema,
  report: InfoReport,
  warn: InfoWarn,
): void {
  if (start === end) {
    report('is empty; write "." when there is no INFO');
    return;
  }
  if (end - start === 1 && s.charCodeAt(start) === 46) return;
  const rules = schema.rules;
  seenKeys.length = 0;
  let i = start;
  while (i <= end) {
    let j = s.indexOf(';', i);
    if (j < 0 || j > end) j = end;
    if (j === i) {
      report('has an empty entry (";;", or ";" at an end)');
      i = j + 1;
      continue;
    }
    let eq = s.indexOf('=', i);
    if (eq < 0 || eq > j) eq = -1;
    const key = s.slice(i, eq < 0 ? j : eq);
    if (rules.infoKeyPattern ? !INFO_KEY_43.test(key) : /\s/.test(key) || key === '') {
      report(
        `"${key}" is not a valid INFO key${rules.infoKeyPattern ? ' ([A-Za-z_][0-9A-Za-z_.]*)' : ''}`,
      );
    } else if (seenKeys.includes(key)) {
      report('appears twice in this record', key);
    } else {
      seenKeys.push(key);
      const spec = schema.info(key);
      if (eq < 0) {
        if (spec.type !== undefined && spec.type !== 'Flag') {
          report(`has no value, but it is ${spec.origin}`, key);
        }
      } else if (spec.type === 'Flag') {
        const v = s.slice(eq + 1, j);
        // A Flag takes no value; "=0"/"=1" is accepted, as htslib and vcf-validator do.
        if (v !== '0' && v !== '1')
          report(`is a Flag (${spec.origin}) and takes no value, found "${v}"`, key);
      } else if (
        spec.type === 'String' &&
        j - eq > 2 &&
        s.charCodeAt(eq + 1) === 34 &&
        s.charCodeAt(j - 1) === 34
      ) {
        // Quoting is not VCF syntax, but some writers quote free text (the spec's passed/ files
        // too): read as one value, with a warning.
        warn('is a quoted string; VCF has no quoting in INFO (encode commas as %2C)', key);
      } else {
        const problem = valuesProblem(
          s,
          eq + 1,
          j,
          spec,
          expectedCount(spec.number, nAlt),
          rules,
          true,
        );
        if (problem !== undefined) report(problem, key);
        else if (spec.type !== 'Integer' && spec.type !== 'Float') {
          const extra = s.indexOf('=', eq + 1);
          if (extra >= 0 && extra < j) {
            // VCF 4.1–4.3 forbid "=" in INFO values; readers split at the first "=" and the
            // spec's own passed/ test files contain one, so it is reported but not refused.
            warn('contains "=" in its value, which INFO values may not (encode it as %3D)', key);
          }
        }
      }
    }
    i = j + 1;
  }
}

/** Decodes a checked INFO column into typed values. */
export function decodeInfo(text: string, schema: Schema): Map<string, VcfValue> {
  const out = new Map<string, VcfValue>();
  if (text === '.') return out;
  const percent = schema.rules.infoKeyPattern;
  for (const entry of text.split(';')) {
    const eq = entry.indexOf('=');
    if (eq < 0) {
      out.set(entry, true);
      continue;
    }
    const key = entry.slice(0, eq);
    const spec = schema.info(key);
    out.set(key, spec.type === 'Flag' ? true : decodeValues(entry.slice(eq + 1), spec, percent));
  }
  return out;
}

/** Decodes one INFO key without decoding the others; undefined when absent. */
export function infoValue(text: string, key: string, schema: Schema): VcfValue | undefined {
  if (text === '.') return undefined;
  let from = 0;
  for (;;) {
    const at = text.indexOf(key, from);
    if (at < 0) return undefined;
    const after = at + key.length;
    const boundaryBefore = at === 0 || text.charCodeAt(at - 1) === 59;
    const c = text.charCodeAt(after);
    if (boundaryBefore && (after === text.length || c === 59 || c === 61)) {
      if (after === text.length || c === 59) return true;
      let end = text.indexOf(';', after + 1);
      if (end < 0) end = text.length;
      const spec = schema.info(key);
      if (spec.type === 'Flag') return true;
      return decodeValues(text.slice(after + 1, end), spec, schema.rules.infoKeyPattern);
    }
    from = at + 1;
  }
}
