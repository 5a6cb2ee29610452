import { criterionLabel } from '../acmg/criteria';
import { hpoLabel, hpoVersion } from '../cohorts/hpo';
import { ZYGOSITY } from '../cohorts/exportFormats';
import type { VariantWork } from '../cases/workChannels';
import type { ReportData } from './reportData';
import { zygosity } from './reportData';

/**
 * The case as one GA4GH Phenopacket v2 (issue 18): subject, observed and excluded HPO terms, and an
 * interpretation whose diagnosis carries the reported variants as genomic interpretations with
 * their confirmed ACMG class. Validates against the official schema
 * (electron/main/cases/casePhenopacket.conformance.test.ts).
 */

type Json = Record<string, unknown>;

const ACMG: Record<string, string> = {
  pathogenic: 'PATHOGENIC',
  likely_pathogenic: 'LIKELY_PATHOGENIC',
  uncertain_significance: 'UNCERTAIN_SIGNIFICANCE',
  likely_benign: 'LIKELY_BENIGN',
  benign: 'BENIGN',
};
const PROGRESS: Record<string, string> = {
  new: 'UNKNOWN_PROGRESS',
  'in-review': 'IN_PROGRESS',
  reanalyse: 'IN_PROGRESS',
  solved: 'SOLVED',
  unsolved: 'UNSOLVED',
};
const SEX: Record<string, string> = { male: 'MALE', female: 'FEMALE', unknown: 'UNKNOWN_SEX' };
const ZYG: Record<string, string> = { heterozygous: 'het', homozygous: 'hom', hemizygous: 'hemi' };

const term = (t: { id: string; label?: string | undefined }): Json => ({
  id: t.id,
  label: t.label ?? hpoLabel(t.id) ?? t.id,
});

function genomic(v: VariantWork, subject: string, solved: boolean): Json {
  const s = v.variant;
  const c = v.sheet.confirmed;
  const causal = solved && (c?.cls === 'pathogenic' || c?.cls === 'likely_pathogenic');
  const allelic = ZYGOSITY[ZYG[zygosity(s.gt)] ?? ''];
  const accepted = v.sheet.criteria.filter((x) => x.status === 'accepted');
  const extensions = [
    {
      name: 'acmg_criteria',
      value: accepted.map((x) => criterionLabel(x.code, x.strength)).join(', '),
    },
    ...(c === null
      ? []
      : [
          {
            name: 'acmg_rule',
            value: `${c.rule}; ${c.points} points; confirmed by ${c.by} at ${c.at}`,
          },
        ]),
    ...(s.consequence === null ? [] : [{ name: 'consequence', value: s.consequence }]),
  ];
  return {
    subjectOrBiosampleId: subject,
    interpretationStatus: causal ? 'CAUSATIVE' : 'CANDIDATE',
    variantInterpretation: {
      acmgPathogenicityClassification:
        c === null ? 'NOT_PROVIDED' : (ACMG[c.cls] ?? 'NOT_PROVIDED'),
      therapeuticActionability: 'UNKNOWN_ACTIONABILITY',
      variationDescriptor: {
        id: s.variantKey,
        label: [s.gene, s.hgvs_c ?? s.variantKey].filter((x) => x !== null && x !== '').join(' '),
        ...(s.gene === null
          ? {}
          : { geneContext: { valueId: `HGNC.SYMBOL:${s.gene}`, symbol: s.gene } }),
        expressions: [
          ...(s.hgvs_c === null ? [] : [{ syntax: 'hgvs.c', value: s.hgvs_c }]),
          ...(s.hgvs_p === null ? [] : [{ syntax: 'hgvs.p', value: s.hgvs_p }]),
        ],
        vcfRecord: {
          genomeAssembly: 'GRCh38',
          chrom: s.chrom,
          pos: String(s.pos),
          ref: s.ref,
          alt: s.alt,
        },
        moleculeContext: 'genomic',
        ...(allelic === undefined ? {} : { allelicState: allelic }),
        extensions,
      },
    },
  };
}

/** Source names in a Phenopacket are machine-readable: English in every UI language (issue 22). */
const SOURCE_NAMES = {
  clinvar: 'ClinVar',
  hpo: 'Human Phenotype Ontology',
  ranking: 'Gene ranking (HPO annotations)',
} as const;

/** The data sources as external references, the same whatever language the report is in. */
function externalReferences(data: ReportData): { id: string; description: string }[] {
  const v = data.vcf;
  return [
    {
      id: 'Patient VCF',
      description: `${v.name} (VCF ${v.version}), imported ${v.importedAt}`,
    },
    ...data.sources.map((s) => ({
      id: SOURCE_NAMES[s.kind],
      description: s.unavailable === undefined ? s.version : `not available (${s.unavailable})`,
    })),
    {
      id: 'Federation (seen before)',
      description:
        data.federated === undefined ? 'not looked up' : `${data.federated.length} answers`,
    },
  ];
}

/** The Phenopacket v2 message of a case. */
export function casePhenopacket(data: ReportData): Json {
  const w = data.work;
  const reported = w.variants.filter((v) => v.reported);
  const interpretation: Json = {
    id: `${data.caseId}-interpretation`,
    progressStatus: PROGRESS[w.status] ?? 'UNKNOWN_PROGRESS',
    ...(w.diagnosis === null
      ? {}
      : {
          diagnosis: {
            disease: { id: w.diagnosis.id, label: w.diagnosis.label },
            genomicInterpretations: reported.map((v) =>
              genomic(v, data.patientId, w.status === 'solved'),
            ),
          },
        }),
    summary:
      w.diagnosis === null
        ? `No diagnosis named; ${reported.length} reported variant(s) are in the clinical report only.`
        : `${reported.length} reported variant(s); ${w.signOff === null ? 'not signed off' : `signed off by ${w.signOff.by} at ${w.signOff.at}`}.`,
  };
  const prefixes = new Set([
    'HP',
    ...(w.diagnosis === null ? [] : [w.diagnosis.id.split(':')[0] ?? '']),
  ]);
  return {
    id: data.caseId,
    subject: { id: data.patientId, sex: SEX[data.sex] ?? 'UNKNOWN_SEX' },
    phenotypicFeatures: [
      ...data.phenotype.observed.map((t) => ({ type: term(t) })),
      ...data.phenotype.excluded.map((t) => ({ type: term(t), excluded: true })),
    ],
    interpretations: [interpretation],
    metaData: {
      created: data.generatedAt,
      createdBy: data.app,
      resources: [...prefixes].map((p) =>
        p === 'HP'
          ? {
              id: 'hp',
              name: 'human phenotype ontology',
              url: 'http://purl.obolibrary.org/obo/hp.owl',
              version: hpoVersion(),
              namespacePrefix: 'HP',
              iriPrefix: 'http://purl.obolibrary.org/obo/HP_',
            }
          : {
              id: p.toLowerCase(),
              name: `${p} (as the clinician named it)`,
              url: '',
              version: 'unknown',
              namespacePrefix: p,
              iriPrefix: '',
            },
      ),
      phenopacketSchemaVersion: '2.0',
      externalReferences: externalReferences(data),
    },
  };
}
