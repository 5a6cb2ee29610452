/**
 * The federation-wide variant pool: background variants in every reference gene with a realistic
 * allele-frequency spectrum (mostly rare, many private to one country, a few common with per-country
 * differences), plus the planted variants. Datasets then sample carriers from it.
 */
import type { NodeId } from '../catalogue';
import { NODES } from '../catalogue';
import { GENES, geneBySymbol, soTerm, type Gene } from '../reference';
import { hgvsLabels } from './hgvs';
import type { ClinSig, PoolVariant, ProfileConfig } from './model';
import { PLANTED, parseVariantId } from './planted';
import { Rng } from './rng';
import { somaticPoolVariants } from './somatic';

const CONSEQUENCES: readonly (readonly [string, number])[] = [
  ['intron_variant', 38],
  ['missense_variant', 26],
  ['synonymous_variant', 13],
  ['3_prime_UTR_variant', 6],
  ['5_prime_UTR_variant', 3],
  ['splice_region_variant', 4],
  ['stop_gained', 1.5],
  ['frameshift_variant', 2],
  ['splice_donor_variant', 0.75],
  ['splice_acceptor_variant', 0.75],
  ['inframe_deletion', 1],
  ['start_lost', 0.25],
];
const BASES = ['A', 'C', 'G', 'T'] as const;
const TRANSITION: Readonly<Record<string, string>> = { A: 'G', G: 'A', C: 'T', T: 'C' };
const NODE_IDS: readonly NodeId[] = NODES.map((n) => n.id);

/** Chromosome order for sorting: 1..22, X, Y. */
export function chromRank(chrom: string): number {
  return chrom === 'X' ? 23 : chrom === 'Y' ? 24 : Number(chrom);
}

function alleles(rng: Rng, consequence: string): { ref: string; alt: string } {
  const anchor = rng.pick(BASES);
  if (consequence === 'frameshift_variant') {
    if (rng.chance(0.6))
      return {
        ref: anchor + (rng.chance(0.7) ? rng.pick(BASES) : rng.pick(BASES) + rng.pick(BASES)),
        alt: anchor,
      };
    return { ref: anchor, alt: anchor + rng.pick(BASES) };
  }
  if (consequence === 'inframe_deletion')
    return { ref: anchor + rng.pick(BASES) + rng.pick(BASES) + rng.pick(BASES), alt: anchor };
  const alt = rng.chance(2 / 3)
    ? (TRANSITION[anchor] ?? 'A')
    : rng.pick(BASES.filter((b) => b !== anchor && b !== TRANSITION[anchor]));
  return { ref: anchor, alt };
}

function frequencies(
  rng: Rng,
  highImpact: boolean,
): { af: Record<NodeId, number>; common: boolean } {
  const r = rng.next();
  const common = !highImpact && r >= 0.96;
  const [lo, hi, privateP] = common ? [-2, -0.4, 0] : r < 0.5 ? [-4.5, -3.3, 0.8] : [-3.3, -2, 0.4];
  const base = 10 ** (lo + rng.next() * (hi - lo));
  const home = rng.pick(NODE_IDS);
  const isPrivate = rng.chance(privateP);
  const af = {} as Record<NodeId, number>;
  for (const n of NODE_IDS) {
    af[n] =
      isPrivate && n !== home
        ? 0
        : Math.min(0.95, base * Math.exp(rng.normal(0, common ? 0.35 : 0.6)));
  }
  return { af, common };
}

function clinSig(rng: Rng, gene: Gene, consequence: string, common: boolean): ClinSig {
  if (common) return rng.chance(0.75) ? 'benign' : 'likely_benign';
  const impact = soTerm(consequence).impact;
  if (impact === 'HIGH') {
    return gene.panel === 'background'
      ? rng.weighted([
          ['likely_pathogenic', 2],
          ['uncertain_significance', 8],
        ])
      : rng.weighted([
          ['pathogenic', 25],
          ['likely_pathogenic', 30],
          ['uncertain_significance', 45],
        ]);
  }
  if (consequence === 'missense_variant') {
    return rng.weighted([
      ['uncertain_significance', 60],
      ['likely_benign', 25],
      ['likely_pathogenic', 4],
      ['benign', 11],
    ]);
  }
  return rng.weighted([
    ['likely_benign', 60],
    ['benign', 30],
    ['uncertain_significance', 10],
  ]);
}

function plantedVariants(): Omit<PoolVariant, 'index'>[] {
  return PLANTED.map((p) => {
    const { chrom, pos, ref, alt } = parseVariantId(p.variantId);
    const gene = geneBySymbol(p.gene);
    if (!gene || gene.chrom !== chrom || pos < gene.start || pos > gene.end)
      throw new Error(`planted ${p.variantId} outside ${p.gene}`);
    const af = Object.fromEntries(NODE_IDS.map((n) => [n, p.populationAf?.[n] ?? 0])) as Record<
      NodeId,
      number
    >;
    return {
      id: p.variantId,
      chrom,
      pos,
      ref,
      alt,
      gene: p.gene,
      consequence: p.consequence,
      consequenceId: soTerm(p.consequence).id,
      hgvsC: p.hgvsC,
      hgvsP: p.hgvsP,
      aaChange: p.aaChange,
      clinSig: p.clinSig,
      af,
      planted: p,
    };
  });
}

/** Builds the sorted pool (chromosome order, then position) for a seed and profile. */
export function buildVariantPool(seed: number, cfg: ProfileConfig): PoolVariant[] {
  const rng = new Rng(seed, 'variant-pool');
  const pool: Omit<PoolVariant, 'index'>[] = plantedVariants();
  const used = new Set<string>();
  for (const v of pool) for (let d = -5; d <= 5; d++) used.add(`${v.chrom}:${v.pos + d}`);
  for (const gene of GENES) {
    const len = gene.end - gene.start + 1;
    const weight = gene.panel === 'background' ? 0.7 : 1;
    const n = Math.max(
      3,
      Math.min(cfg.poolCap, Math.round(cfg.poolK * weight * Math.sqrt(len / 1000))),
    );
    for (let i = 0; i < n; i++) {
      const pos = gene.start + Math.floor(rng.next() * (len - 4));
      if (used.has(`${gene.chrom}:${pos}`)) continue;
      for (let d = 0; d <= 4; d++) used.add(`${gene.chrom}:${pos + d}`);
      const consequence = rng.weighted(CONSEQUENCES);
      const { af, common } = frequencies(rng, soTerm(consequence).impact === 'HIGH');
      const { ref, alt } = alleles(rng, consequence);
      const labels = hgvsLabels(gene, pos, ref, alt, consequence, rng);
      pool.push({
        id: `${gene.chrom}-${pos}-${ref}-${alt}`,
        chrom: gene.chrom,
        pos,
        ref,
        alt,
        gene: gene.symbol,
        consequence,
        consequenceId: soTerm(consequence).id,
        ...labels,
        clinSig: clinSig(rng, gene, consequence, common),
        af,
        planted: null,
      });
    }
  }
  // The somatic alleles join after the background is drawn, so they move none of its draws.
  const ids = new Set(pool.map((v) => v.id));
  for (const v of somaticPoolVariants()) {
    if (ids.has(v.id)) throw new Error(`somatic ${v.id} is already in the pool`);
    pool.push(v);
  }
  return pool
    .sort(
      (a, b) =>
        chromRank(a.chrom) - chromRank(b.chrom) || a.pos - b.pos || a.alt.localeCompare(b.alt),
    )
    .map((v, index) => ({ ...v, index }));
}
