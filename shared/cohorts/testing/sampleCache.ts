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
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Empty columns of the variants table, filled row by row by a generator. */
export const emptyVariantColumns = (): SampleDataset['variants'] => ({
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
});

/**
 * The phenotypes the synthetic individuals carry: the demo federation's HPO selection (its 67 terms
 * closed upward, hp.json 2024-08-13) minus the two roots, in id order so seeded picks stay stable.
 */
const TERMS = (
  '0000002 0000008 0000022 0000078 0000098 0000119 0000130 0000137 0000152 0000153 0000157 ' +
  '0000163 0000164 0000234 0000240 0000252 0000271 0000364 0000365 0000478 0000517 0000539 ' +
  '0000545 0000591 0000592 0000598 0000703 0000707 0000708 0000717 0000729 0000765 0000766 ' +
  '0000767 0000769 0000812 0000818 0000820 0000821 0000822 0000834 0000924 0000925 0000929 ' +
  '0000938 0000951 0000964 0001083 0001155 0001166 0001167 0001238 0001249 0001250 0001251 ' +
  '0001252 0001263 0001272 0001284 0001308 0001311 0001315 0001317 0001324 0001430 0001437 ' +
  '0001507 0001508 0001510 0001513 0001574 0001626 0001627 0001631 0001671 0001679 0001732 ' +
  '0001738 0001939 0002011 0002012 0002034 0002060 0002069 0002076 0002086 0002088 0002099 ' +
  '0002110 0002133 0002197 0002205 0002242 0002250 0002315 0002353 0002360 0002373 0002376 ' +
  '0002380 0002384 0002521 0002577 0002579 0002595 0002597 0002616 0002617 0002650 0002659 ' +
  '0002664 0002715 0002719 0002757 0002795 0002813 0002814 0002817 0002861 0002894 0002926 ' +
  '0002977 0003002 0003003 0003011 0003112 0003236 0003330 0003391 0003549 0003701 0003707 ' +
  '0003808 0004305 0004322 0004323 0004324 0004325 0004328 0004338 0004348 0004349 0004354 ' +
  '0004375 0004401 0004796 0004923 0004942 0005120 0005214 0005266 0005607 0006744 0006753 ' +
  '0007359 0007364 0007378 0007379 0008069 0008775 0009121 0009127 0010299 0010460 0010461 ' +
  '0010546 0010674 0010676 0010784 0010785 0010787 0010819 0010876 0010893 0010978 0011004 ' +
  '0011021 0011024 0011025 0011061 0011097 0011122 0011123 0011146 0011182 0011198 0011282 ' +
  '0011283 0011297 0011442 0011443 0011446 0011732 0011792 0011793 0011804 0011805 0011842 ' +
  '0011843 0011844 0011849 0011947 0011994 0012056 0012091 0012092 0012114 0012125 0012126 ' +
  '0012236 0012243 0012252 0012337 0012372 0012373 0012443 0012469 0012638 0012639 0012647 ' +
  '0012649 0012718 0012727 0012732 0012758 0012759 0020219 0025015 0025031 0025032 0025033 ' +
  '0025373 0025426 0025783 0030126 0030178 0030255 0030680 0030692 0030810 0030895 0030962 ' +
  '0030972 0031071 0031093 0031105 0031704 0031815 0031816 0031826 0032101 0032180 0032263 ' +
  '0032794 0032892 0032894 0033019 0033020 0033107 0033127 0033259 0033353 0034930 0040064 ' +
  '0040068 0040081 0040127 0040195 0100006 0100013 0100022 0100242 0100273 0100326 0100547 ' +
  '0100568 0100615 0100631 0100641 0100743 0100787 0100807 0100834 0200008 0200063 0430071 ' +
  '3000050'
)
  .split(' ')
  .map((n) => `HP:${n}`);
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
  const v = emptyVariantColumns();
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
