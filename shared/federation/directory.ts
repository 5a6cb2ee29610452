import { z } from 'zod';
import { codedSchema } from '../i18n/coded';

/** Access level of a dataset as the node declares it (Beacon securityLevel). */
export const AccessLevelSchema = z.enum(['public', 'registered', 'controlled']);
export type AccessLevel = z.infer<typeof AccessLevelSchema>;

/** What a node returns to this user for a dataset: the Beacon granularity. */
export const GranularitySchema = z.enum(['none', 'boolean', 'count', 'record']);
export type Granularity = z.infer<typeof GranularitySchema>;

/** A DUO term of a dataset; `modifiers` name e.g. the disease of DS (Beacon dataUseConditions). */
export const DuoTermSchema = z.object({
  id: z.string(),
  label: z.string(),
  modifiers: z.array(z.object({ id: z.string(), label: z.string() })).optional(),
});
export type DuoTerm = z.infer<typeof DuoTermSchema>;

export const BrokerSchema = z.object({
  issuer: z.url(),
  clientId: z.string().min(1),
  name: z.string(),
  /** Loopback redirect path registered for this broker (AUTH-03/04); default `/callback`. */
  redirectPath: z
    .string()
    .regex(/^\/[A-Za-z0-9/_-]{0,100}$/)
    .optional(),
});
export type Broker = z.infer<typeof BrokerSchema>;

/**
 * How a node's datasets are named in ControlledAccessGrants visa values (PASS-05): always an exact,
 * case-sensitive comparison. `published`: the URL the node publishes for the dataset in its Beacon
 * /datasets response (info.visaValue, else externalUrl); `dataset-id`: the bare id (EGA style);
 * `template`: a URL with `{id}` in it (a GDI node that documents its own scheme).
 */
export const VisaValueMappingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('published') }),
  z.object({ kind: z.literal('dataset-id') }),
  z.object({ kind: z.literal('template'), template: z.string().includes('{id}').max(500) }),
]);
export type VisaValueMapping = z.infer<typeof VisaValueMappingSchema>;

export const NodeEntrySchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  country: z.string(),
  beaconUrl: z.url(),
  htsgetUrl: z.url().optional(),
  /**
   * RFC 8707 resource indicator of the node's Beacon and htsget: the audience of the access tokens
   * the app gets for this node (decision 0015-node-audience-tokens). Default: the origin of `beaconUrl`
   * plus `/`.
   */
  resource: z.url().optional(),
  /** Default `{ kind: 'published' }`. */
  visaValueMapping: VisaValueMappingSchema.optional(),
  /**
   * The node's reference assembly as the directory states it ('GRCh38', 'GRCh37', 'hg19', …); when
   * absent the app asks the node (/info, /configuration) and reads its records (issue 15 item 2).
   */
  assembly: z.string().max(50).optional(),
  /**
   * The hospital's agreement with the node on local copies, for datasets whose node says nothing
   * about them (docs/decisions/0018-beacon-interop.md); a node's own statement wins.
   */
  localCopies: z.enum(['allowed', 'not-allowed']).optional(),
});
export type NodeEntry = z.infer<typeof NodeEntrySchema>;

/**
 * Why the federation directory could not be read, as codes the renderer words (issue 22, decision
 * 0076): `problemSaid` beside the English `problem`. The problem (`coded.directoryProblem.*`) says
 * which copy failed: the demo federation's file, an address with no usable copy, or an address
 * whose refresh failed while an older copy is used. Its values: `file`, `url`, `fetched` (ISO
 * time of the copy in use), and `directoryCause`, itself a code (`coded.directoryCause.*`) with
 * its own values: `seconds`, `http` (a status), `field` (where the document breaks), `detail`
 * (another program's own words, e.g. the JSON parser's or zod's, shown as written).
 */
export const DIRECTORY_PROBLEM_CODES = ['demo-invalid', 'unusable', 'stale'] as const;
export const DIRECTORY_CAUSE_CODES = [
  'timeout',
  'unreachable',
  'http',
  'not-json',
  // A key named twice in one object (decision 0100): `key`, its JSON path as `field`, line, column.
  'duplicate-key',
  'not-directory',
  'not-loopback',
  'not-read-yet',
  'failed',
] as const;
export type DirectoryCause = (typeof DIRECTORY_CAUSE_CODES)[number];
export const DirectoryProblemSaidSchema = codedSchema(DIRECTORY_PROBLEM_CODES);
export type DirectoryProblemSaid = z.infer<typeof DirectoryProblemSaidSchema>;

/**
 * The federation directory: which brokers to sign in with, which nodes to query, and which visa
 * issuers (iss → jku) to trust. From the policy, the settings, or the embedded demo federation.
 */
/**
 * What kind of entry IT's allow-lists removed (issue 22): a broker (its issuer as `name`), a node
 * (its id), a node whose Beacon host is not listed (`host`), a node's htsget on a host not listed
 * (`host`; the node stays), a visa issuer. Names and hosts are data, the kind is worded.
 */
export const NOT_ALLOWED_KINDS = [
  'broker',
  'node',
  'node-beacon',
  'htsget',
  'visa-issuer',
] as const;
export const NotAllowedEntrySchema = z
  .object({
    kind: z.enum(NOT_ALLOWED_KINDS),
    name: z.string().max(2000),
    host: z.string().max(300).optional(),
  })
  .strict();
export type NotAllowedEntry = z.infer<typeof NotAllowedEntrySchema>;

export const FederationDirectorySchema = z.object({
  source: z.enum(['policy', 'settings', 'embedded-demo', 'none']),
  brokers: z.array(BrokerSchema),
  nodes: z.array(NodeEntrySchema),
  trustedVisaIssuers: z.array(z.object({ iss: z.url(), jku: z.url() })),
  /** Where the directory was read from (a file path or URL), when it came from one. */
  location: z.string().optional(),
  /** Why the directory is empty, partial or old, in plain words (e.g. a bad federation file, named). */
  problem: z.string().optional(),
  /** `problem` as a code and values, worded by the renderer (decision 0076). */
  problemSaid: DirectoryProblemSaidSchema.optional(),
  /** Epoch ms when a remote directory was fetched (issue 12 item 13: the copy may be older). */
  fetchedAt: z.number().int().nonnegative().optional(),
  /**
   * Entries IT's policy allow-lists removed, named ("node NL-1"; issue 21). Not a `problem`: the
   * directory stays usable, its other brokers and nodes work as before.
   */
  notAllowed: z.array(z.string()).optional(),
  /** `notAllowed` as kinds and names, same order, worded by the renderer (issue 22). */
  notAllowedSaid: z.array(NotAllowedEntrySchema).optional(),
});
export type FederationDirectory = z.infer<typeof FederationDirectorySchema>;

/** What a directory address holds, checked before Settings keeps it (issue 13). */
export const DirectoryCheckSchema = FederationDirectorySchema.pick({
  brokers: true,
  nodes: true,
  trustedVisaIssuers: true,
}).extend({ url: z.string() });
export type DirectoryCheck = z.infer<typeof DirectoryCheckSchema>;
