import type { Disease, Gene, HpoTerm } from './types';
export type { Disease, DiseaseSystem, Gene, GenePanel, HpoTerm, Strand } from './types';
export { SO_TERMS, soTerm, type SoTerm, type Impact } from './so';
export { SEX_TERMS, type Sex } from './sex';
export { CHROM_LENGTHS } from './chroms.data';
/** The genes the generator uses, GRCh38, 1-based inclusive spans, in genome order. */
export declare const GENES: readonly Gene[];
/** A gene by HGNC symbol (case-sensitive), or undefined when the tables do not have it. */
export declare function geneBySymbol(symbol: string): Gene | undefined;
/** An HPO term with its label and is_a parents, or undefined when it is not in the tables. */
export declare function hpoTerm(id: string): HpoTerm | undefined;
/** All HPO term ids in the tables (the used terms and their ancestors). */
export declare function hpoTermIds(): string[];
/** The term and every descendant present in the tables (a fresh set the caller may modify). */
export declare function hpoDescendants(id: string): Set<string>;
/** Diseases used by the generator: ORPHA, OMIM, ICD-10 and OncoTree CURIEs with labels. */
export declare const DISEASES: readonly Disease[];
/** The label of an HPO, disease, SO or NCIt sex CURIE, or undefined when unknown. */
export declare function termLabel(curie: string): string | undefined;
