import { hpoLabel as ontologyLabel } from '../cohorts/hpo';
import { termText } from '../cohorts/ontologyLabels';
import type { Language } from './languages';

/**
 * The one place an HPO term's label is chosen for a person to read (issue 22, decision 0048).
 * The shipped HPO is English, so every language reads the ontology's label today; a translated
 * label table (e.g. from the HPO translation project) goes into TRANSLATED and every view and the
 * report follow. Exports and Phenopackets keep the ontology's own label (machine-readable).
 */
const TRANSLATED: Partial<Record<Language, ReadonlyMap<string, string>>> = {};

/**
 * The label of `id` in `lang`: a translated label when the table has one, else the label the data
 * carries (`own`, in the ontology's language), else the app's HPO table, else the id itself.
 */
export function hpoLabel(id: string, lang: string, own?: string): string {
  const translated = TRANSLATED[lang as Language]?.get(id);
  if (translated !== undefined) return translated;
  if (own !== undefined && own !== '') return own;
  return ontologyLabel(id) ?? id;
}

/**
 * The ontology's own label, or undefined for an unknown id: for what machines read (requests,
 * exports, Phenopackets), never translated.
 */
export const hpoOntologyLabel = (id: string): string | undefined => ontologyLabel(id);

/** "Seizure (HP:0001250)": the label with the id beside it, as views and the report show a term. */
export const hpoText = (id: string, lang: string, own?: string): string => {
  const label = hpoLabel(id, lang, own);
  return label === id ? id : `${label} (${id})`;
};

/**
 * What a person reads for a phenotype or disease code in a list: HPO terms through hpoLabel,
 * disease codes by the app's disease table, else the code itself.
 */
export const codeLabel = (id: string, lang: string): string =>
  id.startsWith('HP:') ? hpoLabel(id, lang) : termText(id);
