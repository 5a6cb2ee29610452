/**
 * Somatic signal of the cancer cohorts (issue 19): recurrent hotspot alleles drawn per patient with
 * the frequency its tumour type has in published cohorts, and one rare actionable allele planted in
 * patients of both countries' cancer cohorts. The alleles are GRCh38 cancerhotspots v2 alleles of
 * the generator's genes (KRAS, PIK3CA and EGFR are not among them: adding genes would move every
 * other cohort's ground truth), so the app's knowledge tables flag them. A tumour's allele is
 * served as a heterozygous call, like the germline ones; unaffected cohorts never carry them.
 *
 * Frequencies are approximate fractions of tumours carrying the allele (cancerhotspots.org and
 * TCGA PanCancer, rounded): realistic relative frequencies, not a reference.
 */
import type { NodeId } from '../catalogue';
import { NODES } from '../catalogue';
import { geneBySymbol, soTerm } from '../reference';
import { ONCOTREE_PREFIX } from '../reference/oncotree';
import type { DatasetVariant, Individual, PoolVariant, ProfileConfig } from './model';
import { parseVariantId } from './planted';
import { Rng } from './rng';

export interface SomaticAllele {
  readonly variantId: string;
  readonly gene: string;
  readonly consequence: 'missense_variant' | 'stop_gained';
  readonly hgvsC: string;
  readonly hgvsP: string;
  readonly aaChange: string;
  /** OncoTree code → fraction of that type's tumours carrying the allele. */
  readonly frequency: Readonly<Record<string, number>>;
  /** Planted carriers: dataset → OncoTree code → patients (small profile; large scales them). */
  readonly planted?: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

const missense = 'missense_variant' as const;
const stop = 'stop_gained' as const;

export const SOMATIC_ALLELES: readonly SomaticAllele[] = [
  {
    variantId: '17-7673802-C-T',
    gene: 'TP53',
    consequence: missense,
    hgvsC: 'c.818G>A',
    hgvsP: 'p.Arg273His',
    aaChange: 'R273H',
    frequency: { BRCA: 0.012, COAD: 0.03, HGSOC: 0.03, PAAD: 0.03, STAD: 0.02, UCEC: 0.005 },
  },
  {
    variantId: '17-7674220-C-T',
    gene: 'TP53',
    consequence: missense,
    hgvsC: 'c.743G>A',
    hgvsP: 'p.Arg248Gln',
    aaChange: 'R248Q',
    frequency: { BRCA: 0.01, COAD: 0.025, HGSOC: 0.03, PAAD: 0.02, STAD: 0.02, UCEC: 0.01 },
  },
  {
    variantId: '17-7674221-G-A',
    gene: 'TP53',
    consequence: missense,
    hgvsC: 'c.742C>T',
    hgvsP: 'p.Arg248Trp',
    aaChange: 'R248W',
    frequency: { BRCA: 0.008, COAD: 0.015, HGSOC: 0.02, PAAD: 0.015, STAD: 0.01, SKCM: 0.005 },
  },
  {
    variantId: '17-7674872-T-C',
    gene: 'TP53',
    consequence: missense,
    hgvsC: 'c.659A>G',
    hgvsP: 'p.Tyr220Cys',
    aaChange: 'Y220C',
    frequency: { BRCA: 0.012, HGSOC: 0.02, PAAD: 0.01, SARCNOS: 0.01 },
  },
  {
    variantId: '3-41224646-C-T',
    gene: 'CTNNB1',
    consequence: missense,
    hgvsC: 'c.134C>T',
    hgvsP: 'p.Ser45Phe',
    aaChange: 'S45F',
    frequency: { UCEC: 0.02, COAD: 0.004, SARCNOS: 0.01 },
  },
  {
    variantId: '3-41224633-A-G',
    gene: 'CTNNB1',
    consequence: missense,
    hgvsC: 'c.121A>G',
    hgvsP: 'p.Thr41Ala',
    aaChange: 'T41A',
    frequency: { UCEC: 0.03, STAD: 0.004 },
  },
  {
    variantId: '5-112839726-C-T',
    gene: 'APC',
    consequence: stop,
    hgvsC: 'c.4132C>T',
    hgvsP: 'p.Gln1378Ter',
    aaChange: 'Q1378*',
    frequency: { COAD: 0.03, STAD: 0.005 },
  },
  {
    variantId: '5-112839693-C-T',
    gene: 'APC',
    consequence: stop,
    hgvsC: 'c.4099C>T',
    hgvsP: 'p.Gln1367Ter',
    aaChange: 'Q1367*',
    frequency: { COAD: 0.025 },
  },
  {
    variantId: '10-87933147-C-G',
    gene: 'PTEN',
    consequence: missense,
    hgvsC: 'c.388C>G',
    hgvsP: 'p.Arg130Gly',
    aaChange: 'R130G',
    frequency: { UCEC: 0.03, BRCA: 0.002 },
  },
  {
    variantId: '10-87933148-G-A',
    gene: 'PTEN',
    consequence: missense,
    hgvsC: 'c.389G>A',
    hgvsP: 'p.Arg130Gln',
    aaChange: 'R130Q',
    frequency: { UCEC: 0.02, PRAD: 0.003 },
  },
  {
    variantId: '18-51065549-G-A',
    gene: 'SMAD4',
    consequence: missense,
    hgvsC: 'c.1082G>A',
    hgvsP: 'p.Arg361His',
    aaChange: 'R361H',
    frequency: { COAD: 0.01, PAAD: 0.01, STAD: 0.005 },
  },
  {
    variantId: '9-21971121-G-A',
    gene: 'CDKN2A',
    consequence: stop,
    hgvsC: 'c.238C>T',
    hgvsP: 'p.Arg80Ter',
    aaChange: 'R80*',
    frequency: { SKCM: 0.02, PAAD: 0.01 },
  },
  {
    variantId: 'X-67723710-A-G',
    gene: 'AR',
    consequence: missense,
    hgvsC: 'c.2632A>G',
    hgvsP: 'p.Thr878Ala',
    aaChange: 'T878A',
    frequency: { PRAD: 0.01 },
  },
  // The shared actionable allele: AKT1 E17K (CIViC evidence, AKT inhibitors), rare (about 3% of
  // breast and 1-2% of endometrial tumours), planted only so its carriers are known exactly.
  {
    variantId: '14-104780214-C-T',
    gene: 'AKT1',
    consequence: missense,
    hgvsC: 'c.49G>A',
    hgvsP: 'p.Glu17Lys',
    aaChange: 'E17K',
    frequency: {},
    planted: { 'IT-CA-01': { BRCA: 2 }, 'SE-CA-01': { BRCA: 1, UCEC: 1 } },
  },
];

const NO_AF = Object.fromEntries(NODES.map((n) => [n.id, 0])) as Record<NodeId, number>;

/** The somatic alleles as pool variants (no population frequency: only tumours carry them). */
export function somaticPoolVariants(): Omit<PoolVariant, 'index'>[] {
  return SOMATIC_ALLELES.map((s) => {
    const { chrom, pos, ref, alt } = parseVariantId(s.variantId);
    const gene = geneBySymbol(s.gene);
    if (!gene || gene.chrom !== chrom || pos < gene.start || pos > gene.end)
      throw new Error(`somatic ${s.variantId} outside ${s.gene}`);
    return {
      id: s.variantId,
      chrom,
      pos,
      ref,
      alt,
      gene: s.gene,
      consequence: s.consequence,
      consequenceId: soTerm(s.consequence).id,
      hgvsC: s.hgvsC,
      hgvsP: s.hgvsP,
      aaChange: s.aaChange,
      clinSig: 'likely_pathogenic',
      af: NO_AF,
      planted: null,
      somatic: s,
    };
  });
}

/** An individual's OncoTree code (without the prefix), or undefined outside the cancer cohorts. */
export function tumourTypeOf(ind: Individual): string | undefined {
  const t = ind.diseases.find((d) => d.startsWith(ONCOTREE_PREFIX));
  return t?.slice(ONCOTREE_PREFIX.length);
}

/**
 * The dataset's somatic calls: planted carriers first (patients of the planted tumour type, drawn
 * without replacement), then each patient draws each hotspot with its tumour type's frequency.
 * Its own random stream, so the germline data of every cohort stays as it was.
 */
export function sampleSomatic(
  seed: number,
  datasetId: string,
  individuals: readonly Individual[],
  pool: readonly PoolVariant[],
  cfg: ProfileConfig,
): DatasetVariant[] {
  const types = individuals.map(tumourTypeOf);
  if (types.every((t) => t === undefined)) return [];
  const rng = new Rng(seed, datasetId, 'somatic');
  const an = 2 * individuals.length;
  const out: DatasetVariant[] = [];
  for (const v of pool) {
    const s = v.somatic;
    if (!s) continue;
    const carriers = new Set<number>();
    for (const [code, n] of Object.entries(s.planted?.[datasetId] ?? {})) {
      const eligible = types.flatMap((t, i) => (t === code ? [i] : []));
      const want = n * cfg.plantedFactor;
      if (eligible.length < want) throw new Error(`${datasetId}: too few ${code} for ${s.gene}`);
      for (const i of rng.shuffled(eligible).slice(0, want)) carriers.add(i);
    }
    types.forEach((t, i) => {
      const f = t === undefined ? 0 : (s.frequency[t] ?? 0);
      if (f > 0 && rng.chance(f)) carriers.add(i);
    });
    if (carriers.size === 0) continue;
    const list = Int32Array.from([...carriers].sort((a, b) => a - b));
    out.push({
      variant: v,
      carriers: list,
      alleles: new Uint8Array(list.length).fill(1),
      ac: list.length,
      an,
      hom: 0,
    });
  }
  return out;
}
