import { HPO_ROWS } from './hpo.data';

/**
 * A seeded synthetic cache in the vault's column layout, for tests and benchmarks only (never
 * shown as data). Columnar so that 5,000,000 genotype rows stay cheap to build.
 */
export interface SampleDataset {
  datasetId: string;
  nodeId: string;
  individuals: {
    individual_id: string[];
    sex: string[];
    age_band: (string | null)[];
    country: string[];
    diseases: string[][];
    phenotypes: string[][];
  };
  variants: {
    variant_key: string[];
    chrom: string[];
    pos: number[];
    ref: string[];
    alt: string[];
    gene: string[];
    consequence: string[];
    hgvs_c: (string | null)[];
    hgvs_p: (string | null)[];
    clin_sig: (string | null)[];
    ac: number[];
    an: number[];
    af: number[];
  };
  genotypes: { individual_id: string[]; variant_key: string[]; zygosity: string[] };
}

export interface SampleSpec {
  datasetId: string;
  nodeId: string;
  countries: readonly string[];
  individuals: number;
  variants: number;
  genotypesPerIndividual: number;
  seed: number;
}

/** mulberry32: small, seeded, good enough for test data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TERMS = HPO_ROWS.map(([id]) => id).filter((id) => id !== 'HP:0000001' && id !== 'HP:0000118');
export const SAMPLE_DISEASES = ['ORPHA:145', 'ORPHA:144', 'ORPHA:524', 'ORPHA:733', 'OMIM:604370'];
export const SAMPLE_GENES = ['BRCA1', 'BRCA2', 'MLH1', 'MSH2', 'TP53', 'APC', 'SCN1A', 'CFTR'];
export const SAMPLE_CONSEQUENCES = [
  'missense_variant',
  'stop_gained',
  'synonymous_variant',
  'frameshift_variant',
];
const SEXES = ['female', 'male', 'unknown'];
const BASES = ['A', 'C', 'G', 'T'];

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

/** Builds one dataset deterministically from its spec. */
export function sampleDataset(s: SampleSpec): SampleDataset {
  const r = rng(s.seed);
  const ind: SampleDataset['individuals'] = {
    individual_id: [],
    sex: [],
    age_band: [],
    country: [],
    diseases: [],
    phenotypes: [],
  };
  for (let i = 0; i < s.individuals; i++) {
    ind.individual_id.push(`${s.datasetId}-I${String(i).padStart(7, '0')}`);
    ind.sex.push(r() < 0.04 ? 'unknown' : pick(r, SEXES.slice(0, 2)));
    ind.age_band.push(
      r() < 0.1
        ? null
        : `${String(Math.floor(r() * 8) * 10)}-${String(Math.floor(r() * 8) * 10 + 9)}`,
    );
    ind.country.push(pick(r, s.countries));
    ind.diseases.push(r() < 0.6 ? [pick(r, SAMPLE_DISEASES)] : []);
    const n = 1 + Math.floor(r() * 4);
    ind.phenotypes.push([...new Set(Array.from({ length: n }, () => pick(r, TERMS)))]);
  }
  const v: SampleDataset['variants'] = {
    variant_key: [],
    chrom: [],
    pos: [],
    ref: [],
    alt: [],
    gene: [],
    consequence: [],
    hgvs_c: [],
    hgvs_p: [],
    clin_sig: [],
    ac: [],
    an: [],
    af: [],
  };
  for (let j = 0; j < s.variants; j++) {
    const chrom = String(1 + (j % 22));
    const pos = 10_000 + j * 37;
    const ref = pick(r, BASES);
    const alt = BASES.find((b) => b !== ref && r() < 0.5) ?? (ref === 'A' ? 'G' : 'A');
    const an = 2 * s.individuals;
    const af = Math.min(1, Math.round(r() ** 4 * 1e6) / 1e6);
    v.variant_key.push(`${chrom}-${String(pos)}-${ref}-${alt}`);
    v.chrom.push(chrom);
    v.pos.push(pos);
    v.ref.push(ref);
    v.alt.push(alt);
    v.gene.push(pick(r, SAMPLE_GENES));
    v.consequence.push(pick(r, SAMPLE_CONSEQUENCES));
    v.hgvs_c.push(r() < 0.2 ? null : `c.${String(100 + j)}${ref}>${alt}`);
    v.hgvs_p.push(null);
    v.clin_sig.push(r() < 0.9 ? null : 'pathogenic');
    v.ac.push(Math.round(af * an));
    v.an.push(an);
    v.af.push(af);
  }
  const g: SampleDataset['genotypes'] = { individual_id: [], variant_key: [], zygosity: [] };
  for (let i = 0; i < s.individuals; i++) {
    const seen = new Set<number>();
    for (let k = 0; k < s.genotypesPerIndividual && s.variants > 0; k++) {
      const j = Math.floor(r() * s.variants);
      if (seen.has(j)) continue;
      seen.add(j);
      g.individual_id.push(ind.individual_id[i] as string);
      g.variant_key.push(v.variant_key[j] as string);
      g.zygosity.push(r() < 0.1 ? 'hom' : 'het');
    }
  }
  return { datasetId: s.datasetId, nodeId: s.nodeId, individuals: ind, variants: v, genotypes: g };
}
