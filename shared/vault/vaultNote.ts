import { codedSchema } from '../i18n/coded';
import type { RemovedEntry } from './vault';

/**
 * Why a cached dataset is kept, locked or deleted (electron/main/vault/retention.ts), as a code the
 * Cohorts page words in the reader's language (issue 22, decision 0064). Values are data: the
 * dataset and node ids, ISO dates (`until`, `pulled`), a number of days, and `why`, the passport
 * check's own reason as main wrote it.
 */
export const VaultNoteCodedSchema = codedSchema([
  'corrupt',
  'grant-expired',
  'max-days-policy',
  'max-days-settings',
  'policy-no-cache',
  'cache-off',
  'sign-in',
  'unverifiable-kept',
  'unverifiable-locked',
  'not-listed',
  'passport-only',
  'node-absent',
  'node-unreachable',
  'revoked',
  // electron/main/vault/vaultInspect.ts: a copy or a staged pull deleted (issue 22, decision 0070).
  'key-missing',
  'integrity',
  'tampered',
  'tampered-staging',
  'staging-revoked',
]);
export type VaultNoteCoded = ReturnType<typeof VaultNoteCodedSchema.parse>;

/** A note's code beside its English, when it has one. */
export function saidOf(r: { said?: VaultNoteCoded | undefined }): { said?: VaultNoteCoded } {
  return r.said === undefined ? {} : { said: r.said };
}

/** A removed entry as the list sends it (without the owner's scope). */
export function removedEntry(r: RemovedEntry): RemovedEntry {
  return { datasetId: r.datasetId, reason: r.reason, message: r.message, at: r.at, ...saidOf(r) };
}
