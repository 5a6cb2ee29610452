import { termLabel } from '../../reference/index';
import { COUNTRY_NAMES, REFSEQ_GRCH38 } from './refseq';

/** Row shapes of the generator's Parquet (GEN layout in the interfaces). */
export interface IndividualRow {
  dataset_id: string;
  individual_id: string;
  sex: string;
  birth_year_band: string;
  country: string;
  family_id: string | null;
  family_role: string | null;
  diseases: string[];
  phenotypes: string[];
}

export interface VariantRow {
  dataset_id: string;
  variant_id: string;
  chrom: string;
  pos: number;
  ref: string;
  alt: string;
  gene: string;
  consequence: string;
  consequence_id: string;
  hgvs_c: string;
  hgvs_p: string | null;
  aa_change: string | null;
  clin_sig: string;
  ac: number;
  an: number;
  af: number;
  hom: number;
}

export interface CarrierRow {
  variant_id: string;
  individual_id: string;
  zygosity: string;
}

const SEX: Record<string, { id: string; label: string }> = {
  female: { id: 'NCIT:C16576', label: 'female' },
  male: { id: 'NCIT:C20197', label: 'male' },
  unknown: { id: 'NCIT:C17998', label: 'unknown' },
};

function term(id: string): { id: string; label: string } {
  return { id, label: termLabel(id) ?? id };
}

/** Beacon individuals record (ethnicity deliberately omitted: not collected). */
export function individualRecord(r: IndividualRow): Record<string, unknown> {
  return {
    id: r.individual_id,
    sex: SEX[r.sex] ?? SEX.unknown,
    diseases: r.diseases.map((d) => ({ diseaseCode: term(d) })),
    phenotypicFeatures: r.phenotypes.map((p) => ({ featureType: term(p) })),
    geographicOrigin: { id: `ISO3166:${r.country}`, label: COUNTRY_NAMES[r.country] ?? r.country },
    info: {
      datasetId: r.dataset_id,
      birthYearBand: r.birth_year_band,
      ...(r.family_id !== null ? { familyId: r.family_id, familyRole: r.family_role } : {}),
    },
  };
}

/** Biosample ids are derived: one biosample per individual. */
export function biosampleId(individualId: string): string {
  return `BS-${individualId}`;
}

/** The individual a derived biosample id belongs to, or undefined for a foreign id. */
export function individualOfBiosample(id: string): string | undefined {
  return id.startsWith('BS-') ? id.slice(3) : undefined;
}

/** Beacon biosamples record: blood or saliva, chosen deterministically from the individual id. */
export function biosampleRecord(r: IndividualRow): Record<string, unknown> {
  let h = 0;
  for (const ch of r.individual_id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  const saliva = h % 3 === 0;
  return {
    id: biosampleId(r.individual_id),
    individualId: r.individual_id,
    biosampleStatus: { id: 'EFO:0009654', label: 'reference sample' },
    sampleOriginType: { id: 'OBI:0001479', label: 'specimen from organism' },
    sampleOriginDetail: saliva
      ? { id: 'UBERON:0001836', label: 'saliva' }
      : { id: 'UBERON:0000178', label: 'blood' },
    info: { datasetId: r.dataset_id },
  };
}

const ZYGOSITY: Record<string, { id: string; label: string }> = {
  het: { id: 'GENO:0000135', label: 'heterozygous' },
  hom: { id: 'GENO:0000136', label: 'homozygous' },
};

function variantType(ref: string, alt: string): string {
  if (ref.length === 1 && alt.length === 1) return 'SNP';
  if (ref.length === alt.length) return 'MNP';
  return alt.length < ref.length ? 'DEL' : 'INS';
}

function genomicHgvs(v: VariantRow, seq: string): string {
  if (v.ref.length === 1 && v.alt.length === 1) return `${seq}:g.${v.pos}${v.ref}>${v.alt}`;
  const end = v.pos + v.ref.length - 1;
  return `${seq}:g.${v.pos}_${end}delins${v.alt}`;
}

/** Beacon genomicVariations record: legacy variation with a VRS 1.3 SequenceLocation (0-based interbase). */
export function variantRecord(
  v: VariantRow,
  carriers: readonly CarrierRow[],
  datasetTitle: string,
  datasetUrl: string,
): Record<string, unknown> {
  const seq = REFSEQ_GRCH38[v.chrom] ?? `NC_unknown_${v.chrom}`;
  return {
    variantInternalId: v.variant_id,
    variation: {
      variantType: variantType(v.ref, v.alt),
      referenceBases: v.ref,
      alternateBases: v.alt,
      location: {
        type: 'SequenceLocation',
        sequence_id: `refseq:${seq}`,
        interval: {
          type: 'SequenceInterval',
          start: { type: 'Number', value: v.pos - 1 },
          end: { type: 'Number', value: v.pos - 1 + v.ref.length },
        },
      },
    },
    identifiers: {
      genomicHGVSId: genomicHgvs(v, seq),
      ...(v.hgvs_p !== null ? { proteinHGVSIds: [v.hgvs_p] } : {}),
      transcriptHGVSIds: [v.hgvs_c],
    },
    molecularAttributes: {
      geneIds: [v.gene],
      molecularEffects: [{ id: v.consequence_id, label: v.consequence }],
      aminoacidChanges: v.aa_change !== null ? [v.aa_change] : [],
    },
    caseLevelData: carriers.map((c) => ({
      biosampleId: biosampleId(c.individual_id),
      individualId: c.individual_id,
      zygosity: ZYGOSITY[c.zygosity] ?? ZYGOSITY.het,
    })),
    frequencyInPopulations: [
      {
        source: datasetTitle,
        sourceReference: datasetUrl,
        frequencies: [{ population: v.dataset_id, alleleFrequency: v.af }],
      },
    ],
    info: {
      datasetId: v.dataset_id,
      clinicalSignificance: v.clin_sig,
      alleleCount: v.ac,
      alleleNumber: v.an,
      homozygotes: v.hom,
    },
  };
}
