import type { Corpus } from '../../../shared/ranking/corpus';
import type { GeneExplanation } from '../../../shared/ranking/explain';
import { explainGene } from '../../../shared/ranking/explain';
import type { RankRequest } from '../../../shared/ranking/input';
import { rankCase } from '../../../shared/ranking/rank';
import { referenceCorpus } from '../../../shared/ranking/reference';
import type { RankMessage, RankReply, RankSummary } from './protocol';

/** How many genes the page lists (the decision's default cut, whole tie groups kept). */
const LIMIT = 100;

/** Ranks a case and keeps what the page shows: genes, their diseases and the variants they rest on. */
export function summarise(corpus: Corpus, request: RankRequest): RankSummary {
  const result = rankCase(corpus, request, undefined);
  const genes = result.genes.slice(0, Math.max(LIMIT, 0));
  return {
    mode: result.mode,
    unknownTerms: [...result.patient.unknown],
    variants: request.variants?.length ?? 0,
    genes: genes.map((g) => ({
      symbol: g.symbol,
      score: g.score,
      rank: genes.filter((o) => o.score >= g.score).length,
      diseases: g.diseases.map((d) => ({
        id: corpus.diseases[d.index]?.id ?? '',
        label: corpus.diseases[d.index]?.label ?? '',
        score: d.score,
      })),
      ...(g.genotype === undefined
        ? {}
        : {
            fit: {
              mode: g.genotype.mode,
              fit: g.genotype.fit,
              score: g.genotype.score,
              variants: g.genotype.variants.map(({ record: v }) => ({
                chrom: v.chrom,
                pos: v.pos,
                ref: v.ref,
                alt: v.alt,
                consequence: v.consequence,
                zygosity: v.zygosity,
                ...(v.hgvsp === undefined ? {} : { hgvsp: v.hgvsp }),
              })),
            },
          }),
    })),
  };
}

/** Explains one gene (its diseases term by term, its variants, what would change its rank). */
export const explain = (
  corpus: Corpus,
  request: RankRequest,
  symbol: string,
): GeneExplanation | undefined => explainGene(corpus, request, symbol);

/**
 * Answers one message with the app's reference corpus (built once, about a second): the worker
 * calls this, and so does the in-page fallback where no Worker exists (jsdom tests).
 */
export function answer(message: RankMessage): RankReply {
  try {
    const corpus = referenceCorpus();
    if (message.kind === 'rank')
      return {
        id: message.id,
        ok: true,
        kind: 'rank',
        summary: summarise(corpus, message.request),
      };
    return {
      id: message.id,
      ok: true,
      kind: 'explain',
      explanation: explain(corpus, message.request, message.symbol) ?? null,
    };
  } catch (error: unknown) {
    return {
      id: message.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    };
  }
}
