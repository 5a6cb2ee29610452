import { z } from 'zod';
import type { SettingKey } from './settings';
import { SETTING_KEYS, SettingsPatchSchema } from './settings';

/**
 * The machine policy (decision 0004, issue 21): one zod schema from which the app validates every
 * mechanism (policy file, Windows Group Policy, macOS configuration profile) and from which the
 * JSON Schema, ADMX/ADML and .mobileconfig templates are generated, so they cannot drift.
 */

/** A request from IT to purge every cached dataset once, at the next start (issue 21). */
export const CachePurgeRequestSchema = z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/);

export const PolicyDocumentSchema = z
  .object({
    $schema: z.string().optional(),
    version: z.literal(1),
    /** Preset and locked: the user cannot change these. */
    locked: SettingsPatchSchema.default({}),
    /** Preset only: the user may change these. */
    defaults: SettingsPatchSchema.default({}),
    /** A new value (any token, e.g. a ticket number) purges the local cache once at the next start. */
    cachePurgeRequest: CachePurgeRequestSchema.optional(),
  })
  .strict();
export type PolicyDocument = z.input<typeof PolicyDocumentSchema>;

/** Every key a native mechanism (registry value, managed preference) may carry. */
export type PolicyKey = SettingKey | 'cachePurgeRequest';
export const POLICY_KEYS: readonly PolicyKey[] = [...SETTING_KEYS, 'cachePurgeRequest'];

/** The name of a key in Group Policy and configuration profiles: PascalCase (`UpdateMode`). */
export const nativePolicyName = (key: PolicyKey): string =>
  `${key.charAt(0).toUpperCase()}${key.slice(1)}`;

/** How a key is stored natively (REG_DWORD, REG_SZ, REG_MULTI_SZ; plist bool, integer, string, array). */
export type PolicyFieldKind =
  | { kind: 'boolean'; only?: boolean }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'enum'; values: string[] }
  | { kind: 'string'; format?: 'uri' | 'path' | 'token' }
  | { kind: 'list' };

/** The schema of one key's value (the settings' own field schema, without its default). */
export function policyFieldSchema(key: PolicyKey): z.ZodType {
  return key === 'cachePurgeRequest' ? CachePurgeRequestSchema : SettingsPatchSchema.shape[key];
}

type JsonSchema = {
  type?: string;
  enum?: string[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  format?: string;
  anyOf?: JsonSchema[];
};

/** The native storage kind of a key, read from its JSON Schema (so a new setting needs no table entry). */
export function policyFieldKind(key: PolicyKey): PolicyFieldKind {
  if (key === 'cachePurgeRequest') return { kind: 'string', format: 'token' };
  if (key === 'cacheLocation') return { kind: 'string', format: 'path' };
  const json = z.toJSONSchema(policyFieldSchema(key), { io: 'input' }) as JsonSchema;
  const branches = json.anyOf ?? [json];
  const main = branches.find((b) => b.const !== '') ?? json;
  if (main.type === 'boolean')
    return typeof main.const === 'boolean'
      ? { kind: 'boolean', only: main.const }
      : { kind: 'boolean' };
  if (main.type === 'integer')
    return { kind: 'integer', min: main.minimum ?? 0, max: main.maximum ?? 2 ** 31 - 1 };
  if (main.type === 'array') return { kind: 'list' };
  if (main.enum !== undefined) return { kind: 'enum', values: main.enum };
  return main.format === 'uri' ? { kind: 'string', format: 'uri' } : { kind: 'string' };
}

/** The JSON Schema of the policy file (published as deploy/policy/policy.schema.json). */
export function policyJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PolicyDocumentSchema, { io: 'input' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'urn:cohort-desk:policy:1',
    title: 'Cohort Desk machine policy',
    description: 'docs/hospital-it.md; every key of "locked" and "defaults" is described there.',
  };
}
