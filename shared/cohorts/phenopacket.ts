import { DISEASE_LABEL_SOURCES } from './diseaseLabels.data';
import type { ExportRow } from './exportFormats';
import { ZYGOSITY } from './exportFormats';
import { hpoVersion } from './hpo';

/**
 * Standard GA4GH Phenopacket v2 messages for a cohort export (issue 13): one Phenopacket per
 * individual, gathered in one Cohort message (cohort-schema.json) whose description and metaData
 * carry what the old custom wrapper's "note" held. Every member validates against
 * phenopacket-schema.json (electron/main/cohorts/phenopacket.conformance.test.ts).
 */

type Json = Record<string, unknown>;

/** The coordinates of the cache (DESIGN "Local data model": variant_key on GRCh38). */
export const CACHE_ASSEMBLY = 'GRCh38';

const PHENOPACKET_SCHEMA_VERSION = '2.0';

/** The metaData resource of each CURIE prefix an export may name. */
const RESOURCES: Readonly<Record<string, Json>> = {
  HP: {
    id: 'hp',
    name: 'human phenotype ontology',
    url: 'http://purl.obolibrary.org/obo/hp.owl',
    version: hpoVersion(),
    iriPrefix: 'http://purl.obolibrary.org/obo/HP_',
  },
  ORPHA: {
    id: 'ordo',
    name: 'Orphanet Rare Disease Ontology',
    url: 'http://www.orpha.net/ordo/ORDO.owl',
    version: `labels from ${DISEASE_LABEL_SOURCES.ORPHA}`,
    iriPrefix: 'http://www.orpha.net/ORDO/Orphanet_',
  },
  OMIM: {
    id: 'omim',
    name: 'Online Mendelian Inheritance in Man',
    url: 'https://www.omim.org',
    version: `labels from ${DISEASE_LABEL_SOURCES.OMIM}`,
    iriPrefix: 'https://www.omim.org/entry/',
  },
  ICD10: {
    id: 'icd10',
    name: 'International Statistical Classification of Diseases and Related Health Problems, 10th revision',
    url: 'https://icd.who.int/browse10/2019/en',
    version: '2019',
    iriPrefix: 'https://icd.who.int/browse10/2019/en#/',
  },
  GENO: {
    id: 'geno',
    name: 'Genotype Ontology',
    url: 'http://purl.obolibrary.org/obo/geno.owl',
    version: 'terms as the node reported them (Beacon v2 caseLevelData zygosity)',
    iriPrefix: 'http://purl.obolibrary.org/obo/GENO_',
  },
};

/** The resources behind the given CURIEs; an unknown prefix is listed as the node's own code. */
function resources(curies: Iterable<string>): Json[] {
  const prefixes = new Set([...curies].map((c) => c.split(':')[0] ?? ''));
  prefixes.add('HP');
  return [...prefixes].sort().map((p) => ({
    ...(RESOURCES[p] ?? {
      id: p.toLowerCase(),
      name: `${p} codes as the node reported them (no label table in Cohort Desk)`,
      url: '',
      version: 'unknown',
      iriPrefix: '',
    }),
    namespacePrefix: p,
  }));
}

const term = (id: string, label: string): Json => ({
  id,
  label: label === id ? `${id} (label unknown to Cohort Desk)` : label,
});

/** ClinVar-style significance → the ACMG class Phenopackets name; anything else: NOT_PROVIDED. */
export function acmgClass(clinSig: string | null): string {
  const s = (clinSig ?? '').toLowerCase().replace(/[_/]+/g, ' ').trim();
  const classes: Record<string, string> = {
    pathogenic: 'PATHOGENIC',
    'likely pathogenic': 'LIKELY_PATHOGENIC',
    'uncertain significance': 'UNCERTAIN_SIGNIFICANCE',
    vus: 'UNCERTAIN_SIGNIFICANCE',
    'likely benign': 'LIKELY_BENIGN',
    benign: 'BENIGN',
  };
  return classes[s] ?? 'NOT_PROVIDED';
}

const zygosityTerm = (label: string | null): Json | undefined =>
  Object.values(ZYGOSITY).find((z) => z.label === label);

/** One matching variant as a genomic interpretation (causality is not assessed: UNKNOWN_STATUS). */
function genomicInterpretation(r: ExportRow): Json {
  const expressions = [
    ...(r.hgvs_c === null ? [] : [{ syntax: 'hgvs.c', value: r.hgvs_c }]),
    ...(r.hgvs_p === null ? [] : [{ syntax: 'hgvs.p', value: r.hgvs_p }]),
  ];
  const extensions = [
    ['gene_symbol', r.gene],
    ['consequence', r.consequence],
    [
      'allele_frequency_in_dataset',
      r.allele_frequency === null ? null : String(r.allele_frequency),
    ],
    ['dataset_id', r.dataset_id],
  ].flatMap(([name, value]) => (value === null || value === '' ? [] : [{ name, value }]));
  const allelicState = zygosityTerm(r.zygosity);
  return {
    subjectOrBiosampleId: r.individual_id,
    interpretationStatus: 'UNKNOWN_STATUS',
    variantInterpretation: {
      acmgPathogenicityClassification: acmgClass(r.clinical_significance),
      therapeuticActionability: 'UNKNOWN_ACTIONABILITY',
      variationDescriptor: {
        id: r.variant_key,
        label: [r.gene, r.hgvs_c ?? r.variant_key].filter((x) => x !== null && x !== '').join(' '),
        ...(expressions.length > 0 ? { expressions } : {}),
        vcfRecord: {
          genomeAssembly: CACHE_ASSEMBLY,
          chrom: r.chrom,
          pos: String(r.position_grch38),
          ref: r.ref,
          alt: r.alt,
        },
        moleculeContext: 'genomic',
        ...(allelicState === undefined ? {} : { allelicState }),
        ...(extensions.length > 0 ? { extensions } : {}),
      },
    },
  };
}

const variantText = (r: ExportRow): string =>
  `${r.variant_key ?? ''}${r.gene === null ? '' : ` (${r.gene})`}${r.zygosity === null ? '' : `, ${r.zygosity}`}`;

/**
 * The interpretation holding the individual's matching variants. A diagnosis needs a disease:
 * with one recorded, the variants sit under the first; without, they are named in the summary.
 */
function interpretation(packetId: string, first: ExportRow, variants: ExportRow[]): Json {
  const summary =
    'Variants that matched the cohort’s genotype criterion in Cohort Desk, with zygosity. ' +
    'Causality was not assessed.';
  const disease = first.disease_ids[0];
  if (disease === undefined)
    return {
      id: `${packetId}:cohort-variants`,
      progressStatus: 'UNKNOWN_PROGRESS',
      summary: `${summary} No disease is recorded: ${variants.map(variantText).join('; ')}.`,
    };
  return {
    id: `${packetId}:cohort-variants`,
    progressStatus: 'UNKNOWN_PROGRESS',
    summary,
    diagnosis: {
      disease: term(disease, first.disease_labels[0] ?? disease),
      genomicInterpretations: variants.map(genomicInterpretation),
    },
  };
}

/** Who and when, for every message of one export. */
export interface PhenopacketOrigin {
  readonly createdBy: string;
  readonly created: string;
}

/**
 * The Phenopacket of one individual from their export rows (one row per matching variant, or
 * one row with no variant); provenance goes to metaData.externalReferences.
 */
export function toPhenopacket(rows: readonly ExportRow[], origin: PhenopacketOrigin): Json {
  const first = rows[0];
  if (first === undefined) throw new RangeError('an individual needs at least one row');
  const id = `${first.dataset_id}:${first.individual_id}`;
  const variants = [
    ...new Map(
      rows.filter((r) => r.variant_key !== null).map((r) => [r.variant_key, r] as const),
    ).values(),
  ];
  const allelic = variants.flatMap((v) =>
    zygosityTerm(v.zygosity) === undefined ? [] : ['GENO:'],
  );
  return {
    id,
    subject: { id: first.individual_id, sex: SEX[first.sex] ?? 'UNKNOWN_SEX' },
    ...(first.phenotype_ids.length === 0
      ? {}
      : {
          phenotypicFeatures: first.phenotype_ids.map((p, i) => ({
            type: term(p, first.phenotype_labels[i] ?? p),
          })),
        }),
    ...(variants.length === 0 ? {} : { interpretations: [interpretation(id, first, variants)] }),
    ...(first.disease_ids.length === 0
      ? {}
      : {
          diseases: first.disease_ids.map((d, i) => ({
            term: term(d, first.disease_labels[i] ?? d),
          })),
        }),
    metaData: {
      created: origin.created,
      createdBy: origin.createdBy,
      resources: resources([...first.phenotype_ids, ...first.disease_ids, ...allelic]),
      phenopacketSchemaVersion: PHENOPACKET_SCHEMA_VERSION,
      externalReferences: [
        {
          id: first.dataset_id,
          description: `dataset ${first.dataset_id} at node ${first.node_id} (Cohort Desk cache)`,
        },
      ],
    },
  };
}

const SEX: Record<string, string> = { female: 'FEMALE', male: 'MALE' };

/** Groups export rows (ordered by dataset and individual, as cohortExportSql returns them). */
export function byIndividual(rows: readonly ExportRow[]): ExportRow[][] {
  const groups: ExportRow[][] = [];
  let key = '';
  for (const r of rows) {
    const k = `${r.dataset_id}\u0000${r.individual_id}`;
    if (k !== key || groups.length === 0) groups.push([]);
    key = k;
    groups[groups.length - 1]?.push(r);
  }
  return groups;
}

/** What one export's Cohort message says about itself, beyond its members. */
export interface CohortMessageInfo extends PhenopacketOrigin {
  readonly id: string;
  /** One line on what the cohort is (its filters in words). */
  readonly summary: string;
  /** Per dataset considered: included or left out, with the DUO reasons and conditions. */
  readonly datasets: readonly { datasetId: string; note: string }[];
  /** Every reason and condition, in the order the export's note lists them. */
  readonly notes: readonly string[];
}

/** The Cohort message of an export; null when no individual may be exported (it needs members). */
export function toCohortMessage(rows: readonly ExportRow[], info: CohortMessageInfo): Json | null {
  const members = byIndividual(rows).map((g) => toPhenopacket(g, info));
  if (members.length === 0) return null;
  const curies = rows.flatMap((r) => [...r.phenotype_ids, ...r.disease_ids]);
  if (rows.some((r) => zygosityTerm(r.zygosity) !== undefined)) curies.push('GENO:');
  return {
    id: info.id,
    description: [info.summary, ...info.notes].join('\n'),
    members,
    metaData: {
      created: info.created,
      createdBy: info.createdBy,
      resources: resources(curies),
      phenopacketSchemaVersion: PHENOPACKET_SCHEMA_VERSION,
      externalReferences: info.datasets.map((d) => ({ id: d.datasetId, description: d.note })),
    },
  };
}
