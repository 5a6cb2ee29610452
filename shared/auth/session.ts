import { z } from 'zod';
import { AccessLevelSchema, DuoTermSchema, GranularitySchema } from '../federation/directory';
import { VisaReasonSchema } from './visaReason';

/** One dataset as this user may see it: what the node offers and what the passport grants. */
export const DatasetAccessSchema = z.object({
  nodeId: z.string(),
  nodeName: z.string(),
  country: z.string(),
  datasetId: z.string(),
  title: z.string(),
  level: AccessLevelSchema,
  /** What this user gets from the node for this dataset. */
  granularity: GranularitySchema,
  /**
   * `node`: what the node returned to this user when asked at sign-in (issue 13, issue 15 item 5);
   * `passport`: what the passport leads to expect (the node could not be asked).
   */
  granularityFrom: z.enum(['node', 'passport']).optional(),
  duo: z.array(DuoTermSchema),
  /** When the visa behind this access expires (ISO 8601), for controlled access. */
  expiresAt: z.iso.datetime().optional(),
  expiringSoon: z.boolean(),
  expired: z.boolean(),
});
export type DatasetAccess = z.infer<typeof DatasetAccessSchema>;

/** A visa the app did not use, and why (PASS-02: never silently dropped). Never the raw JWT. */
export const IgnoredVisaSchema = z.object({
  type: z.string(),
  issuer: z.string(),
  value: z.string().optional(),
  /** Main's English (the audit log, the command line); `said` is what the page words. */
  reason: z.string(),
  said: VisaReasonSchema.optional(),
});
export type IgnoredVisa = z.infer<typeof IgnoredVisaSchema>;

export const AuthErrorCodeSchema = z.enum([
  'broker_unreachable',
  'login_cancelled',
  'login_timeout',
  'clock_skew',
  'access_revoked',
  'session_expired',
  'invalid_response',
  'directory_changed',
  'unknown',
]);
export type AuthErrorCode = z.infer<typeof AuthErrorCodeSchema>;

/**
 * What the renderer knows about the session (AUTH-01, AUTH-10): identity, broker and access.
 * Tokens, codes and raw visas never leave main.
 */
/**
 * Why secrets are kept in memory only (the key storage's code, AUTH-08): the renderer words each
 * (issue 22, decision 0076); main's English `reason` stays for the logs and the command line.
 */
export const MEMORY_ONLY_WHY = [
  'no-secure-store',
  'no-keyring',
  'browser-mode',
  'command-line',
] as const;
export type MemoryOnlyWhy = (typeof MEMORY_ONLY_WHY)[number];

/** Why a node's dataset list could not be read (issue 22): the renderer words each. */
export const NODE_LIST_WHY = ['http', 'timeout', 'not-beacon', 'unreachable'] as const;
export type NodeListWhy = (typeof NODE_LIST_WHY)[number];

export const SessionSummarySchema = z.object({
  state: z.enum(['signed-out', 'signing-in', 'signed-in']),
  user: z
    .object({ sub: z.string(), name: z.string().optional(), email: z.string().optional() })
    .optional(),
  broker: z.object({ issuer: z.string(), name: z.string() }).optional(),
  /** Where the refresh token is kept: encrypted in the OS store, or in memory only (and why). */
  persistence: z.object({
    mode: z.enum(['secure-store', 'memory-only']),
    reason: z.string().optional(),
    why: z.enum(MEMORY_ONLY_WHY).optional(),
  }),
  access: z.array(DatasetAccessSchema),
  ignoredVisas: z.array(IgnoredVisaSchema),
  error: z.object({ code: AuthErrorCodeSchema, message: z.string() }).optional(),
  /**
   * Only while signing in, and only when main could not open the system browser itself (browser
   * mode): the authorization URL for the page to open in a new tab. It carries state and the S256
   * challenge, never a code or token (docs/decisions/0005-sign-in.md).
   */
  authorizationUrl: z.url().optional(),
  /**
   * Only while signed in, and only in browser mode (main cannot open a tab there): the broker's
   * end-session page (RP-initiated logout) for the page to open when the person signs out. It
   * names the client only, never the ID token (issue 13).
   */
  endSessionUrl: z.url().optional(),
  /** Nodes whose dataset list could not be read; their datasets are missing from `access`. */
  nodeProblems: z
    .array(
      z.object({
        nodeId: z.string(),
        message: z.string(),
        // Issue 22 (decision 0063): the same as codes the renderer words; message stays English.
        name: z.string().max(200).optional(),
        why: z.enum(NODE_LIST_WHY).optional(),
        http: z.number().int().min(100).max(599).optional(),
      }),
    )
    .optional(),
});
export type SessionSummary = z.infer<typeof SessionSummarySchema>;
