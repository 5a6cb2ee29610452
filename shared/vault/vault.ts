import { z } from 'zod';
import { OntologyFilterSchema, SexSchema } from '../search/query';
import { AccessLevelSchema, DuoTermSchema } from '../federation/directory';
import { VaultNoteCodedSchema } from './vaultNote';
import { PullReasonSchema } from './pullReason';
import { PullSaidSchema } from './pullSaid';

/**
 * The encrypted local cache (issue 6, DATA-01..09) as the renderer sees it: manifests, pull checks,
 * pull jobs. The data itself travels as bytes, never as JSON over IPC (CONVENTIONS rule 6): a DuckDB
 * database file over GET /vault/{datasetId}/data.duckdb (docs/decisions/0010-vault-duckdb-files.md),
 * or, for caches written before 0010, Arrow IPC over GET /vault/{datasetId}/{table}.arrow (0006).
 */

/** The three tables of one pulled dataset. */
export const VAULT_TABLES = ['individuals', 'variants', 'genotypes'] as const;
export const VaultTableSchema = z.enum(VAULT_TABLES);
export type VaultTable = z.infer<typeof VaultTableSchema>;

/** How a dataset is stored: one DuckDB database file (0010), or three Arrow IPC tables (0006). */
export const VaultFormatSchema = z.enum(['duckdb', 'arrow']);
export type VaultFormat = z.infer<typeof VaultFormatSchema>;

/** One sealed file of a dataset: the database (format duckdb) or a table (format arrow). */
export const VaultPartSchema = z.enum(['database', ...VAULT_TABLES]);
export type VaultPart = z.infer<typeof VaultPartSchema>;

/** The parts each format consists of. */
export const FORMAT_PARTS: Record<VaultFormat, readonly VaultPart[]> = {
  duckdb: ['database'],
  arrow: VAULT_TABLES,
};

/** MIME type of the legacy Arrow route's bodies. */
export const ARROW_STREAM_MIME = 'application/vnd.apache.arrow.stream';
/** MIME type of the database route's body (DuckDB registers no type of its own). */
export const DUCKDB_FILE_MIME = 'application/octet-stream';

/** The same-origin path the renderer fetches a legacy Arrow table from. */
export const vaultTablePath = (datasetId: string, table: VaultTable): string =>
  `/vault/${encodeURIComponent(datasetId)}/${table}.arrow`;

/** The same-origin path the renderer fetches a dataset's DuckDB database file from. */
export const vaultDatabasePath = (datasetId: string): string =>
  `/vault/${encodeURIComponent(datasetId)}/data.duckdb`;

/**
 * Column names and types per table (the binding interface with renderer/db; the DuckDB file's tables
 * use the SQL types of shared/cohorts/schema.ts CACHE_COLUMNS). `list` = List<Utf8>.
 * Nullable columns are marked `?`.
 */
export const VAULT_COLUMNS = {
  individuals: {
    dataset_id: 'utf8',
    node_id: 'utf8',
    individual_id: 'utf8',
    sex: 'utf8',
    age_band: 'utf8?',
    country: 'utf8',
    diseases: 'list',
    phenotypes: 'list',
  },
  variants: {
    dataset_id: 'utf8',
    node_id: 'utf8',
    variant_key: 'utf8',
    chrom: 'utf8',
    pos: 'int32',
    ref: 'utf8',
    alt: 'utf8',
    gene: 'utf8',
    consequence: 'utf8',
    hgvs_c: 'utf8?',
    hgvs_p: 'utf8?',
    clin_sig: 'utf8?',
    ac: 'int32',
    an: 'int32',
    af: 'float64',
  },
  genotypes: {
    dataset_id: 'utf8',
    node_id: 'utf8',
    individual_id: 'utf8',
    variant_key: 'utf8',
    zygosity: 'utf8',
  },
} as const satisfies Record<VaultTable, Record<string, string>>;

/** The declared purpose of a pull (DATA-07): decides which DUO terms permit it. */
export const PurposeSchema = z.enum(['clinical-care', 'research']);
export type Purpose = z.infer<typeof PurposeSchema>;

/** The disease a research purpose is about: checked against DUO disease-specific terms (issue 13). */
export const PurposeDiseaseSchema = z
  .object({
    id: z
      .string()
      .max(100)
      .regex(
        /^[A-Za-z0-9]+:[A-Za-z0-9._-]+$/,
        'a disease must be an ontology CURIE such as HP:0003002',
      ),
    label: z.string().max(300).optional(),
  })
  .strict();
export type PurposeDisease = z.infer<typeof PurposeDiseaseSchema>;

/** What subset to pull (DATA-02 minimisation). Empty = the whole dataset the grant covers. */
export const PullQuerySchema = z.strictObject({
  filters: z.array(OntologyFilterSchema).max(20).default([]),
  sex: SexSchema.optional(),
});
export type PullQuery = z.infer<typeof PullQuerySchema>;

/** PASS-03: the ControlledAccessGrants visa that authorised a cached dataset. */
export const VisaBindingSchema = z.object({
  jti: z.string(),
  iss: z.string(),
  value: z.string(),
  source: z.string(),
  exp: z.number().int(),
  asserted: z.number().int(),
});
export type VisaBinding = z.infer<typeof VisaBindingSchema>;

const perTable = <T extends z.ZodType>(t: T) =>
  z.object({ individuals: t, variants: t, genotypes: t });

/** Provenance of one pulled dataset (DESIGN `vault`). Kept in main, encrypted at rest. */
export const VaultManifestSchema = z.object({
  /** 1: Arrow tables (0006); 2: adds `format` (0010). Both are read. */
  schemaVersion: z.union([z.literal(1), z.literal(2)]),
  /** Absent in version 1 manifests, which are all Arrow: read it with formatOf. */
  format: VaultFormatSchema.optional(),
  /**
   * The query layout the database part implements (its `cd_meta.schema_version`, decision 0027);
   * absent = 1 (the three public tables of 0010). Main rewrites older copies once (issue 20).
   */
  layout: z.number().int().positive().optional(),
  datasetId: z.string(),
  nodeId: z.string(),
  nodeName: z.string(),
  country: z.string(),
  title: z.string(),
  level: AccessLevelSchema,
  duo: z.array(DuoTermSchema),
  allowLocalCopies: z.boolean(),
  purpose: PurposeSchema,
  /** The disease a research purpose named (DUO disease-specific terms). */
  disease: PurposeDiseaseSchema.optional(),
  query: PullQuerySchema,
  pulledAt: z.iso.datetime(),
  visa: VisaBindingSchema,
  /** DATA-05 retention end (ISO 8601): min(visa exp, policy limits). */
  expiresAt: z.iso.datetime(),
  rows: perTable(z.number().int().nonnegative()),
  /** sha256 (hex) of each part's plaintext bytes (FORMAT_PARTS of `format`). */
  sha256: z.partialRecord(VaultPartSchema, z.string().regex(/^[0-9a-f]{64}$/)),
  /** Encrypted bytes on disk. */
  bytes: z.number().int().nonnegative(),
});
export type VaultManifest = z.infer<typeof VaultManifestSchema>;

/** How a dataset is stored (manifests from before 0010 carry no format: Arrow). */
export const formatOf = (m: Pick<VaultManifest, 'format'>): VaultFormat => m.format ?? 'arrow';

export const RemovedReasonSchema = z.enum([
  'visa-expired',
  'visa-revoked',
  'user-removed',
  'policy',
  'corrupt',
  /** Its plaintext binding was edited or moved (MAC or sealed manifest mismatch, issue 12). */
  'tampered',
]);
export type RemovedReason = z.infer<typeof RemovedReasonSchema>;

/** A recent purge, to tell the user what went and why (DATA-05). */
export const RemovedEntrySchema = z.object({
  datasetId: z.string(),
  reason: RemovedReasonSchema,
  message: z.string(),
  at: z.iso.datetime(),
  /** `message` as a code the renderer words (issue 22). */
  said: VaultNoteCodedSchema.optional(),
});
export type RemovedEntry = z.infer<typeof RemovedEntrySchema>;

/**
 * A cached dataset kept although its access could not be confirmed now (a node not reached, a
 * failed directory, local copies turned off): readable under the last confirmed grant, or locked
 * until the grant ends. Never a deletion: those are `removed` entries (issue 12).
 */
export const VaultNoteSchema = z.object({
  datasetId: z.string(),
  readable: z.boolean(),
  message: z.string(),
  said: VaultNoteCodedSchema.optional(),
});
export type VaultNote = z.infer<typeof VaultNoteSchema>;

/** 'vault:list' response and 'vault:changed' payload. */
export const VaultListSchema = z.object({
  datasets: z.array(VaultManifestSchema),
  removed: z.array(RemovedEntrySchema),
  notes: z.array(VaultNoteSchema).optional(),
  /** The master key is unavailable (browser mode or no safeStorage: needs 'vault:unlock'). */
  locked: z.boolean(),
  /** Why it is locked or unusable (or, signed out, why it lists nothing), in plain English. */
  message: z.string().optional(),
  /** `message` as a code the renderer words in the user's language (issue 22). */
  why: z.enum(['opening', 'passphrase', 'key-storage-failed', 'signed-out']).optional(),
  /** With `passphrase`: why this computer's key storage cannot hold the vault key. */
  storage: z.enum(['no-secure-store', 'no-keyring', 'browser-mode', 'command-line']).optional(),
});
export type VaultList = z.infer<typeof VaultListSchema>;

export const VaultUnlockRequestSchema = z
  .object({ passphrase: z.string().min(8).max(1024) })
  .strict();

export const PullTargetSchema = z
  .object({
    nodeId: z.string().min(1).max(200),
    datasetId: z.string().min(1).max(200),
    purpose: PurposeSchema,
    disease: PurposeDiseaseSchema.optional(),
  })
  .strict();
export type PullTarget = z.infer<typeof PullTargetSchema>;

/** 'pull:check' response: exactly what forbids a pull, and the fallback (DATA-01, DATA-07). */
export const PullCheckSchema = z.object({
  allowed: z.boolean(),
  reasons: z.array(z.string()),
  /** What stays possible without a copy: counts, or only yes/no answers (as the node grants). */
  offer: z.enum(['counts-only', 'yes-no-only']).optional(),
  /** `reasons` as codes the renderer words, one per reason in the same order (issue 22). */
  said: z.array(PullReasonSchema).max(100).optional(),
});
export type PullCheck = z.infer<typeof PullCheckSchema>;

export const PullStartRequestSchema = PullTargetSchema.extend({
  query: PullQuerySchema.default({ filters: [] }),
}).strict();
export type PullStartRequest = z.input<typeof PullStartRequestSchema>;

export const JobIdSchema = z.object({ jobId: z.string().min(1).max(100) }).strict();

export const PullStateSchema = z.enum(['running', 'paused', 'done', 'failed', 'cancelled']);
export type PullState = z.infer<typeof PullStateSchema>;

export { PULL_SAID_KEYS, PullSaidSchema } from './pullSaid';
export type { PullSaid, PullSaidKey } from './pullSaid';

/** 'pull:progress' event payload and one 'pull:jobs' entry. */
export const PullProgressSchema = z.object({
  jobId: z.string(),
  nodeId: z.string(),
  datasetId: z.string(),
  state: PullStateSchema,
  records: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  totalRecords: z.number().int().nonnegative().optional(),
  etaSeconds: z.number().nonnegative().optional(),
  message: z.string().optional(),
  said: PullSaidSchema.optional(),
  /** Why the vault deleted the job's staged pages (the purge's reason, worded as the vault's notes). */
  purged: VaultNoteCodedSchema.optional(),
});
export type PullProgress = z.infer<typeof PullProgressSchema>;
export type PullJob = PullProgress;

export const PullJobsSchema = z.object({ jobs: z.array(PullProgressSchema) });
