import { z } from 'zod';
import { CaseIdSchema } from './caseId';
import { FileHandleSchema, FileRefSchema, TextFileSchema } from './fileRef';
import { CaseImportWhySchema, CaseProblemSchema, CaseRefusalSchema } from './caseProblem';
import { VcfProblemSchema } from '../vcf/channels';
import { CasePresetSchema, PanelIdSchema } from './filters';
import {
  CancerCaseSchema,
  CancerRecordSchema,
  SomaticInspectionSchema,
} from '../cancer/cancerCase';

/**
 * The case IPC contract (issue 16). The renderer never sends a filesystem path: the VCF reaches
 * main through an opaque handle (Electron: main's own open dialog, `case:pickFile`; browser mode:
 * the page streams the File to POST /cases/upload, which answers with a handle). PED and
 * Phenopacket files are small and travel as text. The case's rows never travel as JSON to the
 * page: its DuckDB file is served at `caseDatabasePath(caseId)` and attached in duckdb-wasm
 * (dbSchema.ts); `case:variants` answers the same filters natively for the command line.
 */

export { FileHandleSchema, FileRefSchema, TextFileSchema };
export type { FileRef, TextFile } from './fileRef';

export { CaseIdSchema };
export const SexSchema = z.enum(['male', 'female', 'unknown']);
export type CaseSex = z.infer<typeof SexSchema>;
export const HpoTermSchema = z
  .object({ id: z.string().regex(/^HP:\d{7}$/), label: z.string().max(300).optional() })
  .strict();
export type HpoTerm = z.infer<typeof HpoTermSchema>;
export const PhenotypeSchema = z
  .object({
    observed: z.array(HpoTermSchema).max(500),
    excluded: z.array(HpoTermSchema).max(500),
  })
  .strict();
export type Phenotype = z.infer<typeof PhenotypeSchema>;
export const CaseStatusSchema = z.enum(['new', 'in-review', 'solved', 'unsolved', 'reanalyse']);
export const RoleSchema = z.enum([
  'proband',
  'mother',
  'father',
  'sibling',
  'relative',
  /** A cancer case's samples (issue 19; shared/cancer/cancerMembers.ts). */
  'tumour',
  'normal',
]);

/** One PED line (pedigree.ts). */
export const PedMemberSchema = z.object({
  family: z.string(),
  id: z.string(),
  father: z.string().nullable(),
  mother: z.string().nullable(),
  sex: SexSchema,
  /** 2 → true, 1 → false, 0 / -9 → null. */
  affected: z.boolean().nullable(),
  line: z.number().int().positive(),
});
export type PedMember = z.infer<typeof PedMemberSchema>;

export { CaseProblemSchema, type CaseProblem } from './caseProblem';

/** VCF sample column ↔ PED member; the dialog edits this and sends it back with the import. */
export const SampleLinkSchema = z
  .object({ sample: z.string().min(1).max(200), member: z.string().min(1).max(200) })
  .strict();
export type SampleLink = z.infer<typeof SampleLinkSchema>;

/** 'case:inspect': what the dialog shows before importing. */
export const CaseInspectRequestSchema = z
  .object({
    vcf: FileHandleSchema,
    ped: TextFileSchema.optional(),
    phenopacket: TextFileSchema.optional(),
  })
  .strict();
export const CaseInspectionSchema = z.object({
  vcf: z.object({
    name: z.string(),
    size: z.number().int().nonnegative(),
    container: z.enum(['plain', 'gzip', 'bgzf']).nullable(),
    version: z.string().nullable(),
    samples: z.array(z.string()),
    assembly: z.object({ name: z.enum(['GRCh38', 'GRCh37', 'unknown']), evidence: z.string() }),
    annotations: z.array(z.enum(['CSQ', 'ANN'])),
    frequencyFields: z.array(z.string()),
    /** Header problems (located); the import is refused while any is an error. */
    problems: z.array(VcfProblemSchema),
    /** Why this file cannot become a case (GRCh37, no samples, not VCF), or absent. */
    refusal: z.string().optional(),
    refused: CaseRefusalSchema.optional(),
    /** A somatic caller's output (Mutect2, Strelka2) and the samples it names (issue 19). */
    somatic: SomaticInspectionSchema.optional(),
  }),
  ped: z
    .object({
      name: z.string(),
      members: z.array(PedMemberSchema),
      problems: z.array(CaseProblemSchema),
    })
    .optional(),
  phenopacket: z
    .object({
      name: z.string(),
      subjectId: z.string().nullable(),
      sex: SexSchema,
      phenotype: PhenotypeSchema,
      problems: z.array(CaseProblemSchema),
    })
    .optional(),
  /** The proposed mapping (exact id matches first) and the proband it implies. */
  links: z.array(SampleLinkSchema),
  proband: z.string().nullable(),
  /** Named mismatches: a VCF sample in no PED line, a PED member with no sample, no affected member. */
  mismatches: z.array(CaseProblemSchema),
});
export type CaseInspection = z.infer<typeof CaseInspectionSchema>;

/** A germline caller's VCF of the same patient and its sample, beside the tumour's (decision 0059). */
const GermlineFileSchema = z
  .object({ vcf: FileHandleSchema, sample: z.string().min(1).max(200) })
  .strict();

/** 'case:import': everything a case is made of; answers at once with the job (progress: case:progress). */
export const CaseImportRequestSchema = z
  .object({
    /** Default: generated (`case-YYYYMMDD-xxxx`). Must not exist yet for this user. */
    caseId: CaseIdSchema.optional(),
    // A pseudonym is printed in reports, lists and terminals: no line breaks or escapes (0100).
    patientId: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^\P{Cc}*$/u, 'a patient id holds no control characters (line breaks, tabs, escapes)'),
    sex: SexSchema,
    note: z.string().max(20_000).optional(),
    phenotype: PhenotypeSchema.optional(),
    vcf: FileHandleSchema,
    ped: TextFileSchema.optional(),
    /** Recorded by name; its phenotype and sex are expected in the fields above (case:inspect reads them). */
    phenopacketName: z.string().max(255).optional(),
    /** VCF sample ↔ PED member (with a PED); without one, the single sample or `proband`. */
    links: z.array(SampleLinkSchema).max(100).optional(),
    /** The proband: a PED member id with a PED, else a VCF sample id (default: the only/first sample). */
    proband: z.string().min(1).max(200).optional(),
    /** A case of kind "cancer" (issue 19): tumour/normal samples, tumour type, purity. */
    cancer: CancerCaseSchema.extend({ germline: GermlineFileSchema.optional() }).optional(),
  })
  .strict();
export type CaseImportRequest = z.input<typeof CaseImportRequestSchema>;

export const ImportPhaseSchema = z.enum([
  'queued',
  'reading',
  'indexing',
  'sealing',
  'done',
  'failed',
  'cancelled',
]);
export type ImportPhase = z.infer<typeof ImportPhaseSchema>;

/** 'case:progress' event and 'case:jobs' items. */
export const CaseProgressSchema = z.object({
  jobId: z.string(),
  caseId: z.string(),
  phase: ImportPhaseSchema,
  records: z.number().int().nonnegative(),
  variants: z.number().int().nonnegative(),
  bytesRead: z.number().int().nonnegative(),
  totalBytes: z.number().int().nonnegative(),
  elapsedMs: z.number().nonnegative(),
  /** Estimated from the compressed bytes read so far; null until it can be. */
  etaMs: z.number().nonnegative().nullable(),
  /** Located problems of a failed import (file, line, column, field). */
  problems: z.array(VcfProblemSchema),
  message: z.string().optional(),
  /** `message` as a code the renderer words (issue 22). */
  why: CaseImportWhySchema.optional(),
});
export type CaseProgress = z.infer<typeof CaseProgressSchema>;

export const CaseSummarySchema = z.object({
  caseId: z.string(),
  createdAt: z.string(),
  patientId: z.string(),
  sex: SexSchema,
  samples: z.number().int().nonnegative(),
  variants: z.number().int().nonnegative(),
  phenotypes: z.number().int().nonnegative(),
  status: CaseStatusSchema,
  vcfName: z.string(),
  bytes: z.number().int().nonnegative(),
  /** Germline or cancer (issue 19); a cancer case's design and OncoTree code (null: not given). */
  kind: z.enum(['germline', 'cancer']),
  design: z.enum(['tumour-normal', 'tumour-only']).nullable(),
  tumourType: z.string().nullable(),
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

export const CaseListSchema = z.object({
  cases: z.array(CaseSummarySchema),
  locked: z.boolean(),
  /** Whose cases these are; `label` is main's English, `account` what the page words (issue 22). */
  owner: z.object({
    kind: z.enum(['user', 'local']),
    label: z.string(),
    account: z.string().optional(),
  }),
  /** Why it lists nothing, in English for the CLI and the logs. */
  message: z.string().optional(),
  /** `message` as a code the renderer words (issue 22, as the vault's lock reasons). */
  why: z.enum(['vault-locked']).optional(),
});
export type CaseList = z.infer<typeof CaseListSchema>;

export const CaseMemberSchema = z.object({
  sampleIdx: z.number().int().nonnegative(),
  sample: z.string(),
  member: z.string(),
  role: RoleSchema,
  sex: SexSchema,
  affected: z.boolean().nullable(),
});

/** 'case:open': the case's own record; the rows are in the DuckDB file at `database.path`. */
export const CaseDetailSchema = CaseSummarySchema.extend({
  note: z.string(),
  phenotype: PhenotypeSchema,
  members: z.array(CaseMemberSchema),
  vcf: z.object({
    name: z.string(),
    version: z.string(),
    container: z.string(),
    records: z.number().int().nonnegative(),
    annotations: z.array(z.string()),
    frequencyFields: z.array(z.string()),
    warnings: z.number().int().nonnegative(),
    /** Alleles not imported: no member carries the allele, or it is a breakend, * or <*> (not sequence). */
    skipped: z.number().int().nonnegative(),
  }),
  /** GET this path (same origin), register it at `registeredFile`, ATTACH … AS `alias` (READ_ONLY). */
  database: z.object({ path: z.string(), registeredFile: z.string(), alias: z.string() }),
  pedName: z.string().nullable(),
  phenopacketName: z.string().nullable(),
  /** Present for a case of kind "cancer" (issue 19). */
  cancer: CancerRecordSchema.optional(),
});
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

export const CaseRefSchema = z.object({ caseId: CaseIdSchema }).strict();
export const JobRefSchema = z.object({ jobId: z.string().min(1).max(100) }).strict();

export * from './variantChannels';

export const PanelSchema = z.object({
  id: PanelIdSchema,
  label: z.string(),
  version: z.string(),
  genes: z.array(z.string()),
});
export type Panel = z.infer<typeof PanelSchema>;
export const PanelListSchema = z.object({ panels: z.array(PanelSchema) });

export const PresetListSchema = z.object({
  builtIn: z.array(CasePresetSchema),
  saved: z.array(CasePresetSchema),
});
export const PresetNameSchema = z.object({ name: z.string().trim().min(1).max(100) }).strict();

/** 'case:exported': what left the app (audit), never the rows. */
export const CaseExportedRequestSchema = z
  .object({
    caseId: CaseIdSchema,
    format: z.enum(['csv', 'tsv', 'json', 'vcf', 'phenopacket']),
    rows: z.number().int().nonnegative(),
  })
  .strict();

/** 'case:pickFile' (Electron): main's open dialog; empty when the user cancelled. */
export const PickFileRequestSchema = z.object({ kind: z.enum(['vcf']) }).strict();
export const PickFileResponseSchema = z.object({ file: FileRefSchema.nullable() });

/** 'case:addFile' (command line only): a VCF by absolute path. */
export const AddFileRequestSchema = z.object({ path: z.string().min(1).max(4096) }).strict();

/** Same-origin path of a case's DuckDB file (served like the vault's datasets). */
export const caseDatabasePath = (caseId: string): string =>
  `/cases/${encodeURIComponent(caseId)}/data.duckdb`;
/** Browser mode: POST the chosen VCF's bytes here (session-authenticated like /vault). */
export const CASE_UPLOAD_PATH = '/cases/upload';
