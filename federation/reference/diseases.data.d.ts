/** [CURIE, label] */
export declare const DISEASE_ROWS: readonly (readonly [string, string])[];
