// The INFO column (VCF §1.6.1 item 8): `key[=value[,value]]` entries separated by `;`.
import { decodeValues, valuesProblem } from './fieldValues';
import { cut, said } from './problems';
import { nextIndex } from './scan';
import type { Reporter } from './record';
import type { FieldSpec, Schema } from './schema';
import type { VcfValue } from './types';

/**
 * Expected value count for INFO Number=n|A|R. G and . are not counted (INFO has no ploidy), nor
 * are A and R on a reference-only record (ALT "."), where callers still write per-allele values.
 */
function expectedCount(number: FieldSpec['number'], nAlt: number): number | undefined {
  if (typeof number === 'number') return number;
  if (nAlt === 0) return undefined;
  if (number === 'A') return nAlt;
  if (number === 'R') return nAlt + 1;
  return undefined;
}

// Reused across lines: the keys of the current INFO column, to find duplicates without a Set.
const seen: FieldSpec[] = [];
/** Past this many entries the keys seen are also in a Set (includes() was quadratic). */
const FEW_ENTRIES = 32;

/**
 * The most INFO entries a record may have: htslib counts them in 16 bits, so bcftools refuses more
 * (decision 0089). A million entries in one line took minutes before this.
 */
export const MAX_INFO_ENTRIES = 65_535;

/**
 * The key at each position of the previous INFO column: files repeat the same keys in the same
 * order, so a key is recognised with startsWith instead of being copied out of the line.
 */
const byPosition = new WeakMap<Schema, FieldSpec[]>();

function specAt(s: string, i: number, keyEnd: number, k: number, schema: Schema): FieldSpec {
  let cache = byPosition.get(schema);
  if (cache === undefined) {
    cache = [];
    byPosition.set(schema, cache);
  }
  const known = cache[k];
  if (known !== undefined && known.id.length === keyEnd - i && s.startsWith(known.id, i))
    return known;
  const spec = schema.info(s.slice(i, keyEnd));
  cache[k] = spec;
  return spec;
}

/** Checks s[start,end), the INFO column of a record with `nAlt` ALT alleles. */
export function checkInfo(
  s: string,
  start: number,
  end: number,
  nAlt: number,
  schema: Schema,
  r: Reporter,
): void {
  if (start === end) return;
  if (end - start === 1 && s.charCodeAt(start) === 46) return;
  const rules = schema.rules;
  seen.length = 0;
  if (rules.infoNoSpaces) {
    const sp = s.indexOf(' ', start);
    if (sp >= 0 && sp < end)
      r.report(
        'INFO',
        said('info-space', 'contains white space, which INFO may not before VCF 4.3'),
      );
  }
  let i = start;
  let k = 0;
  let many: Set<FieldSpec> | undefined;
  while (i <= end) {
    let j = s.indexOf(';', i);
    if (j < 0 || j > end) j = end;
    if (k === MAX_INFO_ENTRIES) {
      r.report(
        'INFO',
        said(
          'info-too-many',
          `has more than ${MAX_INFO_ENTRIES.toLocaleString('en')} entries, the most a VCF record can hold (the limit of htslib and bcftools)`,
          { max: MAX_INFO_ENTRIES },
        ),
      );
      return;
    }
    if (j === i) {
      r.report('INFO', said('info-empty-entry', 'has an empty entry (";;", or ";" at an end)'));
      i = j + 1;
      continue;
    }
    let eq = nextIndex(s, '=', i);
    if (eq > j) eq = -1;
    const spec = specAt(s, i, eq < 0 ? j : eq, k++, schema);
    if (!spec.keyOk) {
      r.report(
        'INFO',
        said(
          rules.infoKeyPattern ? 'info-key-pattern' : 'info-key-invalid',
          `"${spec.id}" is not a valid INFO key${rules.infoKeyPattern ? ' ([A-Za-z_][0-9A-Za-z_.]*)' : ''}`,
          { key: cut(spec.id) },
        ),
      );
    } else if (many === undefined ? seen.includes(spec) : many.has(spec)) {
      r.report('INFO', said('info-twice', 'appears twice in this record'), spec.id);
    } else {
      seen.push(spec);
      if (many !== undefined) many.add(spec);
      else if (seen.length === FEW_ENTRIES) many = new Set(seen);
      checkEntry(s, eq, j, spec, nAlt, schema, r);
    }
    i = j + 1;
  }
}

/** Checks one `key[=value]` entry whose `=` is at eq (-1: none) and which ends at j. */
function checkEntry(
  s: string,
  eq: number,
  j: number,
  spec: FieldSpec,
  nAlt: number,
  schema: Schema,
  r: Reporter,
): void {
  const key = spec.id;
  if (eq < 0) {
    if (spec.type !== undefined && spec.type !== 'Flag')
      r.report(
        'INFO',
        said('info-no-value', `has no value, but it is ${spec.origin}`, spec.originValues),
        key,
      );
    return;
  }
  if (spec.type === 'Flag') {
    const v = s.slice(eq + 1, j);
    // A Flag takes no value; "=0"/"=1" is accepted, as htslib and vcf-validator do.
    if (v !== '0' && v !== '1')
      r.report(
        'INFO',
        said('info-flag-value', `is a Flag (${spec.origin}) and takes no value, found "${v}"`, {
          value: cut(v),
          ...spec.originValues,
        }),
        key,
      );
    return;
  }
  if (
    spec.type === 'String' &&
    j - eq > 2 &&
    s.charCodeAt(eq + 1) === 34 &&
    s.charCodeAt(j - 1) === 34
  ) {
    // Quoting is not VCF syntax, but some writers quote free text (the spec's passed/ files too).
    r.warn(
      'INFO',
      said('info-quoted', 'is a quoted string; VCF has no quoting in INFO (encode commas as %2C)'),
      key,
      `INFO=${key}`,
    );
    return;
  }
  const problem = valuesProblem(s, eq + 1, j, spec, expectedCount(spec.number, nAlt), schema.rules);
  if (problem !== undefined) {
    r.report('INFO', problem, key);
    return;
  }
  if (spec.type !== 'Integer' && spec.type !== 'Float') {
    const extra = s.indexOf('=', eq + 1);
    // VCF 4.1–4.3 forbid "=" in INFO values; readers split at the first "=" and the spec's own
    // passed/ test files contain one, so it is reported but not refused.
    if (extra >= 0 && extra < j)
      r.warn(
        'INFO',
        said(
          'info-equals',
          'contains "=" in its value, which INFO values may not (encode it as %3D)',
        ),
        key,
        `INFO=${key}`,
      );
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
