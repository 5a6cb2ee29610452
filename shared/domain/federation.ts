import { z } from 'zod';

/** Access level of a dataset as the node declares it (Beacon securityLevel). */
export const AccessLevelSchema = z.enum(['public', 'registered', 'controlled']);
export type AccessLevel = z.infer<typeof AccessLevelSchema>;

/** What a node returns to this user for a dataset: the Beacon granularity. */
export const GranularitySchema = z.enum(['none', 'boolean', 'count', 'record']);
export type Granularity = z.infer<typeof GranularitySchema>;

export const DuoTermSchema = z.object({ id: z.string(), label: z.string() });
export type DuoTerm = z.infer<typeof DuoTermSchema>;

export const BrokerSchema = z.object({
  issuer: z.url(),
  clientId: z.string().min(1),
  name: z.string(),
});
export type Broker = z.infer<typeof BrokerSchema>;

export const NodeEntrySchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  country: z.string(),
  beaconUrl: z.url(),
  htsgetUrl: z.url().optional(),
});
export type NodeEntry = z.infer<typeof NodeEntrySchema>;

/**
 * The federation directory: which brokers to sign in with, which nodes to query, and which visa
 * issuers (iss → jku) to trust. From the policy, the settings, or the embedded demo federation.
 */
export const FederationDirectorySchema = z.object({
  source: z.enum(['policy', 'settings', 'embedded-demo', 'none']),
  brokers: z.array(BrokerSchema),
  nodes: z.array(NodeEntrySchema),
  trustedVisaIssuers: z.array(z.object({ iss: z.url(), jku: z.url() })),
});
export type FederationDirectory = z.infer<typeof FederationDirectorySchema>;
