import { SEX_TERMS, hpoDescendants, hpoTerm, DISEASES } from '../../reference/index';
import { listValue } from '@duckdb/node-api';
import type { AlphanumericFilter, Filter, OntologyFilter } from '../beacon/types';
import { badRequest } from '../http/errors';
import type { Vocabulary } from '../store/vocabulary';
import { Conditions } from './sql';

/** Filters split by the table they constrain: individuals (alias i) or variants (alias v). */
export interface FilterConditions {
  individual: Conditions;
  variant: Conditions;
}

/** Alphanumeric filter ids → individuals columns (the fields of this node's data model). */
export const ALPHANUMERIC_FIELDS: Readonly<Record<string, { column: string; label: string }>> = {
  sex: { column: 'i.sex', label: 'sex (female, male, unknown)' },
  country: { column: 'i.country', label: 'country of origin (ISO 3166-1 alpha-2)' },
  birth_year_band: { column: 'i.birth_year_band', label: 'birth year band (e.g. 1960-1969)' },
  family_role: { column: 'i.family_role', label: 'role in family (proband, mother, father)' },
};

const SEX_BY_TERM = new Map<string, string>(
  Object.entries(SEX_TERMS).map(([sex, t]) => [t.id, sex]),
);
const KNOWN_DISEASES = new Set(DISEASES.map((d) => d.id));

function listParam(ids: Iterable<string>): ReturnType<typeof listValue> {
  return listValue([...ids]);
}

/** ICD-10 descendants: the code itself and its subcodes (C50 → C50.9) present in the data. */
function icdDescendants(id: string, used: ReadonlySet<string>): Set<string> {
  const out = new Set([id]);
  for (const u of used) if (u.startsWith(`${id}.`)) out.add(u);
  return out;
}

function ontology(f: OntologyFilter, vocab: Vocabulary, out: FilterConditions): void {
  const { id } = f;
  const sex = SEX_BY_TERM.get(id);
  if (sex !== undefined) {
    out.individual.add('i.sex = ?', sex);
  } else if (id.startsWith('HP:')) {
    if (hpoTerm(id) === undefined && !vocab.phenotypes.has(id)) throw unsupported(id);
    const terms = f.includeDescendantTerms ? hpoDescendants(id) : new Set([id]);
    out.individual.add('list_has_any(i.phenotypes, ?::VARCHAR[])', listParam(terms));
  } else if (/^(ORPHA|OMIM|ICD10|oncotree):/.test(id)) {
    // oncotree: tumour types of the cancer cohorts (issue 19), an individual's disease term like the others.
    if (!KNOWN_DISEASES.has(id) && !vocab.diseases.has(id)) throw unsupported(id);
    const terms =
      f.includeDescendantTerms && id.startsWith('ICD10:')
        ? icdDescendants(id, vocab.diseases)
        : [id];
    out.individual.add('list_has_any(i.diseases, ?::VARCHAR[])', listParam(terms));
  } else if (vocab.consequences.has(id)) {
    out.variant.add('v.consequence_id = ?', id);
  } else {
    throw unsupported(id);
  }
}

const SQL_OPERATORS: Record<AlphanumericFilter['operator'], string> = {
  '=': '=',
  '!': '<>',
  '<': '<',
  '>': '>',
  '<=': '<=',
  '>=': '>=',
};

function alphanumeric(f: AlphanumericFilter, out: FilterConditions): void {
  const field = ALPHANUMERIC_FIELDS[f.id];
  if (field === undefined) throw unsupported(f.id);
  // '%' is the spec's wildcard for = and ! (requests/filteringTerms AlphanumericFilter.value).
  if (f.value.includes('%') && (f.operator === '=' || f.operator === '!')) {
    out.individual.add(`${field.column} ${f.operator === '=' ? 'LIKE' : 'NOT LIKE'} ?`, f.value);
    return;
  }
  out.individual.add(`${field.column} ${SQL_OPERATORS[f.operator]} ?`, f.value);
}

function unsupported(id: string): Error {
  return badRequest(`filter not supported by this beacon: ${id} (see /filtering_terms)`);
}

/** Translates Beacon filters (ANDed) to SQL; unknown terms are a 400, never silently ignored. */
export function filterConditions(filters: readonly Filter[], vocab: Vocabulary): FilterConditions {
  const out: FilterConditions = { individual: new Conditions(), variant: new Conditions() };
  for (const f of filters) {
    if (f.kind === 'ontology') ontology(f, vocab, out);
    else alphanumeric(f, out);
  }
  return out;
}
