/** NCIt sex terms used by Beacon v2 individuals (the Beacon v2 default model's sex ontology). */
export type Sex = 'female' | 'male' | 'unknown';

export const SEX_TERMS: Readonly<Record<Sex, { readonly id: string; readonly label: string }>> = {
  female: { id: 'NCIT:C16576', label: 'female' },
  male: { id: 'NCIT:C20197', label: 'male' },
  unknown: { id: 'NCIT:C17998', label: 'unknown' },
};
