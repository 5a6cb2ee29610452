/** Shapes of the committed reference tables. */

export type Strand = '+' | '-';
/** Which selection a gene came from: a core/panel list or the per-chromosome background sample. */
export type GenePanel = 'cancer' | 'neuro' | 'rare' | 'acmg' | 'background';
export type GeneRow = readonly [
  symbol: string,
  chrom: string,
  start: number,
  end: number,
  strand: string,
  panel: string,
];

export interface Gene {
  readonly symbol: string;
  readonly chrom: string;
  /** 1-based, inclusive (GRCh38). */
  readonly start: number;
  readonly end: number;
  readonly strand: Strand;
  readonly panel: GenePanel;
}

export interface HpoTerm {
  readonly id: string;
  readonly label: string;
  readonly parents: string[];
}

export type DiseaseSystem = 'ORPHA' | 'ICD10' | 'OMIM' | 'oncotree';
export interface Disease {
  readonly id: string;
  readonly label: string;
  readonly system: DiseaseSystem;
}
