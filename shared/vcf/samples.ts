// FORMAT and the sample columns (VCF §1.6.2 "Genotype fields").
import { decodeValues, valuesProblem } from './fieldValues';
import { FORMAT_KEY } from './names';
import { genotypeCount } from './schema';
import type { FieldSpec, Schema } from './schema';
import type { Genotype, VcfValue } from './types';

/** A FORMAT column, parsed once per distinct text (a file uses a handful). */
export interface ParsedFormat {
  readonly keys: readonly string[];
  readonly specs: readonly FieldSpec[];
  /** What is wrong with the FORMAT column itself, if anything. */
  readonly problem: { message: string; key?: string } | undefined;
  readonly hasGt: boolean;
  readonly laaIndex: number;
}

const LOCAL_NUMBERS = new Set(['LA', 'LR', 'LG']);

/** Parses and checks a FORMAT column (keys, duplicates, GT first, LAA before local fields). */
export function parseFormat(text: string, schema: Schema): ParsedFormat {
  const keys = text.split(':');
  const specs = keys.map((k) => schema.format(k));
  const fail = (message: string, key?: string): ParsedFormat => ({
    keys,
    specs,
    problem: key === undefined ? { message } : { message, key },
    hasGt: keys[0] === 'GT',
    laaIndex: keys.indexOf('LAA'),
  });
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] ?? '';
    if (k === '') return fail(`has an empty key ("${text}")`);
    if (schema.rules.infoKeyPattern ? !FORMAT_KEY.test(k) : !/^[A-Za-z0-9]+$/.test(k)) {
      const form = schema.rules.infoKeyPattern
        ? '[A-Za-z_][0-9A-Za-z_.]*'
        : 'alphanumeric before VCF 4.3';
      return fail(`"${k}" is not a valid FORMAT key (${form})`, k);
    }
    if (keys.indexOf(k) !== i) return fail('appears twice', k);
  }
  const gt = keys.indexOf('GT');
  if (gt > 0) return fail('GT must be the first FORMAT key when present', 'GT');
  const laa = keys.indexOf('LAA');
  const firstLocal = specs.findIndex(
    (s) => typeof s.number === 'string' && LOCAL_NUMBERS.has(s.number),
  );
  if (firstLocal >= 0 && (laa < 0 || laa > firstLocal)) {
    return fail('LAA must be present and come before the local-allele fields', keys[firstLocal]);
  }
  return { keys, specs, problem: undefined, hasGt: gt === 0, laaIndex: laa };
}

/** Parses a GT value; returns the genotype or what is wrong. */
export function parseGt(v: string, nAlt: number, leadingPhase: boolean): Genotype | string {
  return parseGtAlleles(v, nAlt, leadingPhase, false);
}

/** parseGt that accepts any allele number (a reference-only record's GT is only warned about). */
export function parseGtAnyAllele(v: string, leadingPhase: boolean): Genotype | string {
  return parseGtAlleles(v, 0, leadingPhase, true);
}

function parseGtAlleles(
  v: string,
  nAlt: number,
  leadingPhase: boolean,
  any: boolean,
): Genotype | string {
  let i = 0;
  let leading = '';
  if (leadingPhase && (v[0] === '/' || v[0] === '|')) {
    leading = v[0];
    i = 1;
  }
  const alleles: (number | null)[] = [];
  let slash = leading === '/';
  for (;;) {
    let j = i;
    while (j < v.length && v[j] !== '/' && v[j] !== '|') j++;
    const a = v.slice(i, j);
    if (a === '.') alleles.push(null);
    else if (/^\d+$/.test(a)) {
      const n = Number(a);
      if (n > nAlt && !any)
        return `allele ${a} does not exist: the record has ${String(nAlt)} ALT allele${nAlt === 1 ? '' : 's'}`;
      alleles.push(n);
    } else return `"${v}" is not a genotype (allele numbers or "." separated by / or |)`;
    if (j === v.length) break;
    if (v[j] === '/') slash = true;
    i = j + 1;
    if (i === v.length) return `"${v}" ends with a separator`;
  }
  return { alleles, phased: !slash && (alleles.length > 1 || leading === '|') };
}

/** Reports a problem in one sample (field: the FORMAT key). */
export type SampleReport = (message: string, key?: string, warning?: boolean) => void;

/** Checks one sample column `s[start,end)` against a parsed FORMAT. */
export function checkSample(
  s: string,
  start: number,
  end: number,
  format: ParsedFormat,
  nAlt: number,
  schema: Schema,
  report: SampleReport,
): void {
  const rules = schema.rules;
  if (start === end && !rules.emptyLists) {
    report('is empty; write "." for a sample without data');
    return;
  }
  let ploidy = 2;
  let laaCount = 0;
  let k = 0;
  let i = start;
  while (i <= end) {
    let j = s.indexOf(':', i);
    if (j < 0 || j > end) j = end;
    if (k >= format.keys.length) {
      report(
        `has more fields than the ${String(format.keys.length)} FORMAT keys (${format.keys.join(':')})`,
      );
      return;
    }
    const key = format.keys[k] ?? '';
    const spec = format.specs[k] as FieldSpec;
    if (k === 0 && format.hasGt) {
      const text = s.slice(i, j);
      const gt = parseGt(text, nAlt, rules.leadingPhase);
      if (typeof gt !== 'string') ploidy = gt.alleles.length;
      else {
        const loose = nAlt === 0 ? parseGtAnyAllele(text, rules.leadingPhase) : gt;
        if (typeof loose === 'string') report(gt, 'GT');
        else {
          // ALT "." with a non-reference GT: nonsense, but the spec's passed/ files contain it.
          report(`${gt} ("." in ALT); the genotype is read as written`, 'GT', true);
          ploidy = loose.alleles.length;
        }
      }
    } else {
      if (k === format.laaIndex) laaCount = countList(s, i, j);
      const expected = expectedCount(spec.number, nAlt, ploidy, laaCount);
      const problem = valuesProblem(s, i, j, spec, expected, rules, false);
      if (problem !== undefined) report(problem, key);
    }
    k++;
    i = j + 1;
  }
}

function countList(s: string, i: number, j: number): number {
  if (i === j || (j - i === 1 && s.charCodeAt(i) === 46)) return 0;
  let n = 1;
  for (let x = i; x < j; x++) if (s.charCodeAt(x) === 44) n++;
  return n;
}

function expectedCount(
  number: FieldSpec['number'],
  nAlt: number,
  ploidy: number,
  laa: number,
): number | undefined {
  // Per-allele counts are not checked on reference-only records (ALT "."), as for INFO.
  if (nAlt === 0 && (number === 'A' || number === 'R' || number === 'G')) return undefined;
  switch (number) {
    case undefined:
    case '.':
    case 'M':
      return undefined;
    case 'A':
      return nAlt;
    case 'R':
      return nAlt + 1;
    case 'G':
      return genotypeCount(nAlt + 1, ploidy);
    case 'LA':
      return laa;
    case 'LR':
      return laa + 1;
    case 'LG':
      return genotypeCount(laa + 1, ploidy);
    case 'P':
      return ploidy;
    default:
      return number;
  }
}

/** Decodes one checked sample column into typed values (missing trailing fields are absent). */
export function decodeSample(
  text: string,
  format: ParsedFormat,
  schema: Schema,
): Map<string, VcfValue> {
  const out = new Map<string, VcfValue>();
  const percent = schema.rules.infoKeyPattern;
  text.split(':').forEach((v, k) => {
    const key = format.keys[k];
    const spec = format.specs[k];
    if (key === undefined || spec === undefined) return;
    out.set(key, key === 'GT' && format.hasGt ? v : decodeValues(v, spec, percent));
  });
  return out;
}
