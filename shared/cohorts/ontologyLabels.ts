import { DISEASE_LABELS } from './diseaseLabels.data';
import { hpoLabel } from './hpo';

/** The label of a disease code the app's table knows (diseaseLabels.data.ts), else undefined. */
export const diseaseLabel = (id: string): string | undefined => DISEASE_LABELS.get(id);

/** The label of a phenotype (HPO) or disease code, else undefined: callers show the id instead. */
export const termLabel = (id: string): string | undefined =>
  id.startsWith('HP:') ? hpoLabel(id) : diseaseLabel(id);

/** What a person reads for a code: its label, or the code itself when no table knows it. */
export const termText = (id: string): string => termLabel(id) ?? id;
