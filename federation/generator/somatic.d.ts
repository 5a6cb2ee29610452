import type { DatasetVariant, Individual, PoolVariant, ProfileConfig } from './model';
export interface SomaticAllele {
    readonly variantId: string;
    readonly gene: string;
    readonly consequence: 'missense_variant' | 'stop_gained';
    readonly hgvsC: string;
    readonly hgvsP: string;
    readonly aaChange: string;
    /** OncoTree code → fraction of that type's tumours carrying the allele. */
    readonly frequency: Readonly<Record<string, number>>;
    /** Planted carriers: dataset → OncoTree code → patients (small profile; large scales them). */
    readonly planted?: Readonly<Record<string, Readonly<Record<string, number>>>>;
}
export declare const SOMATIC_ALLELES: readonly SomaticAllele[];
/** The somatic alleles as pool variants (no population frequency: only tumours carry them). */
export declare function somaticPoolVariants(): Omit<PoolVariant, 'index'>[];
/** An individual's OncoTree code (without the prefix), or undefined outside the cancer cohorts. */
export declare function tumourTypeOf(ind: Individual): string | undefined;
/**
 * The dataset's somatic calls: planted carriers first (patients of the planted tumour type, drawn
 * without replacement), then each patient draws each hotspot with its tumour type's frequency.
 * Its own random stream, so the germline data of every cohort stays as it was.
 */
export declare function sampleSomatic(seed: number, datasetId: string, individuals: readonly Individual[], pool: readonly PoolVariant[], cfg: ProfileConfig): DatasetVariant[];
