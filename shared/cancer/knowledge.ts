import { CANCER_GENES } from './cancerGenes.data';
import { CIVIC_EVIDENCE, CIVIC_VARIANTS, CIVIC_VERSION } from './civic.data';
import { CLINVAR_SOMATIC, CLINVAR_VERSION } from './clinvarSomatic.data';
import { HOTSPOT_3D, HOTSPOT_ALLELES, HOTSPOT_RESIDUES, HOTSPOTS_VERSION } from './hotspots.data';
import type { ProteinChange } from './proteinChange';

/**
 * Lookups over the committed knowledge tables (scripts/buildCancerKnowledge.mjs) for one GRCh38
 * allele of a case. Genomic matches use GRCh38 keys only; CIViC is GRCh37, so most of it is reached
 * through the protein change (gene + `V600E`, or a residue-level CIViC variant such as `G12`), and
 * every match says how it was made so the page can tell the oncologist.
 */

export const KNOWLEDGE_VERSIONS = {
  hotspots: HOTSPOTS_VERSION,
  civic: CIVIC_VERSION,
  clinvar: CLINVAR_VERSION,
} as const;

/** The MAF-style key of the hotspot table (no anchor base, `-` for empty) of a trimmed VCF allele. */
export function mafKey(chrom: string, pos: number, ref: string, alt: string): string {
  if (ref.length === alt.length) return `${chrom}-${String(pos)}-${ref}-${alt}`;
  if (alt.length === 1 && ref[0] === alt[0]) return `${chrom}-${String(pos + 1)}-${ref.slice(1)}--`;
  if (ref.length === 1 && ref[0] === alt[0]) return `${chrom}-${String(pos)}---${alt.slice(1)}`;
  return `${chrom}-${String(pos)}-${ref}-${alt}`;
}

export interface HotspotHit {
  readonly gene: string;
  /** allele: this exact allele is a hotspot allele; residue/indel/splice/3d: its residue is one. */
  readonly level: 'allele' | 'residue' | 'indel' | 'splice' | '3d';
  readonly label: string;
  readonly tumourCount: number | null;
  /** Tissue → tumours at the residue (cancerhotspots' tumour type composition). */
  readonly tissues: Readonly<Record<string, number>>;
}

export interface CivicItem {
  readonly eid: number;
  readonly variant: string;
  readonly disease: string;
  readonly doid: string;
  readonly drugs: string;
  readonly type: string;
  readonly direction: string;
  readonly level: string;
  readonly significance: string;
  readonly origin: string;
}

export interface CivicHit {
  readonly variantId: number;
  readonly name: string;
  /** allele-grch38: the GRCh38 allele (via hotspots); protein: gene + exact change; residue: gene + position. */
  readonly matchedBy: 'allele-grch38' | 'protein' | 'residue';
  readonly evidence: readonly CivicItem[];
}

const parsedPairs = new Map<string, Readonly<Record<string, number>>>();
/**
 * A residue's "tissue:count|…" composition as an object, parsed once per text (decision 0079:
 * a tumour's import asks it for every hotspot call, and parsing it each time was a fifth of the
 * knowledge lookup's CPU). The texts are the shipped table's, so the cache is bounded by it.
 */
const pairs = (s: string): Readonly<Record<string, number>> => {
  let p = parsedPairs.get(s);
  if (p === undefined) {
    p = Object.freeze(
      Object.fromEntries(
        s
          .split('|')
          .filter((x) => x.includes(':'))
          .map((x) => [x.slice(0, x.lastIndexOf(':')), Number(x.slice(x.lastIndexOf(':') + 1))]),
      ),
    );
    parsedPairs.set(s, p);
  }
  return p;
};

let idx:
  | {
      alleles: Map<string, (typeof HOTSPOT_ALLELES)[number]>;
      residues: Map<string, (typeof HOTSPOT_RESIDUES)[number]>;
      threeD: Map<string, Set<number>>;
      civicByKey: Map<string, number[]>;
      civicByName: Map<string, number[]>;
      civicName: Map<number, string>;
      evidence: Map<number, CivicItem[]>;
      clinvar: Map<string, (typeof CLINVAR_SOMATIC)[number]>;
      genes: Map<string, (typeof CANCER_GENES)[number]>;
    }
  | undefined;

/** gene:position:type → residue row; an in-frame indel hotspot under each residue it spans. */
function residueIndex(): Map<string, (typeof HOTSPOT_RESIDUES)[number]> {
  const m = new Map<string, (typeof HOTSPOT_RESIDUES)[number]>();
  for (const r of HOTSPOT_RESIDUES)
    for (let p = r[2]; p <= Math.max(r[2], r[3]); p++) {
      const k = `${r[0]}:${String(p)}:${r[4]}`;
      if (!m.has(k)) m.set(k, r);
    }
  return m;
}

function index(): NonNullable<typeof idx> {
  if (idx !== undefined) return idx;
  const push = <K, V>(m: Map<K, V[]>, k: K, v: V): void => {
    const list = m.get(k);
    if (list === undefined) m.set(k, [v]);
    else list.push(v);
  };
  const civicByKey = new Map<string, number[]>();
  const civicByName = new Map<string, number[]>();
  const civicName = new Map<number, string>();
  for (const [id, gene, name, , k38] of CIVIC_VARIANTS) {
    civicName.set(id, name);
    if (k38 !== '') push(civicByKey, k38, id);
    push(civicByName, `${gene}:${name}`, id);
  }
  const evidence = new Map<number, CivicItem[]>();
  for (const e of CIVIC_EVIDENCE)
    push(evidence, e[1], {
      eid: e[0],
      variant: civicName.get(e[1]) ?? '',
      disease: e[2],
      doid: e[3],
      drugs: e[4],
      type: e[5],
      direction: e[6],
      level: e[7],
      significance: e[8],
      origin: e[9],
    });
  idx = {
    alleles: new Map(HOTSPOT_ALLELES.map((a) => [a[3], a])),
    residues: residueIndex(),
    threeD: new Map(HOTSPOT_3D.map(([g, p]) => [g, new Set(p.split(',').map(Number))])),
    civicByKey,
    civicByName,
    civicName,
    evidence,
    clinvar: new Map(CLINVAR_SOMATIC.map((c) => [c[0], c])),
    genes: new Map(CANCER_GENES.map((g) => [g[0], g])),
  };
  return idx;
}

/** Hotspot flags of an allele: the exact allele first, else its residue (if the protein change is known). */
export function hotspotOf(
  gene: string | null,
  maf38: string,
  protein: ProteinChange | null,
): HotspotHit | null {
  const k = index();
  const a = k.alleles.get(maf38);
  const residueOf = (g: string, type: string): (typeof HOTSPOT_RESIDUES)[number] | undefined =>
    protein === null ? undefined : k.residues.get(`${g}:${String(protein.position)}:${type}`);
  if (a !== undefined) {
    const r = residueOf(a[0], 'residue') ?? residueOf(a[0], 'indel');
    return {
      gene: a[0],
      level: 'allele',
      label: `${a[0]} ${a[1]}`,
      tumourCount: r?.[5] ?? null,
      tissues: pairs(r?.[8] ?? ''),
    };
  }
  if (gene === null || protein === null) return null;
  for (const type of ['residue', 'indel', 'splice'] as const) {
    const r = residueOf(gene, type);
    if (r !== undefined)
      return {
        gene,
        level: type,
        label: `${gene} ${r[1]}`,
        tumourCount: r[5],
        tissues: pairs(r[8]),
      };
  }
  if (k.threeD.get(gene)?.has(protein.position) === true)
    return {
      gene,
      level: '3d',
      label: `${gene} ${protein.refAa}${String(protein.position)} (3D cluster)`,
      tumourCount: null,
      tissues: {},
    };
  return null;
}

/** CIViC variants matching the allele, best match first (GRCh38 allele, exact change, residue). */
export function civicOf(
  gene: string | null,
  maf38: string,
  protein: ProteinChange | null,
): CivicHit[] {
  const k = index();
  const hits: CivicHit[] = [];
  const seen = new Set<number>();
  const add = (ids: readonly number[] | undefined, matchedBy: CivicHit['matchedBy']): void => {
    for (const id of ids ?? []) {
      if (seen.has(id)) continue;
      seen.add(id);
      hits.push({
        variantId: id,
        name: k.civicName.get(id) ?? '',
        matchedBy,
        evidence: k.evidence.get(id) ?? [],
      });
    }
  };
  add(k.civicByKey.get(maf38), 'allele-grch38');
  if (gene !== null && protein !== null) {
    add(k.civicByName.get(`${gene}:${protein.short}`), 'protein');
    add(k.civicByName.get(`${gene}:${protein.refAa}${String(protein.position)}`), 'residue');
  }
  return hits;
}

/** ClinVar's oncogenicity / somatic clinical impact of a GRCh38 VCF key, when the extract has it. */
export function clinvarSomaticOf(
  vcfKey: string,
): { variationId: number; oncogenicity: string; somaticImpact: string } | null {
  const c = index().clinvar.get(vcfKey);
  return c === undefined ? null : { variationId: c[2], oncogenicity: c[3], somaticImpact: c[4] };
}

export interface GeneRole {
  readonly oncogene: boolean;
  readonly tumourSuppressor: boolean;
  readonly hotspotGene: boolean;
  /** In the CPSR predisposition superpanel. */
  readonly predisposition: boolean;
  /** The panel's mode of inheritance (AD, AR, …), when given. */
  readonly inheritance: string | null;
}

/** What the knowledge says about a gene; null when it says nothing. */
export function geneRole(gene: string | null): GeneRole | null {
  if (gene === null) return null;
  const g = index().genes.get(gene);
  if (g === undefined) return null;
  return {
    oncogene: g[1].includes('O'),
    tumourSuppressor: g[1].includes('T'),
    hotspotGene: g[1].includes('H'),
    predisposition: g[1].includes('P'),
    inheritance: g[2] === '' ? null : g[2],
  };
}

/** Whether the CIViC knowledge has the gene at all (so "no evidence" can be told from "not covered"). */
export const civicCoversGene = (gene: string): boolean => CIVIC_VARIANTS.some((v) => v[1] === gene);

/** Residues of a gene in any 3D hotspot cluster. */
export const gene3dResidues = (gene: string): number[] =>
  [...(index().threeD.get(gene) ?? [])].sort((a, b) => a - b);

/** The hotspot residues of a gene (for the lollipop plot): position, label, tumours, type. */
export function geneHotspots(
  gene: string,
): { position: number; label: string; tumours: number; type: string }[] {
  return HOTSPOT_RESIDUES.filter((r) => r[0] === gene).map((r) => ({
    position: r[2],
    label: r[1],
    tumours: r[5],
    type: r[4],
  }));
}
