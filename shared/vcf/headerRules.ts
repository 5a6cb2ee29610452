// Checks of structured meta-information lines (VCF §1.4.2–1.4.9), version by version.
import type { MetaField } from './metaLine';
import { FORMAT_KEY, INFO_KEY_43, contigNameProblem } from './names';
import { cut, said, withValues } from './problems';
import type { Said } from './problems';
import { reservedFormat, reservedInfo } from './reserved';
import type { FieldDef, VcfNumber, VcfType, VcfVersion } from './types';
import type { VersionRules } from './version';

/** Reports one header problem (the caller adds file and line). */
export type Report = (what: Said, field?: string, warning?: boolean) => void;

export const TYPES: readonly VcfType[] = ['Integer', 'Float', 'Flag', 'Character', 'String'];
const SV_TYPES = ['DEL', 'INS', 'DUP', 'INV', 'CNV', 'BND'];
const IUPAC = /^[RYSWKMBDHVN]$/;
/** Symbolic alleles de facto standard before 4.3 defined `<*>`: bcftools' `*`, GATK's NON_REF. */
const PRE43_TOLERATED_ALT_IDS = ['*', 'NON_REF'];

export const get = (fields: readonly MetaField[], key: string): MetaField | undefined =>
  fields.find((f) => f.key === key);

/** Parses a Number= value; undefined when it is not one this version knows. */
export function parseNumber(
  value: string,
  rules: VersionRules,
  forFormat: boolean,
): VcfNumber | undefined {
  if (/^\d+$/.test(value)) return Number(value);
  const infoLetters = ['A', 'R', 'G', '.'];
  if (!rules.numberLetters.includes(value)) return undefined;
  if (!forFormat && !infoLetters.includes(value)) return undefined;
  return value as VcfNumber;
}

/** `ID, Number, Type, Description` must lead, in that order, up to 4.3 (§1.4.2 examples). */
function checkOrder(fields: readonly MetaField[], names: readonly string[], report: Report): void {
  const present = names.filter((n) => get(fields, n) !== undefined);
  const leading = fields.slice(0, present.length).map((f) => f.key);
  if (leading.join(',') !== present.join(',')) {
    report(
      said(
        'meta-field-order',
        `fields must start with ${present.join(', ')} in this order (found ${fields.map((f) => f.key).join(', ')})`,
        { expected: present.join(', '), found: cut(fields.map((f) => f.key).join(', '), 200) },
      ),
    );
  }
}

function requireQuoted(
  fields: readonly MetaField[],
  names: readonly string[],
  report: Report,
): void {
  for (const n of names) {
    const f = get(fields, n);
    if (f !== undefined && !f.quoted)
      report(said('meta-not-quoted', `${n} must be surrounded by double quotes`, { field: n }), n);
  }
}

/** Checks ##INFO / ##FORMAT and returns the definition (undefined when unusable). */
export function checkFieldDef(
  kind: 'INFO' | 'FORMAT',
  fields: readonly MetaField[],
  line: number,
  version: VcfVersion,
  rules: VersionRules,
  report: Report,
): FieldDef | undefined {
  const id = get(fields, 'ID')?.value;
  const numberText = get(fields, 'Number')?.value;
  const typeText = get(fields, 'Type')?.value;
  const description = get(fields, 'Description');
  const missing = [
    ['ID', id],
    ['Number', numberText],
    ['Type', typeText],
    ['Description', description],
  ]
    .filter(([, v]) => v === undefined)
    .map(([k]) => k as string);
  if (missing.length > 0)
    report(
      said(
        'def-missing',
        `${missing.join(', ')} missing; ##${kind} needs ID, Number, Type and Description`,
        { missing: missing.join(', '), kind },
      ),
    );
  if (rules.fieldOrder) checkOrder(fields, ['ID', 'Number', 'Type', 'Description'], report);
  requireQuoted(fields, ['Description', 'Source', 'Version'], report);
  if (id === undefined || numberText === undefined || typeText === undefined) return undefined;
  const keyOk =
    kind === 'FORMAT'
      ? FORMAT_KEY.test(id)
      : rules.infoKeyPattern
        ? INFO_KEY_43.test(id)
        : !/[\s;=]/.test(id);
  if (!keyOk)
    report(
      said('def-id-invalid', `ID "${id}" is not a valid ${kind} key`, { id: cut(id), kind }),
      'ID',
    );
  const number = parseNumber(numberText, rules, kind === 'FORMAT');
  if (number === undefined) {
    const letters = rules.numberLetters
      .filter((l) => kind === 'FORMAT' || ['A', 'R', 'G', '.'].includes(l))
      .join(' ');
    report(
      said('def-number-invalid', `Number=${numberText} is not an integer or one of ${letters}`, {
        value: cut(numberText),
        allowed: letters,
      }),
      'Number',
    );
  }
  const type = TYPES.find((t) => t === typeText && (kind === 'INFO' || t !== 'Flag'));
  if (type === undefined) {
    const types = (kind === 'INFO' ? TYPES : TYPES.filter((t) => t !== 'Flag')).join(', ');
    report(
      said('def-type-invalid', `Type=${typeText} is not one of ${types}`, {
        value: cut(typeText),
        allowed: types,
      }),
      'Type',
    );
  }
  if (number === undefined || type === undefined) return undefined;
  // "Number must be 0" for a Flag; readers ignore it and the spec's passed/ files break it.
  if (type === 'Flag' && number !== 0)
    report(
      said('flag-number', `a Flag should have Number=0 (found Number=${numberText})`, {
        value: numberText,
      }),
      'Number',
      true,
    );
  const reserved = (kind === 'INFO' ? reservedInfo(version) : reservedFormat(version))[id];
  if (reserved !== undefined) {
    if (reserved.type !== undefined && reserved.type !== type) {
      report(
        said(
          'reserved-type',
          `${id} is reserved by VCFv${version} as Type=${reserved.type}, not ${type}`,
          { id, version, reserved: reserved.type, found: type },
        ),
        'Type',
      );
    }
    if (reserved.number !== number) {
      report(
        said(
          'reserved-number',
          `${id} is reserved by VCFv${version} as Number=${String(reserved.number)}, not ${numberText}`,
          { id, version, reserved: String(reserved.number), found: numberText },
        ),
        'Number',
      );
    }
  }
  return {
    id,
    number,
    type,
    description: description?.value ?? '',
    line,
    fields: new Map(fields.map((f) => [f.key, f.value])),
  };
}

/** Checks ##FILTER (ID, Description). */
export function checkFilter(
  fields: readonly MetaField[],
  rules: VersionRules,
  report: Report,
): void {
  if (get(fields, 'ID') === undefined || get(fields, 'Description') === undefined) {
    report(said('filter-needs', '##FILTER needs ID and Description'));
  }
  if (rules.fieldOrder) checkOrder(fields, ['ID', 'Description'], report);
  requireQuoted(fields, ['Description'], report);
  if (get(fields, 'ID')?.value === '0')
    report(said('filter-id-zero', 'the filter ID "0" is reserved'), 'ID');
}

/** Checks ##ALT: ID is a symbolic allele type, Description quoted (§1.4.5). */
export function checkAlt(fields: readonly MetaField[], rules: VersionRules, report: Report): void {
  const id = get(fields, 'ID')?.value;
  if (id === undefined || get(fields, 'Description') === undefined)
    report(said('alt-needs', '##ALT needs ID and Description'));
  if (rules.fieldOrder) checkOrder(fields, ['ID', 'Number', 'Type', 'Description'], report);
  requireQuoted(fields, ['Description'], report);
  const number = get(fields, 'Number')?.value;
  if (number !== undefined && parseNumber(number, rules, false) === undefined)
    report(numberInvalid(number), 'Number');
  const type = get(fields, 'Type')?.value;
  if (type !== undefined && !TYPES.includes(type as VcfType)) report(typeInvalid(type), 'Type');
  if (id === undefined) return;
  const first = id.split(':')[0] ?? '';
  if (id.includes(':') && !SV_TYPES.includes(first)) {
    report(
      said(
        'alt-id-sv',
        `"${id}": a structural-variant ID starts with ${SV_TYPES.slice(0, 5).join(', ')} (then :subtypes)`,
        { id: cut(id), types: SV_TYPES.slice(0, 5).join(', ') },
      ),
      'ID',
    );
  } else if (
    rules.altIdsRestricted &&
    !id.includes(':') &&
    !SV_TYPES.includes(id) &&
    !IUPAC.test(id) &&
    !PRE43_TOLERATED_ALT_IDS.includes(id)
  ) {
    report(
      said(
        'alt-id-pre43',
        `"${id}" is neither a structural-variant type (${SV_TYPES.slice(0, 5).join(', ')}) nor an IUPAC code, as VCF before 4.3 requires`,
        { id: cut(id), types: SV_TYPES.slice(0, 5).join(', ') },
      ),
      'ID',
    );
  }
}

/** Checks ##contig (ID, length). */
export function checkContig(
  fields: readonly MetaField[],
  rules: VersionRules,
  report: Report,
): number | undefined {
  const id = get(fields, 'ID')?.value;
  if (id === undefined) {
    report(said('contig-needs-id', '##contig needs an ID'));
    return undefined;
  }
  const problem = contigNameProblem(id, rules);
  if (problem !== undefined)
    report(withValues(problem, `contig ID "${id}" ${problem.message}`, { name: cut(id) }), 'ID');
  const length = get(fields, 'length')?.value;
  if (length === undefined) return undefined;
  if (!/^\d+$/.test(length)) {
    report(
      said('contig-length', `length=${length} is not a whole number`, { value: cut(length) }),
      'length',
    );
    return undefined;
  }
  return Number(length);
}

/** `Number=` of ##ALT or ##META that is not a count or one of the letters. */
export function numberInvalid(value: string): Said {
  return said('number-invalid', `Number=${value} is not valid`, { value: cut(value) });
}

export function typeInvalid(value: string): Said {
  return said('type-invalid', `Type=${value} is not valid`, { value: cut(value) });
}
