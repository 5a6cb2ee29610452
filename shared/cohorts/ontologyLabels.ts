import { tumourType } from '../cancer/tumourTypes';
import { DISEASE_LABELS } from './diseaseLabels.data';
import { hpoLabel } from './hpo';

const ONCOTREE = 'oncotree:';

/**
 * The label of a disease code the app knows, else undefined: the disease table
 * (diseaseLabels.data.ts), and OncoTree tumour types (`oncotree:<CODE>`, issue 19) by the app's
 * OncoTree subset, the one the tumour-type picker uses.
 */
export const diseaseLabel = (id: string): string | undefined =>
  DISEASE_LABELS.get(id) ??
  (id.startsWith(ONCOTREE) ? tumourType(id.slice(ONCOTREE.length))?.name : undefined);

/** The label of a phenotype (HPO) or disease code, else undefined: callers show the id instead. */
export const termLabel = (id: string): string | undefined =>
  id.startsWith('HP:') ? hpoLabel(id) : diseaseLabel(id);

/** What a person reads for a code: its label, or the code itself when no table knows it. */
export const termText = (id: string): string => termLabel(id) ?? id;
