/**
 * The igv-track benchmark's one synthetic cohort, exome-like: variants inside the spans of the app's
 * own gene table (resources/genome/genes.tsv, every primary chromosome), so gene-dense windows such
 * as BRCA1's hold more; sparse genotypes (only carriers are rows; most variants rare, a few common),
 * in the vault's column layout (shared SampleDataset) for the cache side.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SampleDataset } from '../../shared/cohorts/testing/sampleCache';
import { emptyVariantColumns, rng } from '../../shared/cohorts/testing/sampleCache';

export interface CohortSpec {
  readonly datasetId: string;
  readonly nodeId: string;
  readonly individuals: number;
  readonly variants: number;
  /** Carriers per variant are round(individuals * maxCarrierShare * u^3), at least 1 (mean ≈ 1/4 of the max). */
  readonly maxCarrierShare: number;
  readonly seed: number;
}

const pick = <T>(r: () => number, table: readonly (readonly [T, number])[]): T => {
  let x = r();
  for (const [v, w] of table) {
    x -= w;
    if (x < 0) return v;
  }
  return table[table.length - 1]![0];
};

// Rough genome-wide shares of VEP most-severe consequences in a WGS call set.
const CONSEQUENCES = [
  ['intron_variant', 0.42],
  ['intergenic_variant', 0.25],
  ['upstream_gene_variant', 0.08],
  ['3_prime_UTR_variant', 0.06],
  ['synonymous_variant', 0.07],
  ['missense_variant', 0.08],
  ['splice_region_variant', 0.02],
  ['frameshift_variant', 0.01],
  ['stop_gained', 0.01],
] as const;
const CLIN_SIG = [
  [null, 0.9],
  ['benign', 0.04],
  ['likely_benign', 0.03],
  ['uncertain_significance', 0.025],
  ['likely_pathogenic', 0.003],
  ['pathogenic', 0.002],
] as const;
const BASES = ['A', 'C', 'G', 'T'] as const;

const genomeFile = (name: string): string =>
  readFileSync(join(import.meta.dirname, '..', '..', 'resources', 'genome', name), 'utf8');

/** Primary GRCh38 chromosomes in chrom.sizes order, with lengths (igv names: 'chr17'). */
export const CHROMOSOMES: readonly { name: string; length: number }[] = genomeFile('chrom.sizes')
  .split('\n')
  .filter((l) => /^chr(\d+|X|Y)\t/.test(l))
  .map((l) => ({ name: l.split('\t')[0] ?? '', length: Number(l.split('\t')[1]) }));

interface Gene {
  readonly chrom: number;
  readonly start: number;
  readonly end: number;
  readonly symbol: string;
}

/** Gene spans (1-based) on the primary chromosomes; chrom is an index into CHROMOSOMES. */
function genes(): Gene[] {
  const index = new Map(CHROMOSOMES.map((c, i) => [c.name, i]));
  return genomeFile('genes.tsv')
    .split('\n')
    .map((l) => l.split('\t'))
    .filter((f) => index.has(f[0] ?? ''))
    .map((f) => ({
      chrom: index.get(f[0] ?? '') ?? 0,
      start: Number(f[1]) + 1,
      end: Number(f[2]),
      symbol: f[3] ?? '',
    }));
}

/** The dataset (individuals, variants in position order, genotypes) for one spec. */
export function cohortDataset(spec: CohortSpec): SampleDataset {
  const r = rng(spec.seed);
  const n = spec.individuals;
  const ids = Array.from(
    { length: n },
    (_, i) => `${spec.datasetId}-I${String(i + 1).padStart(5, '0')}`,
  );
  const individuals: SampleDataset['individuals'] = {
    individual_id: ids,
    sex: ids.map(() => (r() < 0.5 ? 'female' : 'male')),
    age_band: ids.map(() =>
      pick(r, [
        ['0-17', 0.2],
        ['18-39', 0.3],
        ['40-64', 0.35],
        ['65+', 0.15],
      ]),
    ),
    country: ids.map(() => 'FI'),
    diseases: ids.map(() => (r() < 0.3 ? ['ORPHA:145'] : [])),
    phenotypes: ids.map(() => []),
  };
  // One variant = a random gene, a random position in it (chrom index * 2^30 + pos, unique).
  const spans = genes();
  const sites = new Map<number, string>();
  while (sites.size < spec.variants) {
    const gene = spans[Math.floor(r() * spans.length)]!;
    const pos = gene.start + Math.floor(r() * (gene.end - gene.start + 1));
    sites.set(gene.chrom * 2 ** 30 + pos, gene.symbol);
  }
  const sorted = [...sites.keys()].sort((a, b) => a - b);
  const v = emptyVariantColumns();
  const gt: SampleDataset['genotypes'] = { individual_id: [], variant_key: [], zygosity: [] };
  const order = Array.from({ length: n }, (_, i) => i);
  for (const site of sorted) {
    const chrom = (CHROMOSOMES[Math.floor(site / 2 ** 30)]?.name ?? '').replace(/^chr/, '');
    const pos = site % 2 ** 30;
    const gene = sites.get(site) ?? '';
    const b = (): string => BASES[Math.floor(r() * 4)]!;
    const indel = r() < 0.1;
    const ref = indel ? b() + b() + (r() < 0.5 ? b() : '') : b();
    let alt = indel ? ref.charAt(0) : b();
    if (alt === ref) alt = BASES[(BASES.indexOf(ref as 'A') + 1) % 4]!;
    const key = `${chrom}-${String(pos)}-${ref}-${alt}`;
    const carriers = Math.max(1, Math.round(n * spec.maxCarrierShare * r() ** 3));
    let ac = 0;
    // Partial Fisher-Yates: the first `carriers` entries of `order` become a random distinct set.
    for (let i = 0; i < carriers; i++) {
      const j = i + Math.floor(r() * (n - i));
      [order[i], order[j]] = [order[j]!, order[i]!];
      const hom = r() < carriers / n / 2;
      gt.individual_id.push(ids[order[i]!]!);
      gt.variant_key.push(key);
      gt.zygosity.push(hom ? 'hom' : 'het');
      ac += hom ? 2 : 1;
    }
    v.variant_key.push(key);
    v.chrom.push(chrom);
    v.pos.push(pos);
    v.ref.push(ref);
    v.alt.push(alt);
    v.gene.push(gene);
    v.consequence.push(gene === '' ? 'intergenic_variant' : pick(r, CONSEQUENCES));
    v.hgvs_c.push(null);
    v.hgvs_p.push(null);
    v.clin_sig.push(pick(r, CLIN_SIG));
    v.ac.push(ac);
    v.an.push(2 * n);
    v.af.push(ac / (2 * n));
  }
  return {
    datasetId: spec.datasetId,
    nodeId: spec.nodeId,
    individuals,
    variants: v,
    genotypes: gt,
  };
}

/** Variants of the dataset whose span overlaps chrom:[start, end] (cache names: '17'; 1-based). */
export function variantsIn(d: SampleDataset, chrom: string, start: number, end: number): number {
  let count = 0;
  d.variants.pos.forEach((p, i) => {
    if (
      d.variants.chrom[i] === chrom &&
      p <= end &&
      p + (d.variants.ref[i]?.length ?? 1) - 1 >= start
    )
      count += 1;
  });
  return count;
}
