// Checks of the other structured and URL meta-information lines (VCF §1.4.8–1.4.10): ##META,
// ##SAMPLE, ##PEDIGREE, ##assembly and ##pedigreeDB, version by version.
import { TYPES, get, numberInvalid, typeInvalid } from './headerRules';
import type { Report } from './headerRules';
import type { MetaField } from './metaLine';
import { urlProblem } from './names';
import { cut, said, withValues } from './problems';
import type { VcfType } from './types';
import type { VersionRules } from './version';

/** Checks ##META (4.3+: ID, Number, Type, Values=[…]). */
export function checkMeta(fields: readonly MetaField[], report: Report): void {
  if (fields[0]?.key !== 'ID') report(said('meta-id-first', 'ID must be the first field'));
  const number = get(fields, 'Number')?.value;
  if (number !== undefined && number !== '.' && !/^\d+$/.test(number))
    report(numberInvalid(number), 'Number');
  const type = get(fields, 'Type')?.value;
  if (type !== undefined && !TYPES.includes(type as VcfType)) report(typeInvalid(type), 'Type');
  const values = get(fields, 'Values')?.value;
  if (values !== undefined && !(values.startsWith('[') && values.endsWith(']'))) {
    report(
      said('meta-values-list', 'Values must be a list in square brackets, e.g. Values=[a, b]'),
      'Values',
    );
  }
}

/** Checks ##SAMPLE (before 4.3: Genomes and Mixture required, only Description quoted). */
export function checkSample(
  fields: readonly MetaField[],
  rules: VersionRules,
  report: Report,
): void {
  const id = get(fields, 'ID')?.value;
  if (id === undefined) report(said('sample-needs-id', '##SAMPLE needs an ID'));
  // '*' and ',' would clash with list syntax; the EBI vcf-validator (hts-specs' test suite) agrees.
  else if (/[\s,*<>"]/.test(id))
    report(
      said('sample-id-invalid', `ID "${id}" contains a character sample ids cannot use`, {
        id: cut(id),
      }),
      'ID',
    );
  if (!rules.sampleNeedsGenomes) return;
  for (const n of ['Genomes', 'Mixture'])
    if (get(fields, n) === undefined)
      report(
        said('sample-field-missing', `${n} missing; VCF before 4.3 requires it`, { field: n }),
      );
  for (const f of fields) {
    if (f.quoted && f.key !== 'Description')
      report(
        said('sample-field-quoted', `${f.key} must not be quoted (only Description is)`, {
          field: cut(f.key),
        }),
        f.key,
      );
  }
}

/** Checks ##PEDIGREE: genome ids without white space or colons; 4.3+ needs an ID. */
export function checkPedigree(
  fields: readonly MetaField[],
  rules: VersionRules,
  report: Report,
): void {
  if (rules.structuredNeedId && get(fields, 'ID') === undefined)
    report(said('pedigree-needs-id', '##PEDIGREE needs an ID'));
  for (const f of fields) {
    if (/[\s:]/.test(f.value))
      report(
        said('pedigree-genome', `"${f.value}" is not a genome id (no white space or ":")`, {
          value: cut(f.value),
        }),
        f.key,
      );
  }
}

/** Checks a URL-valued unstructured line (##assembly, ##pedigreeDB). */
export function checkUrlLine(key: string, value: string, report: Report): void {
  const problem = urlProblem(value);
  if (problem !== undefined)
    report(withValues(problem, `##${key}=${value} ${problem.message}`, { key, value: cut(value) }));
}
