import type { CaseVariantRow } from '../../../../../shared/cases/channels';
import type { SeenCandidate } from '../../../../../shared/seen/channels';
import { candidateKey, SeenCandidateSchema } from '../../../../../shared/seen/channels';
import type { RankSummary } from '../../../ranking/protocol';

/** Most alleles one lookup sends (the batch size). */
export const BATCH = 500;
/** How many of the ranking's best genes give their variants. */
export const TOP_GENES = 20;

/** The case's chromosome names ("chr17") as Beacon's ("17"); alleles a node cannot be asked for are left out. */
function toCandidate(v: {
  chrom: string;
  pos: number;
  ref: string;
  alt: string;
  gene?: string | null;
}): SeenCandidate | undefined {
  const chrom = v.chrom.replace(/^chr/i, '').toUpperCase().replace(/^M$/, 'MT');
  const parsed = SeenCandidateSchema.safeParse({
    chrom,
    pos: v.pos,
    ref: v.ref.toUpperCase(),
    alt: v.alt.toUpperCase(),
    ...(v.gene === undefined || v.gene === null || v.gene === '' ? {} : { gene: v.gene }),
  });
  return parsed.success ? parsed.data : undefined;
}

function distinct(list: readonly (SeenCandidate | undefined)[]): SeenCandidate[] {
  const seen = new Map<string, SeenCandidate>();
  for (const c of list)
    if (c !== undefined && !seen.has(candidateKey(c))) seen.set(candidateKey(c), c);
  return [...seen.values()].slice(0, BATCH);
}

/** The variants of the ranking's top genes (vcf mode), best gene first. */
export function rankedCandidates(summary: RankSummary | undefined): SeenCandidate[] {
  const genes = (summary?.genes ?? []).slice(0, TOP_GENES);
  return distinct(
    genes.flatMap((g) => (g.fit?.variants ?? []).map((v) => toCandidate({ ...v, gene: g.symbol }))),
  );
}

/** The variants the table lists under the filters, in its order. */
export function tableCandidates(rows: readonly CaseVariantRow[] | undefined): SeenCandidate[] {
  return distinct((rows ?? []).map(toCandidate));
}
