import { z } from 'zod';
import { SUPPORTED_LANGUAGES } from '../i18n/languages';

const HttpUrl = z.url({ protocol: /^https?$/ });
const httpUrl = (s: string): boolean => HttpUrl.safeParse(s).success;

/** One trusted visa issuer of the policy: its issuer URL, optionally a space and its key-set URL. */
export const TrustedVisaIssuerEntrySchema = z
  .string()
  .max(2100)
  .regex(/^\S+( \S+)?$/, 'an issuer URL, optionally followed by a space and its key-set (jku) URL')
  .refine((s) => s.split(' ').every(httpUrl), 'must be http(s) URLs');

/**
 * A host a policy allows: a DNS name (internationalised names as written, bücher.example, decision
 * 0105) or an IP address (IPv6 in brackets), optionally `:port`. Main compares it as URLs carry
 * hosts (ASCII, lower case: `hostAllowed`).
 */
export const HostEntrySchema = z
  .string()
  .max(300)
  .regex(
    /^(\[[0-9A-Fa-f:.]+\]|[\p{L}\p{N}]([\p{L}\p{N}\p{M}.-]*[\p{L}\p{N}])?)(:[0-9]{1,5})?$/u,
    'a host name or address, optionally followed by :port',
  );

/** User settings: every key has a default, so a missing or partial file still yields valid settings. */
export const SettingsSchema = z.object({
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  /** The interface language; 'system' follows the operating system's (browser's) languages (issue 22). */
  language: z.enum(['system', ...SUPPORTED_LANGUAGES]).default('system'),
  /** Per-node timeout for federated queries, in milliseconds (BCN: a slow node never blocks others). */
  nodeTimeoutMs: z.number().int().min(500).max(60_000).default(5_000),
  /** Whether record-level subsets may be pulled into the local encrypted cache (policy: AllowLocalCache). */
  allowLocalCache: z.boolean().default(true),
  /** Where the federation directory comes from: the embedded demo federation or a hospital-provided URL. */
  federationConfigUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]).default(''),
  /** Origins that external links may open in the system browser (https only). */
  externalLinkOrigins: z
    .array(z.url({ protocol: /^https$/ }))
    .max(50)
    .default(['https://www.ga4gh.org', 'https://hpo.jax.org', 'https://www.orpha.net']),
  /** Sign-in services (OIDC issuer URLs) that may be used; empty: every broker of the directory (issue 21). */
  allowedBrokers: z
    .array(z.url({ protocol: /^https?$/ }))
    .max(50)
    .default([]),
  /** Nodes (directory ids) that may be contacted; empty: every node of the directory (issue 21). */
  allowedNodes: z
    .array(z.string().regex(/^[A-Za-z0-9._-]{1,100}$/))
    .max(200)
    .default([]),
  /**
   * Folder of the encrypted local cache, '' for `<data>/vault`; absolute, `${NAME}` expands an
   * environment variable (e.g. `${LOCALAPPDATA}`). Read at start (issue 21, STANDARDS 5.6).
   */
  cacheLocation: z
    .string()
    .max(1000)
    .regex(/^$|^(\/|[A-Za-z]:[\\/]|\\\\|\$\{[A-Za-z_][A-Za-z0-9_]*\})/, 'must be an absolute path')
    .default(''),
  /** Minutes between purges of expired or revoked datasets from the cache (DATA-05). Read at start. */
  purgeIntervalMinutes: z.number().int().min(5).max(1440).default(60),
  /**
   * Days a pulled dataset may stay in the cache, whatever its grant says; 0: until the grant ends
   * (STANDARDS 5.6 CacheMaxDays, DATA-05; issue 21).
   */
  cacheMaxDays: z.number().int().min(0).max(3650).default(0),
  /**
   * Visa issuers the app trusts, narrowing the directory's list: `ISS` (with the key-set URL the
   * directory gives) or `ISS JKU` (that pair only); empty: the directory's list (STANDARDS 5.6
   * TrustedVisaIssuers, PASS-02; issue 21).
   */
  trustedVisaIssuers: z.array(TrustedVisaIssuerEntrySchema).max(50).default([]),
  /** Hosts (`host` or `host:port`) a node's Beacon may be on; empty: any (STANDARDS 5.6; issue 21). */
  allowedBeaconHosts: z.array(HostEntrySchema).max(200).default([]),
  /** Hosts (`host` or `host:port`) a node's htsget may be on; empty: any (STANDARDS 5.6; issue 21). */
  allowedHtsgetHosts: z.array(HostEntrySchema).max(200).default([]),
  /** Updates: off, notify (download on the user's word), automatic (download, install at quit). */
  updateMode: z.enum(['off', 'notify', 'automatic']).default('notify'),
  updateChannel: z.enum(['latest', 'beta']).default('latest'),
  /** The update feed (https, e.g. the hospital's internal mirror); '' means no feed: no update check. */
  updateFeedUrl: z.union([z.literal(''), z.url({ protocol: /^https$/ })]).default(''),
  /** Cohort Desk has no telemetry: the only value is 'none', lockable so IT can state it. */
  telemetry: z.enum(['none']).default('none'),
  /** Crash dumps contain memory (tokens, patient data): never uploaded; the only value is false. */
  crashReportUpload: z.literal(false).default(false),
});

export type Settings = z.infer<typeof SettingsSchema>;
export type SettingKey = keyof Settings;
export const SETTING_KEYS = Object.keys(SettingsSchema.shape) as SettingKey[];

type FieldSchemas = { [K in SettingKey]: (typeof SettingsSchema.shape)[K] };
type PatchShape = { [K in SettingKey]: z.ZodOptional<ReturnType<FieldSchemas[K]['unwrap']>> };

/**
 * A partial update: only known keys, each validated against its own schema, and nothing else. The
 * defaults are taken off first: zod 4 fills a default inside `.partial()`, so `{ theme }` used to
 * arrive as every setting and be stored as if the user had chosen them all (issue 13: a policy
 * default then never applied).
 */
export const SettingsPatchSchema = z
  .object(
    Object.fromEntries(
      Object.entries(SettingsSchema.shape).map(([key, field]) => [key, field.unwrap().optional()]),
    ) as PatchShape,
  )
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

/** Returns the default settings. */
export const defaultSettings = (): Settings => SettingsSchema.parse({});

export const NoticeSchema = z.object({
  id: z.string(),
  level: z.enum(['info', 'warning', 'error']),
  /** i18n key of the message, so the renderer says it in the user's language. */
  messageKey: z.string(),
  /** Values interpolated into the message (paths, line numbers). */
  params: z.record(z.string(), z.string()).default({}),
});
export type Notice = z.infer<typeof NoticeSchema>;

/** What the renderer sees: values, which keys hospital IT locked, and notices to show. */
export const SettingsViewSchema = z.object({
  values: SettingsSchema,
  locked: z.array(z.enum(SETTING_KEYS as [SettingKey, ...SettingKey[]])),
  notices: z.array(NoticeSchema),
  policyPath: z.string(),
  policyActive: z.boolean(),
  /** Where the locked values come from: the policy file, Group Policy, a configuration profile. */
  policySources: z.array(z.string()).optional(),
});
export type SettingsView = z.infer<typeof SettingsViewSchema>;
