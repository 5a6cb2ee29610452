/**
 * Ground truth computed from the in-memory data (not from the files), so tests can compare it with
 * DuckDB counts over the Parquet and the nodes can assert exact Beacon counts.
 */
import type { NodeId } from '../catalogue';
import { hpoDescendants, hpoTermIds, type Sex } from '../reference';
import type { DatasetData } from './model';
import { tumourTypeOf } from './somatic';

export interface DatasetTruth {
  node: NodeId;
  individuals: number;
  variants: number;
  genotypes: number;
  sex: Record<Sex, number>;
  /** Per gene: distinct variants and distinct carrier individuals. */
  genes: Record<string, { variants: number; carriers: number }>;
  /** Per HPO term (only terms with at least one individual): exact annotation vs with descendants. */
  hpo: Record<string, { exact: number; withDescendants: number }>;
  diseases: Record<string, number>;
  /** Planted variants present in the dataset. */
  planted: Record<
    string,
    { gene: string; carriers: number; hom: number; ac: number; an: number; af: number }
  >;
  /** Cancer cohorts (issue 19): individuals per OncoTree code (no prefix). */
  tumourTypes: Record<string, number>;
  /** Somatic alleles present (issue 19): carriers, and carriers per OncoTree code. */
  somatic: Record<
    string,
    { gene: string; aaChange: string; carriers: number; byTumourType: Record<string, number> }
  >;
}

export interface GroundTruth {
  profile: string;
  seed: number;
  version: number;
  datasets: Record<string, DatasetTruth>;
}

const sorted = <T>(o: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** Counts everything a node test may assert about one dataset. */
export function datasetTruth(data: DatasetData): DatasetTruth {
  const sex: Record<Sex, number> = { female: 0, male: 0, unknown: 0 };
  const exact: Record<string, number> = {};
  const diseases: Record<string, number> = {};
  for (const ind of data.individuals) {
    sex[ind.sex]++;
    for (const t of ind.phenotypes) exact[t] = (exact[t] ?? 0) + 1;
    for (const d of ind.diseases) diseases[d] = (diseases[d] ?? 0) + 1;
  }
  const tumourTypes: Record<string, number> = {};
  for (const ind of data.individuals) {
    const t = tumourTypeOf(ind);
    if (t !== undefined) tumourTypes[t] = (tumourTypes[t] ?? 0) + 1;
  }
  const hpo: DatasetTruth['hpo'] = {};
  for (const term of hpoTermIds()) {
    const set = hpoDescendants(term);
    const withDescendants = data.individuals.filter((i) =>
      i.phenotypes.some((p) => set.has(p)),
    ).length;
    if (withDescendants > 0) hpo[term] = { exact: exact[term] ?? 0, withDescendants };
  }
  const geneCarriers = new Map<string, Set<number>>();
  const geneVariants = new Map<string, number>();
  const planted: DatasetTruth['planted'] = {};
  const somatic: DatasetTruth['somatic'] = {};
  let genotypes = 0;
  for (const dv of data.variants) {
    const g = dv.variant.gene;
    geneVariants.set(g, (geneVariants.get(g) ?? 0) + 1);
    const set = geneCarriers.get(g) ?? new Set<number>();
    for (const c of dv.carriers) set.add(c);
    geneCarriers.set(g, set);
    genotypes += dv.carriers.length;
    const s = dv.variant.somatic;
    if (s) {
      const byTumourType: Record<string, number> = {};
      for (const c of dv.carriers) {
        const t = tumourTypeOf(data.individuals[c] as (typeof data.individuals)[number]) ?? 'none';
        byTumourType[t] = (byTumourType[t] ?? 0) + 1;
      }
      somatic[dv.variant.id] = {
        gene: g,
        aaChange: s.aaChange,
        carriers: dv.carriers.length,
        byTumourType: sorted(byTumourType),
      };
    }
    if (dv.variant.planted) {
      planted[dv.variant.id] = {
        gene: g,
        carriers: dv.carriers.length,
        hom: dv.hom,
        ac: dv.ac,
        an: dv.an,
        af: dv.ac / dv.an,
      };
    }
  }
  const genes: DatasetTruth['genes'] = {};
  for (const [g, n] of geneVariants)
    genes[g] = { variants: n, carriers: geneCarriers.get(g)?.size ?? 0 };
  return {
    node: data.node,
    individuals: data.individuals.length,
    variants: data.variants.length,
    genotypes,
    sex,
    genes: sorted(genes),
    hpo: sorted(hpo),
    diseases: sorted(diseases),
    planted: sorted(planted),
    tumourTypes: sorted(tumourTypes),
    somatic: sorted(somatic),
  };
}
