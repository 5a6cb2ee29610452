import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from './canonicalJson';

/** What the audit log records (DESIGN audit, DATA-08: sign-ins, queries, pulls, exports, purges). */
export type AuditType =
  | 'auth.sign_in'
  | 'auth.sign_in_failed'
  | 'auth.refresh_failed'
  | 'auth.sign_out'
  | 'auth.visa_rejected'
  | 'search.run'
  | 'vault.write'
  | 'vault.purge'
  | 'vault.unlock_failed'
  /** A grant could not be checked (node or directory unreachable): nothing purged (issue 12). */
  | 'vault.check_deferred'
  | 'pull.start'
  | 'pull.refused'
  | 'pull.failed'
  | 'pull.cancelled'
  /** A staged (interrupted) pull's pages were purged with its grant (issue 12). */
  | 'pull.staging_purged'
  | 'cohort.save'
  | 'cohort.export'
  /** A patient case was imported, failed to import, opened, exported or deleted (issue 16). */
  | 'case.import'
  | 'case.import_failed'
  | 'case.open'
  | 'case.export'
  | 'case.delete'
  /** An older case was rewritten to the current case schema when opened (decision 0035). */
  | 'case.upgrade'
  /** Case work changed (status, tags, notes, evidence, sign-off) or its report was made (issue 18). */
  | 'case.work'
  | 'case.report'
  /** Seen before: a case's alleles were looked up at the nodes; patients like mine was asked (issue 18). */
  | 'seen.lookup'
  | 'seen.like'
  /** A torn last line (a crash mid-append) was moved aside at start (issue 12). */
  | 'audit.recovered'
  /** Entries written without a seal (vault locked, or an older version) were sealed (issue 12). */
  | 'audit.sealed'
  /** Verification with the key found a break; recorded so the log itself says so (issue 12). */
  | 'audit.break_found';

export const GENESIS = '0'.repeat(64);

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * The sensitive fields of an entry (issue 12 item 11), sealed to the X25519 key of the user who was
 * signed in (`to`: their vault scope, or "installation" when nobody was), or withheld (names only)
 * when no such key existed yet. Hex, so no query text can show through (DATA-08 grep test).
 */
export const SealedFieldsZ = z.union([
  z
    .object({
      to: z.string().regex(/^([0-9a-f]{32}|installation)$/),
      epk: Hex64,
      box: z.string().regex(/^([0-9a-f]{2})+$/),
    })
    .strict(),
  z.object({ withheld: z.array(z.string()).min(1) }).strict(),
]);
export type SealedFields = z.infer<typeof SealedFieldsZ>;

/** One line of audit.jsonl. Legacy (0.1) lines are the same without `sealed` and `mac`. */
export const AuditEntryZ = z
  .object({
    seq: z.number().int().positive(),
    t: z.iso.datetime(),
    type: z.string().min(1).max(100),
    fields: z.record(z.string(), z.unknown()),
    sealed: SealedFieldsZ.optional(),
    /** Hash of the previous entry (GENESIS for the first). */
    prev: Hex64,
    /** sha256 over the canonical JSON of every other member but `mac`. */
    hash: Hex64,
    /** HMAC of `hash` with the installation's audit key: absent while the vault was locked. */
    mac: Hex64.optional(),
  })
  .strict();
export type AuditEntry = z.infer<typeof AuditEntryZ>;

/** The head record (audit.head.json): the last entry, and the last one sealed with the key. */
export const AuditHeadZ = z
  .object({
    v: z.literal(2).optional(),
    seq: z.number().int().nonnegative(),
    hash: Hex64,
    sealed: z.object({ seq: z.number().int().positive(), hash: Hex64, mac: Hex64 }).optional(),
  })
  .strict();
export type AuditHead = z.infer<typeof AuditHeadZ>;

/** sha256 of an entry's canonical JSON without `hash` and `mac` (the raw object, never a parsed copy). */
export function entryHash(raw: Record<string, unknown>): string {
  const body = { ...raw };
  delete body.hash;
  delete body.mac;
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

/** The seal of one entry: HMAC-SHA256 of its hash under the audit chain key. */
export function entryMac(key: Uint8Array, hash: string): string {
  return createHmac('sha256', key).update(`cohort-desk audit entry v1\n${hash}`).digest('hex');
}

/** The seal of the head checkpoint (seq and hash of the last sealed entry). */
export function headMac(key: Uint8Array, seq: number, hash: string): string {
  return createHmac('sha256', key)
    .update(canonicalJson({ what: 'cohort-desk audit head v1', seq, hash }))
    .digest('hex');
}

/** Constant-time comparison of two hex strings. */
export function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
