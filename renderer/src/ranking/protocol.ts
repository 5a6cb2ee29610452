import type { Said } from '../i18n/said';
import type { GeneExplanation } from '../../../shared/ranking/explain';
import type { Mode } from '../../../shared/ranking/inheritance';
import type { RankRequest, Zygosity } from '../../../shared/ranking/input';

/** A variant the ranking used for a gene, as the page shows it. */
export interface RankedVariant {
  readonly chrom: string;
  readonly pos: number;
  readonly ref: string;
  readonly alt: string;
  readonly consequence: string;
  readonly zygosity: Zygosity;
  readonly hgvsp?: string;
}

/** One gene of a ranking, plain data (structured-clone safe, store safe). */
export interface RankedGeneView {
  readonly symbol: string;
  /** 1-based; genes with equal scores share the worst rank of their group. */
  readonly rank: number;
  /** log10 of the summed likelihood ratios of the gene's diseases. */
  readonly score: number;
  /** The gene's best diseases (at most three), best first. */
  readonly diseases: readonly { id: string; label: string; score: number }[];
  /** vcf mode: how the variants fit the best disease's mode of inheritance. */
  readonly fit?: {
    readonly mode: Mode;
    readonly fit: string;
    readonly score: number;
    readonly variants: readonly RankedVariant[];
  };
}

/** A ranking as the page keeps it. */
export interface RankSummary {
  readonly mode: 'pheno' | 'vcf';
  readonly genes: readonly RankedGeneView[];
  /** Patient term ids the HPO table does not know (said, not used). */
  readonly unknownTerms: readonly string[];
  /** How many variant records the ranking read (vcf mode). */
  readonly variants: number;
}

/** Messages to the ranking worker. */
export type RankMessage =
  | { readonly id: number; readonly kind: 'rank'; readonly request: RankRequest }
  | {
      readonly id: number;
      readonly kind: 'explain';
      readonly request: RankRequest;
      readonly symbol: string;
    };

/** Replies from the ranking worker. */
export type RankReply =
  | { readonly id: number; readonly ok: true; readonly kind: 'rank'; readonly summary: RankSummary }
  | {
      readonly id: number;
      readonly ok: true;
      readonly kind: 'explain';
      readonly explanation: GeneExplanation | null;
    }
  | {
      readonly id: number;
      readonly ok: false;
      /** The developer's English; `said` words it when the client itself ended the ranking. */
      readonly message: string;
      readonly said?: Said;
    };
