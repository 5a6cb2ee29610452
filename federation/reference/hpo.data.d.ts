/** [id, label, parent ids] */
export declare const HPO_ROWS: readonly (readonly [string, string, readonly string[]])[];
