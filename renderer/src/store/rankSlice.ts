import type { StateCreator } from 'zustand';
import type { CaseDetail, CaseSex, Phenotype } from '../../../shared/cases/channels';
import type { GeneExplanation } from '../../../shared/ranking/explain';
import type { RankRequest, VariantRecord } from '../../../shared/ranking/input';
import { errorText } from '../i18n/said';
import type { RankSummary } from '../ranking/protocol';
import type { StoreState } from './index';

/** A ranking as the page shows it (issue 17). */
export interface RankState {
  readonly status: 'idle' | 'ranking' | 'ready' | 'failed';
  readonly summary?: RankSummary;
  readonly error?: string;
  /** The kept variants were more than the ranking reads; it read the most severe. */
  readonly capped?: boolean;
}

export type ExplanationState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly explanation: GeneExplanation | undefined }
  | { readonly status: 'failed'; readonly error: string };

export interface RankSlice {
  /** The phenotype the ranking uses: the case's, as edited on the page. */
  rankPhenotype: Phenotype;
  rankSex: CaseSex;
  /** vcf: phenotype and the kept variants; pheno: phenotype only (also before any VCF). */
  rankMode: 'vcf' | 'pheno';
  rank: RankState;
  rankExplanations: Record<string, ExplanationState>;
  resetRanking: (detail: CaseDetail | undefined) => void;
  setRankPhenotype: (phenotype: Phenotype) => Promise<void>;
  setRankMode: (mode: 'vcf' | 'pheno') => Promise<void>;
  /** Ranks again now: phenotype, mode or the filter's kept set changed. */
  rerank: () => Promise<void>;
  explainGene: (symbol: string) => Promise<void>;
  /** Ranks of the ranked genes, by symbol (the variant table's rank column). */
  rankedGenes: () => Map<string, number>;
  /** Phenotype-only ranking without a case (the New case dialog, before a VCF is chosen). */
  rankPreview: RankState;
  previewRanking: (phenotype: Phenotype, sex: CaseSex) => Promise<void>;
}

const ids = (p: Phenotype): { observed: string[]; excluded: string[] } => ({
  observed: p.observed.map((t) => t.id),
  excluded: p.excluded.map((t) => t.id),
});
/** In the reader's words (issue 22): the client's own stops are worded, the core's are its detail. */
const messageOf = (e: unknown): string => errorText(e);

/** Ranking the open case's genes in the ranking worker (renderer/src/ranking). */
export const createRankSlice: StateCreator<StoreState, [], [], RankSlice> = (set, get) => {
  let generation = 0;
  let previewGeneration = 0;
  // The request the shown ranking answered: explanations must explain that ranking.
  let shown: RankRequest | undefined;
  // The kept variants as ranking records, read once per filter run (phenotype edits reuse them).
  let records: { rows: object; list: VariantRecord[]; capped: boolean } | undefined;

  const variantsFor = async (): Promise<{ list: VariantRecord[]; capped: boolean } | undefined> => {
    const { caseOpen, caseRows, caseFilter, casePanels } = get();
    if (caseOpen === undefined || caseRows === undefined) return undefined;
    if (records?.rows === caseRows) return records;
    const { caseRankInput } = await import('../features/caseReview/caseQueries');
    const got = await caseRankInput(caseOpen.alias, caseFilter, casePanels, caseRows.kept);
    records = { rows: caseRows, list: got.records, capped: got.capped };
    return records;
  };

  return {
    rankPhenotype: { observed: [], excluded: [] },
    rankSex: 'unknown',
    rankMode: 'vcf',
    rank: { status: 'idle' },
    rankExplanations: {},
    rankPreview: { status: 'idle' },
    resetRanking(detail) {
      generation += 1;
      shown = undefined;
      records = undefined;
      set({
        rankPhenotype: detail?.phenotype ?? { observed: [], excluded: [] },
        rankSex: detail?.sex ?? 'unknown',
        rankMode: 'vcf',
        rank: { status: 'idle' },
        rankExplanations: {},
      });
    },
    async setRankPhenotype(phenotype) {
      set({ rankPhenotype: phenotype });
      await get().rerank();
    },
    async setRankMode(mode) {
      set({ rankMode: mode });
      await get().rerank();
    },
    async rerank() {
      const mine = ++generation;
      const { rankPhenotype, rankSex, rankMode } = get();
      set({ rank: { ...get().rank, status: 'ranking' } });
      try {
        const variants = rankMode === 'vcf' ? await variantsFor() : undefined;
        if (mine !== generation) return;
        const request: RankRequest = {
          ...ids(rankPhenotype),
          sex: rankSex,
          ...(variants === undefined ? {} : { variants: variants.list }),
        };
        const { rankGenes } = await import('../ranking/rankClient');
        const summary = await rankGenes(request);
        if (mine !== generation) return;
        shown = request;
        set({
          rank: { status: 'ready', summary, capped: variants?.capped ?? false },
          rankExplanations: {},
        });
        // The rank column's order follows the new ranking.
        if (get().caseSort.key === 'rank') void get().runCaseFilter({ rerank: false });
      } catch (error: unknown) {
        if (mine === generation) set({ rank: { status: 'failed', error: messageOf(error) } });
      }
    },
    async explainGene(symbol) {
      const request = shown;
      if (request === undefined) return;
      const put = (state: ExplanationState): void => {
        if (shown === request)
          set({ rankExplanations: { ...get().rankExplanations, [symbol]: state } });
      };
      put({ status: 'loading' });
      try {
        const { explainRankedGene } = await import('../ranking/rankClient');
        put({ status: 'ready', explanation: await explainRankedGene(request, symbol) });
      } catch (error: unknown) {
        put({ status: 'failed', error: messageOf(error) });
      }
    },
    rankedGenes() {
      const genes = get().rank.summary?.genes ?? [];
      return new Map(genes.map((g) => [g.symbol, g.rank]));
    },
    async previewRanking(phenotype, sex) {
      const mine = ++previewGeneration;
      if (phenotype.observed.length === 0) {
        set({ rankPreview: { status: 'idle' } });
        return;
      }
      set({ rankPreview: { ...get().rankPreview, status: 'ranking' } });
      try {
        const { rankGenes } = await import('../ranking/rankClient');
        const summary = await rankGenes({ ...ids(phenotype), sex });
        if (mine === previewGeneration) set({ rankPreview: { status: 'ready', summary } });
      } catch (error: unknown) {
        if (mine === previewGeneration)
          set({ rankPreview: { status: 'failed', error: messageOf(error) } });
      }
    },
  };
};
