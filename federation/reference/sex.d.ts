/** NCIt sex terms used by Beacon v2 individuals (the Beacon v2 default model's sex ontology). */
export type Sex = 'female' | 'male' | 'unknown';
export declare const SEX_TERMS: Readonly<Record<Sex, {
    readonly id: string;
    readonly label: string;
}>>;
