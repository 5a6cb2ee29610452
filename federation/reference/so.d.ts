/**
 * Sequence Ontology consequence terms the generator assigns, with their SO ids and labels (SO release
 * 2024-06-05; the same terms and impact classes Ensembl VEP reports). Hand-listed: SO is not in the shared data.
 */
export type Impact = 'HIGH' | 'MODERATE' | 'LOW' | 'MODIFIER';
export interface SoTerm {
    readonly id: string;
    readonly label: string;
    readonly impact: Impact;
    /** Whether the consequence changes the protein sequence (gets an hgvs_p). */
    readonly coding: boolean;
}
export declare const SO_TERMS: readonly SoTerm[];
/** The SO term for a consequence label such as 'missense_variant'. */
export declare function soTerm(label: string): SoTerm;
