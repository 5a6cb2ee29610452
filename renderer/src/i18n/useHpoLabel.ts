import { useTranslation } from 'react-i18next';
import { codeLabel, hpoLabel, hpoText } from '../../../shared/i18n/hpoLabel';

/** An HPO term's label and "label (id)" text in the app's language (issue 22). */
export interface HpoLabels {
  label: (id: string, own?: string) => string;
  text: (id: string, own?: string) => string;
  /**
   * Any ontology term a view lists: HPO through the label above, others as the data names them,
   * else by the app's disease table, else the code.
   */
  term: (id: string, own?: string) => string;
}

/**
 * The one way a view names an HPO term (issue 22, decision 0048): through shared/i18n/hpoLabel, so
 * a translated label table, when it ships, reaches every view at once. English (the ontology's
 * language) until then, with the id beside it where the view shows one.
 */
export function useHpoLabel(): HpoLabels {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? i18n.language;
  return {
    label: (id, own) => hpoLabel(id, lang, own),
    text: (id, own) => hpoText(id, lang, own),
    term: (id, own) =>
      id.startsWith('HP:') ? hpoLabel(id, lang, own) : (own ?? codeLabel(id, lang)),
  };
}
