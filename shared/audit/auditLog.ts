import { z } from 'zod';

/** Why verification stopped at a line (issue 12 item 10); the message says it in words. */
export const AUDIT_BREAK_REASONS = [
  'torn',
  'not-json',
  'not-an-entry',
  'chain-broken',
  'sequence-gap',
  'hash-mismatch',
  'seal-mismatch',
  'rewritten',
  'head-missing',
  'head-unreadable',
  'head-seal-mismatch',
  'head-seal-missing',
  'truncated',
  'appended',
  'head-mismatch',
] as const;
export type AuditBreakReason = (typeof AUDIT_BREAK_REASONS)[number];

const count = z.number().int().nonnegative();
const verdictBase = {
  /** Lines read. */
  entries: count,
  /** Entries 1..sealedThrough are covered by a seal made with this installation's key. */
  sealedThrough: count,
  /** False while the vault is locked: the chain was checked, the seals were not. */
  keyChecked: z.boolean(),
};

/** The result of recomputing the audit chain: intact, or where it breaks (1-based line). */
export const AuditVerdictSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), ...verdictBase }),
  z.object({
    ok: z.literal(false),
    ...verdictBase,
    line: z.number().int().positive(),
    reason: z.enum(AUDIT_BREAK_REASONS),
    message: z.string(),
    /**
     * The numbers `message` names beyond `line` (issue 22, decision 0063), so the renderer words
     * the break: the last line of a span, the entry found or last written, the entry expected,
     * and whether a truncation was found by the sealed checkpoint.
     */
    detail: z
      .object({
        to: z.number().int().positive().optional(),
        entry: z.number().int().nonnegative().optional(),
        expected: z.number().int().nonnegative().optional(),
        sealed: z.boolean().optional(),
      })
      .strict()
      .optional(),
  }),
]);
export type AuditVerdict = z.infer<typeof AuditVerdictSchema>;

/** What the Settings & audit page asks for: newest entries first, filtered in main. */
export const AuditListRequestSchema = z
  .object({
    types: z.array(z.string().max(100)).max(50).optional(),
    /** Inclusive lower bound of the entry time (ISO instant). */
    from: z.iso.datetime().optional(),
    /** Exclusive upper bound of the entry time (ISO instant). */
    to: z.iso.datetime().optional(),
    /** Case-insensitive text in the type, the readable fields or the user's own sealed fields. */
    text: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(5000).optional(),
  })
  .strict();
export type AuditListRequest = z.infer<typeof AuditListRequestSchema>;

/** The sensitive fields of an entry as this user may see them, or why not. */
export const AuditPrivateSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('open'), fields: z.record(z.string(), z.unknown()) }),
  z.object({
    state: z.enum(['locked', 'other-user', 'installation', 'withheld', 'unreadable']),
    names: z.array(z.string()).optional(),
  }),
]);
export type AuditPrivate = z.infer<typeof AuditPrivateSchema>;

export const AuditRowSchema = z.object({
  line: z.number().int().positive(),
  seq: z.number().int().positive(),
  t: z.string(),
  type: z.string(),
  fields: z.record(z.string(), z.unknown()),
  private: AuditPrivateSchema.optional(),
  /** Covered by a seal made with this installation's key (checked, not just present). */
  sealed: z.boolean(),
});
export type AuditRow = z.infer<typeof AuditRowSchema>;

export const AuditListSchema = z.object({
  verdict: AuditVerdictSchema,
  /** Where the log is, for IT. */
  file: z.string(),
  rows: z.array(AuditRowSchema),
  /** Entries that match the filter (rows holds the newest `limit` of them). */
  matched: count,
  total: count,
  /** Every entry type present, for the type filter. */
  types: z.array(z.string()),
  /**
   * Breaks found earlier and recorded in the log itself (audit.break_found), whatever the filter:
   * writing after a break at the head renews the head, so this record is what keeps it visible.
   */
  breaks: z.array(
    z.object({
      seq: z.number().int().positive(),
      t: z.string(),
      line: z.number().int().positive().optional(),
      reason: z.string(),
    }),
  ),
});
export type AuditList = z.infer<typeof AuditListSchema>;
