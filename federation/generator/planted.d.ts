/**
 * Planted signal: known pathogenic variants that explain planted patients, with the phenotype model
 * their carriers get. `coordinates: 'public'` marks GRCh38 positions of the well-known variant;
 * 'synthetic' marks a position chosen inside the real gene span (no reference genome is available here
 * to place the published allele), labelled with the published HGVS for the demo.
 */
import type { NodeId } from '../catalogue';
export type Inheritance = 'AD' | 'AR' | 'de novo' | 'XL de novo' | 'hotspot';
export interface PlantedVariant {
    readonly variantId: string;
    readonly gene: string;
    readonly consequence: string;
    readonly hgvsC: string;
    readonly hgvsP: string;
    readonly aaChange: string;
    readonly clinSig: 'pathogenic' | 'likely_pathogenic';
    readonly coordinates: 'public' | 'synthetic';
    readonly inheritance: Inheritance;
    /** Key of the disease model in cohortModels.ts that carriers get. */
    readonly model: string;
    /** Affected carriers per dataset in the small profile (the large profile scales them). */
    readonly carriers: Readonly<Record<string, number>>;
    /** Unaffected heterozygous carriers in the population, by node (recessive or low-penetrance alleles). */
    readonly populationAf?: Readonly<Partial<Record<NodeId, number>>>;
}
export declare const PLANTED: readonly PlantedVariant[];
/** Parses a variant id 'chrom-pos-ref-alt'. */
export declare function parseVariantId(id: string): {
    chrom: string;
    pos: number;
    ref: string;
    alt: string;
};
