import { z } from 'zod';
import { NotAllowedEntrySchema } from '../federation/directory';
import { codedSchema } from '../i18n/coded';

/**
 * A host list's notes as codes the renderer words (issue 22, decision 0076): a broker whose
 * discovery document could not be read (`broker`, `issuer`, `detail`: the fetch's or parser's
 * own words), the federation directory's problem (`directory` and its values), entries IT's
 * allow-lists removed (`entries`).
 */
export const HOST_NOTE_CODES = ['discovery', 'directory', 'not-allowed'] as const;
export const HostNoteSaidSchema = codedSchema(HOST_NOTE_CODES);
export type HostNoteSaid = z.infer<typeof HostNoteSaidSchema>;

/** Why the app may contact a host (issue 21: the list IT writes firewall rules from). */
export const HostPurposeSchema = z.enum([
  'federation-directory',
  'broker',
  'visa-issuer-keys',
  'beacon',
  'htsget',
  'update-feed',
  'external-link',
]);
export type HostPurpose = z.infer<typeof HostPurposeSchema>;

/**
 * What exactly the host is contacted for, as a code the renderer words in the user's language
 * (issue 22): `detail` keeps the English for the CLI's plain-text list.
 */
export const HostWhatSchema = z.enum([
  'directory',
  'discovery',
  'sign-in-page',
  'tokens',
  'passport',
  'signing-keys',
  'sign-out-page',
  'revocation',
  'visa-issuer',
  'node',
  'update-feed',
  'links',
]);
export type HostWhat = z.infer<typeof HostWhatSchema>;

export const HostReasonSchema = z.object({
  purpose: HostPurposeSchema,
  /** Whose request: the app itself, or the system browser (the broker's sign-in page). */
  by: z.enum(['app', 'browser']),
  /** The broker, node or feed it is for, in plain English (the CLI prints it). */
  detail: z.string(),
  what: HostWhatSchema,
  /** The broker's, node's or visa issuer's own name or id, as the directory gives it (data). */
  name: z.string().optional(),
  /** The broker is the live session's, kept while the directory cannot be read (issue 12). */
  session: z.literal(true).optional(),
  url: z.string(),
});
export type HostReason = z.infer<typeof HostReasonSchema>;

export const HostEntrySchema = z.object({
  scheme: z.enum(['https', 'http']),
  host: z.string(),
  port: z.number().int().min(1).max(65_535),
  reasons: z.array(HostReasonSchema),
});
export type HostEntry = z.infer<typeof HostEntrySchema>;

/** Every host and port the app may contact now, from the policy and the federation directory. */
export const HostListSchema = z.object({
  hosts: z.array(HostEntrySchema),
  /** Where the directory came from (policy, settings, embedded demo, none). */
  directorySource: z.string(),
  /**
   * False when hosts may be missing: the directory could not be read, or a broker's discovery
   * document could not (its endpoints may be elsewhere). The notes say which.
   */
  complete: z.boolean(),
  /** Caveats in plain words (a broker whose discovery could not be read, entries IT disallowed). */
  notes: z.array(z.string()),
  /** `notes` as codes, one per note in the same order (decision 0076). */
  said: z.array(HostNoteSaidSchema).optional(),
  /** The `not-allowed` note's entries as kinds and names, worded by the window (issue 22). */
  notAllowed: z.array(NotAllowedEntrySchema).optional(),
});
export type HostList = z.infer<typeof HostListSchema>;
