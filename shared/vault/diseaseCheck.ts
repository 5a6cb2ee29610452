import type { DuoTerm } from '../federation/directory';
import { hpoVersion, withDescendants } from '../cohorts/hpo';
import type { DsCheck } from './duoRules';
import { duoName } from './duoRules';
import { termRef } from './pullReason';
import { params } from '../i18n/coded';

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
    const terms = [termRef(term)];
    if (mods.length === 0)
      return {
        text: `${duoName(term)} names no disease, so research use cannot be checked against one and is refused.`,
        said: { code: 'ds-no-disease', terms },
      };
    const within = mods.map(named).join(' or ');
    const modifiers = mods.slice(0, 100).map(termRef);
    if (disease === undefined)
      return {
        text: `${duoName(term)} limits research to ${within}: name the disease your research is about.`,
        said: { code: 'ds-name-disease', terms, within: modifiers },
      };
    if (mods.some((m) => m.id === disease.id || withDescendants(m.id).includes(disease.id)))
      return undefined;
    const what = disease.label === undefined ? disease.id : `${disease.label} (${disease.id})`;
    return {
      text: `${duoName(term)} limits research to ${within}; ${what} is not within it in the Human Phenotype Ontology (release ${hpoVersion()}).`,
      said: {
        code: 'ds-not-within',
        terms,
        within: modifiers,
        params: params({
          disease: disease.id,
          diseaseLabel: disease.label,
          release: hpoVersion(),
        }),
      },
    };
  };
}
