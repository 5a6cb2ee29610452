/** In-memory shapes of the generated data (one dataset at a time) and the generation profiles. */
import type { NodeId } from '../catalogue';
import type { Sex } from '../reference';
import type { PlantedVariant } from './planted';
import type { SomaticAllele } from './somatic';

export type Profile = 'small' | 'large';
export type ClinSig =
  'pathogenic' | 'likely_pathogenic' | 'uncertain_significance' | 'likely_benign' | 'benign';
export type FamilyRole = 'proband' | 'mother' | 'father';

export interface ProfileConfig {
  /** Multiplies each catalogue dataset's individual count. */
  readonly individualsFactor: number;
  /** Multiplies each planted variant's affected carrier count. */
  readonly plantedFactor: number;
  /** Variants per gene = poolK * sqrt(gene length in kb), capped. */
  readonly poolK: number;
  readonly poolCap: number;
}

export const PROFILES: Readonly<Record<Profile, ProfileConfig>> = {
  small: { individualsFactor: 1, plantedFactor: 1, poolK: 1.6, poolCap: 40 },
  large: { individualsFactor: 16, plantedFactor: 8, poolK: 4, poolCap: 120 },
};

export interface Individual {
  readonly id: string;
  readonly sex: Sex;
  readonly band: string;
  readonly country: string;
  readonly familyId: string | null;
  readonly role: FamilyRole | null;
  readonly diseases: readonly string[];
  readonly phenotypes: readonly string[];
  /** Indexes of the parents within the dataset (-1 for founders). */
  readonly mother: number;
  readonly father: number;
}

export interface PoolVariant {
  readonly id: string;
  readonly chrom: string;
  readonly pos: number;
  readonly ref: string;
  readonly alt: string;
  readonly gene: string;
  readonly consequence: string;
  readonly consequenceId: string;
  readonly hgvsC: string;
  readonly hgvsP: string | null;
  readonly aaChange: string | null;
  readonly clinSig: ClinSig;
  /** Allele frequency among unaffected founders, per node. */
  readonly af: Readonly<Record<NodeId, number>>;
  readonly planted: PlantedVariant | null;
  /** A tumour hotspot allele of the cancer cohorts (issue 19); absent for germline variants. */
  readonly somatic?: SomaticAllele;
  /** Position in the sorted pool (a compact key for bulk loading). */
  readonly index: number;
}

/** One variant present in a dataset: its carriers (individual indexes, ascending) and allele counts. */
export interface DatasetVariant {
  readonly variant: PoolVariant;
  readonly carriers: Int32Array;
  readonly alleles: Uint8Array;
  readonly ac: number;
  readonly an: number;
  readonly hom: number;
}

export interface DatasetData {
  readonly datasetId: string;
  readonly node: NodeId;
  readonly individuals: readonly Individual[];
  readonly variants: readonly DatasetVariant[];
}
