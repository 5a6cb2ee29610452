import { z } from 'zod';
import { codedSchema } from '../i18n/coded';

/**
 * Why the vault route (`GET /vault/{datasetId}/…`, electron/main/vault/serveVaultTable.ts) did not
 * give a dataset's file, as a code the renderer words (issue 22, decision 0076). `not-readable`
 * carries the vault's own note (`note`: a `coded.vaultNote` code, with its values); `format` the
 * copy's storage format (`format`). The English `message` stays for the logs and older windows.
 */
export const VAULT_REFUSAL_CODES = [
  'not-found',
  'signed-out',
  'locked',
  'no-dataset',
  'not-readable',
  'key-missing',
  'binding',
  'format',
  'decrypt',
] as const;
export type VaultRefusalCode = (typeof VAULT_REFUSAL_CODES)[number];
export const VaultRefusalSaidSchema = codedSchema(VAULT_REFUSAL_CODES);
export type VaultRefusalSaid = z.infer<typeof VaultRefusalSaidSchema>;

/** The route's refusal body (JSON): main's English and its code. */
export const VaultRefusalSchema = z
  .object({ message: z.string().max(4000), said: VaultRefusalSaidSchema })
  .strict();
export type VaultRefusal = z.infer<typeof VaultRefusalSchema>;
