import type { DuoTerm } from '../federation/directory';
import { hpoVersion, withDescendants } from '../cohorts/hpo';
import type { DsCheck } from './duoRules';
import { duoName } from './duoRules';

/** The disease a research purpose is about (an ontology term the user names). */
export interface PurposeDisease {
  readonly id: string;
  readonly label?: string | undefined;
}

const named = (m: { id: string; label: string }): string =>
  m.label === m.id ? m.id : `${m.label} (${m.id})`;

/**
 * Issue 13: a DUO disease-specific term (DS) permits research only on a disease within its
 * modifiers. "Within" is checked in the Human Phenotype Ontology the app carries (the term itself
 * or an is_a descendant, shared/cohorts/hpo.ts); a modifier from an ontology the app does not carry
 * (MONDO, EFO, ORPHA) is matched only by the same id, never assumed.
 */
export function diseaseCheck(disease: PurposeDisease | undefined): DsCheck {
  return (term: DuoTerm) => {
    const mods = term.modifiers ?? [];
    if (mods.length === 0)
      return `${duoName(term)} names no disease, so research use cannot be checked against one and is refused.`;
    const within = mods.map(named).join(' or ');
    if (disease === undefined)
      return `${duoName(term)} limits research to ${within}: name the disease your research is about.`;
    if (mods.some((m) => m.id === disease.id || withDescendants(m.id).includes(disease.id)))
      return undefined;
    const what = disease.label === undefined ? disease.id : `${disease.label} (${disease.id})`;
    return `${duoName(term)} limits research to ${within}; ${what} is not within it in the Human Phenotype Ontology (release ${hpoVersion()}).`;
  };
}
