// FORMAT and the sample columns (VCF §1.6.2 "Genotype fields").
import { decodeValues, valuesProblem } from './fieldValues';
import { nextIndex } from './scan';
import { cut, said } from './problems';
import { formatTooMany, MAX_FORMAT_KEYS } from './recordSaid';
import type { Said } from './problems';
import { FORMAT_KEY } from './names';
import { genotypeCount } from './schema';
import type { FieldSpec, Schema } from './schema';
import type { Genotype, VcfValue } from './types';

/** A FORMAT column, parsed once per distinct text (a file uses a handful). */
export interface ParsedFormat {
  readonly keys: readonly string[];
  readonly specs: readonly FieldSpec[];
  /** What is wrong with the FORMAT column itself, if anything. */
  readonly problem: { what: Said; key?: string } | undefined;
  readonly hasGt: boolean;
  readonly laaIndex: number;
}

const LOCAL_NUMBERS = new Set(['LA', 'LR', 'LG']);

/** Parses and checks a FORMAT column (keys, duplicates, GT first, LAA before local fields). */
export function parseFormat(text: string, schema: Schema): ParsedFormat {
  const keys = text.split(':');
  const specs = keys.length > MAX_FORMAT_KEYS ? [] : keys.map((k) => schema.format(k));
  const fail = (what: Said, key?: string): ParsedFormat => ({
    keys,
    specs,
    problem: key === undefined ? { what } : { what, key },
    hasGt: keys[0] === 'GT',
    laaIndex: keys.indexOf('LAA'),
  });
  if (keys.length > MAX_FORMAT_KEYS) return fail(formatTooMany(keys.length));
  const listed = new Set<string>();
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] ?? '';
    if (k === '')
      return fail(said('format-empty-key', `has an empty key ("${text}")`, { value: cut(text) }));
    if (schema.rules.infoKeyPattern ? !FORMAT_KEY.test(k) : !/^[A-Za-z0-9]+$/.test(k)) {
      const form = schema.rules.infoKeyPattern
        ? '[A-Za-z_][0-9A-Za-z_.]*'
        : 'alphanumeric before VCF 4.3';
      return fail(
        said(
          schema.rules.infoKeyPattern ? 'format-key-pattern' : 'format-key-alphanumeric',
          `"${k}" is not a valid FORMAT key (${form})`,
          { key: cut(k) },
        ),
        k,
      );
    }
    if (listed.has(k)) return fail(said('format-twice', 'appears twice'), k);
    listed.add(k);
  }
  const gt = keys.indexOf('GT');
  if (gt > 0)
    return fail(said('format-gt-first', 'GT must be the first FORMAT key when present'), 'GT');
  const laa = keys.indexOf('LAA');
  const firstLocal = specs.findIndex(
    (s) => typeof s.number === 'string' && LOCAL_NUMBERS.has(s.number),
  );
  if (firstLocal >= 0 && (laa < 0 || laa > firstLocal)) {
    return fail(
      said('format-laa', 'LAA must be present and come before the local-allele fields'),
      keys[firstLocal],
    );
  }
  return { keys, specs, problem: undefined, hasGt: gt === 0, laaIndex: laa };
}

/** Parses a GT value; returns the genotype or what is wrong. */
export function parseGt(v: string, nAlt: number, leadingPhase: boolean): Genotype | Said {
  return parseGtAlleles(v, nAlt, leadingPhase, false);
}

/** parseGt that accepts any allele number (a reference-only record's GT is only warned about). */
export function parseGtAnyAllele(v: string, leadingPhase: boolean): Genotype | Said {
  return parseGtAlleles(v, 0, leadingPhase, true);
}

function parseGtAlleles(
  v: string,
  nAlt: number,
  leadingPhase: boolean,
  any: boolean,
): Genotype | Said {
  let i = 0;
  let leading = 0;
  const c0 = v.charCodeAt(0);
  if (leadingPhase && (c0 === 47 || c0 === 124)) {
    leading = c0;
    i = 1;
  }
  const alleles: (number | null)[] = [];
  let slash = leading === 47;
  for (;;) {
    const c = v.charCodeAt(i);
    if (c === 46) {
      alleles.push(null);
      i++;
    } else if (c >= 48 && c <= 57) {
      let n = 0;
      const from = i;
      while (i < v.length && v.charCodeAt(i) >= 48 && v.charCodeAt(i) <= 57)
        n = n * 10 + (v.charCodeAt(i++) - 48);
      if (n > nAlt && !any) {
        return said(
          'gt-allele',
          `allele ${v.slice(from, i)} does not exist: the record has ${String(nAlt)} ALT allele${nAlt === 1 ? '' : 's'}`,
          { allele: v.slice(from, i), count: nAlt },
        );
      }
      alleles.push(n);
    } else return notGenotype(v);
    if (i === v.length) break;
    const sep = v.charCodeAt(i);
    if (sep !== 47 && sep !== 124) return notGenotype(v);
    if (sep === 47) slash = true;
    i++;
    if (i === v.length)
      return said('gt-separator', `"${v}" ends with a separator`, { value: cut(v) });
  }
  return { alleles, phased: !slash && (alleles.length > 1 || leading === 124) };
}

function notGenotype(v: string): Said {
  return said(
    'gt-invalid',
    `"${v}" is not a genotype (allele numbers or "." separated by / or |)`,
    { value: cut(v) },
  );
}

/** Receives a sample's problems (the record parser; it knows the sample and line). */
export interface SampleReporter {
  sampleProblem(what: Said, key: string | undefined, warning: boolean): void;
}

/**
 * The ploidy of the GT s[i,j) (allele numbers or "." joined by / or |), without copying it;
 * -1 when it is not a genotype, -2 when an allele number exceeds nAlt.
 */
function gtPloidy(s: string, i: number, j: number, nAlt: number, leadingPhase: boolean): number {
  if (leadingPhase && i < j) {
    const c0 = s.charCodeAt(i);
    if (c0 === 47 || c0 === 124) i++;
  }
  let ploidy = 0;
  let k = i;
  for (;;) {
    if (k >= j) return -1;
    const c = s.charCodeAt(k);
    if (c === 46) k++;
    else if (c >= 48 && c <= 57) {
      let n = 0;
      while (k < j && s.charCodeAt(k) >= 48 && s.charCodeAt(k) <= 57)
        n = n * 10 + (s.charCodeAt(k++) - 48);
      if (n > nAlt) return -2;
    } else return -1;
    ploidy++;
    if (k === j) return ploidy;
    const sep = s.charCodeAt(k);
    if (sep !== 47 && sep !== 124) return -1;
    k++;
  }
}

/** Checks one sample column s[start,end) against a parsed FORMAT. */
export function checkSample(
  s: string,
  start: number,
  end: number,
  format: ParsedFormat,
  nAlt: number,
  schema: Schema,
  r: SampleReporter,
): void {
  const rules = schema.rules;
  if (start === end && !rules.emptyLists) {
    r.sampleProblem(
      said('sample-empty', 'is empty; write "." for a sample without data'),
      undefined,
      false,
    );
    return;
  }
  let ploidy = 2;
  let laaCount = 0;
  let k = 0;
  let i = start;
  const keys = format.keys;
  while (i <= end) {
    let j = nextIndex(s, ':', i);
    if (j < 0 || j > end) j = end;
    if (k >= keys.length) {
      r.sampleProblem(
        said(
          'sample-too-many',
          `has more fields than the ${String(keys.length)} FORMAT keys (${keys.join(':')})`,
          { n: keys.length, keys: cut(keys.join(':'), 200) },
        ),
        undefined,
        false,
      );
      return;
    }
    if (k === 0 && format.hasGt) {
      const p = gtPloidy(s, i, j, nAlt, rules.leadingPhase);
      if (p > 0) ploidy = p;
      else ploidy = gtProblem(s.slice(i, j), nAlt, rules.leadingPhase, r);
    } else {
      const spec = format.specs[k] as FieldSpec;
      if (k === format.laaIndex) laaCount = countList(s, i, j);
      const expected = expectedCount(spec.number, nAlt, ploidy, laaCount);
      const problem = valuesProblem(s, i, j, spec, expected, rules);
      if (problem !== undefined) r.sampleProblem(problem, keys[k], false);
    }
    k++;
    i = j + 1;
  }
}

/** Reports a GT that gtPloidy refused; returns the ploidy to go on with. */
function gtProblem(text: string, nAlt: number, leadingPhase: boolean, r: SampleReporter): number {
  const gt = parseGt(text, nAlt, leadingPhase);
  if ('alleles' in gt) return gt.alleles.length;
  const loose = nAlt === 0 ? parseGtAnyAllele(text, leadingPhase) : gt;
  if (!('alleles' in loose)) {
    r.sampleProblem(gt, 'GT', false);
    return 2;
  }
  // ALT "." with a non-reference GT: nonsense, but the spec's passed/ files contain it.
  r.sampleProblem(
    said('gt-no-alt', `${gt.message} ("." in ALT); the genotype is read as written`, {
      allele: gt.params?.allele,
    }),
    'GT',
    true,
  );
  return loose.alleles.length;
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
