// Reading a case's phenotype from a GA4GH Phenopacket v2 JSON file: subject id and sex, and the
// phenotypic features (observed, or `excluded: true`), HPO terms only.
import { z } from 'zod';
import { hpoLabel, hpoVersion } from '../cohorts/hpo';
import { firstDuplicateKey } from '../json/duplicateKey';
import type { CaseProblem, CaseSex, Phenotype } from './channels';

const TermZ = z.object({ id: z.string(), label: z.string().optional() });
const PhenopacketZ = z.object({
  id: z.string().optional(),
  subject: z.object({ id: z.string().optional(), sex: z.string().optional() }).loose().optional(),
  phenotypicFeatures: z
    .array(z.object({ type: TermZ, excluded: z.boolean().optional() }).loose())
    .optional(),
});

const SEX: Record<string, CaseSex> = { MALE: 'male', FEMALE: 'female' };

/** The subject, sex and HPO terms of a Phenopacket v2; problems name the JSON path. */
export function readPhenopacket(
  name: string,
  text: string,
): { subjectId: string | null; sex: CaseSex; phenotype: Phenotype; problems: CaseProblem[] } {
  const empty = {
    subjectId: null,
    sex: 'unknown' as const,
    phenotype: { observed: [], excluded: [] },
  };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error: unknown) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ...empty,
      problems: [
        {
          file: name,
          message: `is not JSON (${detail})`,
          code: 'phenopacket-not-json',
          params: { detail },
        },
      ],
    };
  }
  // Decision 0095: two "subject" objects or two ids in one term are refused, not read as the
  // last one (JSON.parse's rule): the file says two things about the patient.
  const duplicate = firstDuplicateKey(text);
  if (duplicate !== undefined)
    return {
      ...empty,
      problems: [
        {
          file: name,
          line: duplicate.line,
          message: `names the key "${duplicate.key}" twice in one object (at ${duplicate.path}, column ${String(duplicate.column)}); JSON readers keep only one of them, so the file is not read. Remove the repeat and choose it again`,
          code: 'phenopacket-duplicate-key',
          params: { key: duplicate.key.slice(0, 200), path: duplicate.path.slice(0, 400) },
        },
      ],
    };
  const parsed = PhenopacketZ.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ...empty,
      problems: [
        {
          file: name,
          message:
            `is not a Phenopacket v2: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
          code: 'phenopacket-invalid',
          params: {
            path: issue === undefined || issue.path.length === 0 ? '$' : issue.path.join('.'),
          },
        },
      ],
    };
  }
  const p = parsed.data;
  const problems: CaseProblem[] = [];
  const phenotype: Phenotype = { observed: [], excluded: [] };
  (p.phenotypicFeatures ?? []).forEach((f, i) => {
    if (!/^HP:\d{7}$/.test(f.type.id)) {
      problems.push({
        file: name,
        message: `phenotypicFeatures[${String(i)}].type.id "${f.type.id}" is not an HPO term (HP:0000000); left out`,
        code: 'phenopacket-not-hpo',
        params: { path: `phenotypicFeatures[${String(i)}].type.id`, id: f.type.id },
      });
      return;
    }
    // Issue 16: a well-formed id the app's HPO table does not hold (obsolete, replaced or
    // mistyped) cannot be shown, searched or ranked: named with its place, left out.
    if (hpoLabel(f.type.id) === undefined) {
      const path = `phenotypicFeatures[${String(i)}].type.id`;
      const line = lineOfFeatureId(text, p.phenotypicFeatures ?? [], i);
      problems.push({
        file: name,
        ...(line === undefined ? {} : { line }),
        message: `${path} "${f.type.id}" is not in the HPO table Cohort Desk ships (HPO release ${hpoVersion()}): obsolete, replaced or mistyped; left out. Check the term at the HPO and give its current id`,
        code: 'phenopacket-unknown-hpo',
        params: { path, id: f.type.id, release: hpoVersion() },
      });
      return;
    }
    const term =
      f.type.label === undefined ? { id: f.type.id } : { id: f.type.id, label: f.type.label };
    (f.excluded === true ? phenotype.excluded : phenotype.observed).push(term);
  });
  if (p.phenotypicFeatures === undefined || p.phenotypicFeatures.length === 0)
    problems.push({
      file: name,
      message: 'has no phenotypicFeatures',
      code: 'phenopacket-no-features',
    });
  // Decision 0100 refuses a patient id with control characters (a pseudonym printed in reports,
  // lists and terminals); one read from the file is refused here, at its place in the file, and
  // not filled in (decision 0106): before, the import was refused later as an invalid request.
  const idPath = p.subject?.id !== undefined ? 'subject.id' : p.id !== undefined ? 'id' : undefined;
  let subjectId = p.subject?.id ?? p.id ?? null;
  const control = subjectId === null ? undefined : controlInId(subjectId);
  if (subjectId !== null && idPath !== undefined && control !== undefined) {
    const line = lineOfOnly(text, JSON.stringify(subjectId));
    problems.push({
      file: name,
      ...(line === undefined ? {} : { line }),
      message: `${idPath} holds a control character (${control.codePoint} at character ${String(control.at)}: a line break, tab or escape), so it is not used as the patient id: reports, lists and terminals would print it. Type the patient id, or fix the file`,
      code: 'phenopacket-subject-control',
      params: { path: idPath, ...control },
    });
    subjectId = null;
  }
  return {
    subjectId,
    sex: SEX[p.subject?.sex ?? ''] ?? 'unknown',
    phenotype,
    problems,
  };
}

/**
 * The line of feature `i`'s id in the file's text: the k-th `"HP:…"` of that id after the
 * `phenotypicFeatures` key, k counting earlier features with the same id; undefined when the text
 * writes it otherwise (escaped), so no wrong line is given.
 */
function lineOfFeatureId(
  text: string,
  features: readonly { type: { id: string } }[],
  i: number,
): number | undefined {
  const id = features[i]?.type.id;
  if (id === undefined) return undefined;
  const needle = JSON.stringify(id);
  let at = text.indexOf('"phenotypicFeatures"');
  if (at < 0) return undefined;
  const k = features.slice(0, i).filter((f) => f.type.id === id).length;
  for (let n = 0; n <= k; n++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) return undefined;
  }
  return text.slice(0, at).split('\n').length;
}

/**
 * The first control character (Unicode Cc, as `CaseImportRequestSchema` refuses them) of an id
 * once trimmed as the schema trims it: its code point and 1-based character in the id as written.
 */
function controlInId(id: string): { codePoint: string; at: number } | undefined {
  // Leading whitespace is one UTF-16 unit a character, so its length counts characters.
  let at = id.length - id.trimStart().length;
  for (const ch of id.trim()) {
    at += 1;
    if (/\p{Cc}/u.test(ch))
      return {
        codePoint: `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
        at,
      };
  }
  return undefined;
}

/** The line of `needle` in `text` when it occurs there exactly once; else no line is given. */
function lineOfOnly(text: string, needle: string): number | undefined {
  const at = text.indexOf(needle);
  if (at < 0 || text.indexOf(needle, at + 1) >= 0) return undefined;
  return text.slice(0, at).split('\n').length;
}
