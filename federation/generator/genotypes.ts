/**
 * Genotypes of one dataset: founders draw alleles from the node's allele frequency under Hardy-Weinberg
 * (skipping non-carriers geometrically, so cost follows the number of carriers), trio children inherit
 * one allele from each parent, and planted patients get their planted variant (recessive ones
 * homozygous with heterozygous parents, dominant ones heterozygous and de novo in trios).
 */
import type { NodeId } from '../catalogue';
import type { DatasetVariant, Individual, PoolVariant } from './model';
import { Rng } from './rng';

/** Samples the dataset's carriers for every pool variant; returns only variants with carriers. */
export function sampleGenotypes(
  seed: number,
  datasetId: string,
  node: NodeId,
  individuals: readonly Individual[],
  pool: readonly PoolVariant[],
  plantedCarriers: ReadonlyMap<string, readonly number[]>,
): DatasetVariant[] {
  const rng = new Rng(seed, datasetId, 'genotypes');
  const founders: number[] = [];
  const children: number[] = [];
  individuals.forEach((ind, i) => (ind.mother < 0 ? founders : children).push(i));
  const an = 2 * individuals.length;
  const out: DatasetVariant[] = [];
  const transmit = (g: number): number => (g === 2 ? 1 : g === 1 && rng.chance(0.5) ? 1 : 0);

  for (const v of pool) {
    const g = new Map<number, number>();
    const p = v.af[node];
    if (p > 0) {
      const q = 1 - (1 - p) ** 2;
      const homGivenCarrier = (p * p) / q;
      // Planted alleles in unaffected people stay heterozygous: a homozygote would be an unexplained patient.
      const hetOnly = v.planted !== null;
      for (let i = rng.geometricSkip(q); i < founders.length; i += 1 + rng.geometricSkip(q)) {
        g.set(founders[i] as number, !hetOnly && rng.chance(homGivenCarrier) ? 2 : 1);
      }
      for (const c of children) {
        const ind = individuals[c] as Individual;
        const m = g.get(ind.mother) ?? 0;
        const f = g.get(ind.father) ?? 0;
        if (m + f === 0) continue;
        const a = transmit(m) + transmit(f);
        if (a > 0) g.set(c, hetOnly ? 1 : a);
      }
    }
    if (v.planted) {
      for (const c of plantedCarriers.get(v.id) ?? []) {
        const ind = individuals[c] as Individual;
        if (v.planted.inheritance === 'AR') {
          g.set(c, 2);
          if (ind.mother >= 0) g.set(ind.mother, 1);
          if (ind.father >= 0) g.set(ind.father, 1);
        } else {
          g.set(c, 1);
          // De novo in trios: the parents do not carry the allele.
          if (ind.mother >= 0) g.delete(ind.mother);
          if (ind.father >= 0) g.delete(ind.father);
        }
      }
    }
    if (g.size === 0) continue;
    const carriers = Int32Array.from([...g.keys()].sort((a, b) => a - b));
    const alleles = Uint8Array.from(carriers, (c) => g.get(c) ?? 0);
    let ac = 0;
    let hom = 0;
    for (const a of alleles) {
      ac += a;
      if (a === 2) hom++;
    }
    out.push({ variant: v, carriers, alleles, ac, an, hom });
  }
  return out;
}
