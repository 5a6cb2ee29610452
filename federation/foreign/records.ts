/**
 * The foreign node's records: the default model's required members and common optional ones, and
 * nothing of the demo's extensions (no `info`, no allele counts): opaque ids, GRCh37 RefSeq
 * accessions in VRS locations and HGVS, GENO "simple heterozygous" for heterozygous carriers.
 */
import { datasetVisaValue, type DatasetPolicy } from '../catalogue.js';
import type { IndividualRow, VariantRow } from '../node/beacon/records.js';
import { COUNTRY_NAMES, REFSEQ_GRCH37 } from '../node/beacon/refseq.js';
import { termLabel } from '../reference/index.js';

const SEX: Readonly<Record<string, { id: string; label: string }>> = {
  female: { id: 'NCIT:C16576', label: 'female' },
  male: { id: 'NCIT:C20197', label: 'male' },
  unknown: { id: 'NCIT:C17998', label: 'unknown' },
};

// Other implementations pick other GENO classes than the demo's heterozygous (GENO:0000135).
const ZYGOSITY: Readonly<Record<string, { id: string; label: string }>> = {
  het: { id: 'GENO:0000458', label: 'simple heterozygous' },
  hom: { id: 'GENO:0000136', label: 'homozygous' },
};

const term = (id: string): { id: string; label: string } => ({ id, label: termLabel(id) ?? id });

/** An individuals record without any extension member. */
export function foreignIndividual(r: IndividualRow): Record<string, unknown> {
  return {
    id: r.individual_id,
    sex: SEX[r.sex] ?? SEX.unknown,
    diseases: r.diseases.map((d) => ({ diseaseCode: term(d) })),
    phenotypicFeatures: r.phenotypes.map((p) => ({ featureType: term(p) })),
    geographicOrigin: { id: `ISO3166:${r.country}`, label: COUNTRY_NAMES[r.country] ?? r.country },
  };
}

/** The biosample id of an individual's (one) sample: opaque as well. */
export const foreignBiosampleId = (individualId: string): string => `bs-${individualId.slice(4)}`;

function hgvs(v: VariantRow, seq: string): string {
  if (v.ref.length === 1 && v.alt.length === 1) return `${seq}:g.${String(v.pos)}${v.ref}>${v.alt}`;
  return `${seq}:g.${String(v.pos)}_${String(v.pos + v.ref.length - 1)}delins${v.alt}`;
}

/** A genomicVariations record in GRCh37, with caseLevelData for the given carriers. */
export function foreignVariant(
  v: VariantRow,
  carriers: readonly { individual_id: string; zygosity: string }[],
  ds: DatasetPolicy,
): Record<string, unknown> {
  const seq = REFSEQ_GRCH37[v.chrom] ?? `NC_unknown_${v.chrom}`;
  return {
    variantInternalId: v.variant_id,
    variation: {
      variantType: v.ref.length === v.alt.length ? (v.ref.length === 1 ? 'SNP' : 'MNP') : 'INDEL',
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
      genomicHGVSId: hgvs(v, seq),
      transcriptHGVSIds: [v.hgvs_c],
      ...(v.hgvs_p === null ? {} : { proteinHGVSIds: [v.hgvs_p] }),
    },
    molecularAttributes: {
      geneIds: [v.gene],
      molecularEffects: [{ id: v.consequence_id, label: v.consequence }],
      ...(v.aa_change === null ? {} : { aminoacidChanges: [v.aa_change] }),
    },
    caseLevelData: carriers.map((c) => ({
      biosampleId: foreignBiosampleId(c.individual_id),
      individualId: c.individual_id,
      zygosity: ZYGOSITY[c.zygosity] ?? ZYGOSITY.het,
    })),
    frequencyInPopulations: [
      {
        source: ds.title,
        sourceReference: datasetVisaValue(ds),
        frequencies: [{ population: ds.id, alleleFrequency: v.af }],
      },
    ],
  };
}

/** A datasets record: what the specification has, the visa value as externalUrl, nothing else. */
export function foreignDataset(ds: DatasetPolicy): Record<string, unknown> {
  return {
    id: ds.id,
    name: ds.title,
    description: `${ds.title} (${ds.kind}); synthetic demo data on GRCh37.`,
    externalUrl: datasetVisaValue(ds),
    dataUseConditions: {
      // Terms written as OWL IRI fragments (DUO_0000042), as some exports do: not CURIEs.
      duoDataUse: ds.duo.map((d) => ({
        id: ds.securityLevel === 'REGISTERED' ? d.id.replace(':', '_') : d.id,
        label: d.label,
        version: '17-07-2016',
        ...(d.modifiers === undefined ? {} : { modifiers: d.modifiers }),
      })),
    },
  };
}
