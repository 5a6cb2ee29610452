import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { VaultManifest } from '../../../shared/vault/vault';
import { VisaBindingSchema } from '../../../shared/vault/vault';
import { canonicalJson } from '../audit/canonicalJson';
import { writeFileAtomic } from '../settings/atomicWrite';
import { deriveKey } from './keyHierarchy';

/**
 * `binding.json` of a dataset folder or a staged pull (docs/decisions/0006-vault-format.md, 0011):
 * the visa binding and retention end in plaintext, so a purge works while the vault is locked or
 * its owner signed out. Since issue 12 it carries `mac` = HMAC-SHA256 under the master key's
 * `binding-mac` key over {place, binding}: an edited or moved binding is refused wherever the
 * master key is available, and a read also compares it with the sealed manifest.
 */

export const BindingZ = z.object({
  datasetId: z.string(),
  nodeId: z.string(),
  visa: VisaBindingSchema,
  expiresAt: z.iso.datetime(),
  /** When it was pulled (written since issue 21, for the policy's cacheMaxDays); MACed when present. */
  pulledAt: z.iso.datetime().optional(),
});
export type Binding = z.infer<typeof BindingZ>;

const BindingFileZ = BindingZ.extend({
  mac: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
export type BindingFile = z.infer<typeof BindingFileZ>;

/** The fields a binding states (a manifest passed as a binding brings many more). */
function signedFields(b: Binding): Binding {
  const { datasetId, nodeId, visa, expiresAt, pulledAt } = b;
  return { datasetId, nodeId, visa, expiresAt, ...(pulledAt === undefined ? {} : { pulledAt }) };
}

/** `place` = the folder's path under the vault root (`<scope>/<datasetId>`, `<scope>/.staging/<jobId>`). */
function macOf(masterKey: Buffer, place: string, b: Binding): Buffer {
  const key = deriveKey(masterKey, 'binding-mac');
  const mac = createHmac('sha256', key)
    .update(canonicalJson({ v: 1, place, binding: signedFields(b) }))
    .digest();
  key.fill(0);
  return mac;
}

/** Writes `dir/binding.json` with its MAC for the folder's final `place`. */
export function writeBinding(dir: string, place: string, b: Binding, masterKey: Buffer): void {
  const mac = macOf(masterKey, place, b).toString('hex');
  writeFileAtomic(join(dir, 'binding.json'), JSON.stringify({ ...signedFields(b), mac }));
}

/** The binding as stored (MAC not checked), or undefined when missing or unparseable. */
export function readBinding(dir: string): BindingFile | undefined {
  try {
    return BindingFileZ.parse(JSON.parse(readFileSync(join(dir, 'binding.json'), 'utf8')));
  } catch {
    return undefined;
  }
}

/** `valid`: MAC matches; `unsigned`: written before issue 12 (no MAC); `forged`: MAC wrong. */
export function checkBinding(
  b: BindingFile,
  place: string,
  masterKey: Buffer,
): 'valid' | 'unsigned' | 'forged' {
  if (b.mac === undefined) return 'unsigned';
  const want = macOf(masterKey, place, b);
  const got = Buffer.from(b.mac, 'hex');
  return got.length === want.length && timingSafeEqual(got, want) ? 'valid' : 'forged';
}

/** True when the plaintext binding says exactly what the sealed (authenticated) manifest says. */
export function matchesManifest(b: Binding, m: VaultManifest): boolean {
  const pick = (x: Binding) => ({
    datasetId: x.datasetId,
    nodeId: x.nodeId,
    visa: x.visa,
    expiresAt: x.expiresAt,
  });
  if (b.pulledAt !== undefined && b.pulledAt !== m.pulledAt) return false;
  return canonicalJson(pick(b)) === canonicalJson(pick(m));
}

/** Retention end in ms (DATA-05, PASS-03): min(visa exp, expiresAt). */
export const retentionEnd = (b: Binding): number =>
  Math.min(b.visa.exp * 1000, Date.parse(b.expiresAt));
