import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Notice, SettingKey, Settings } from '../../../shared/settings/settings';
import { SETTING_KEYS, SettingsSchema } from '../../../shared/settings/settings';
import { parseJsonWithLocation } from './jsonLocation';

/** Environment variable that overrides the policy path (tests, and IT staging a policy). */
export const POLICY_PATH_ENV = 'COHORT_DESK_POLICY';

/**
 * Where hospital IT puts the machine policy (STANDARDS 5.6: Linux /etc/<product>/policy.json;
 * macOS and Windows use the machine-wide application data folder).
 */
export function defaultPolicyPath(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  const override = env[POLICY_PATH_ENV];
  if (override !== undefined && override !== '') return override;
  if (platform === 'win32') {
    return join(env.ProgramData ?? 'C:\\ProgramData', 'Cohort Desk', 'policy.json');
  }
  if (platform === 'darwin') return '/Library/Application Support/Cohort Desk/policy.json';
  return '/etc/cohort-desk/policy.json';
}

export interface Policy {
  readonly path: string;
  readonly active: boolean;
  /** Preset and locked: the user cannot change these. */
  readonly locked: Partial<Settings>;
  /** Preset only: the user may change these. */
  readonly defaults: Partial<Settings>;
  readonly notices: Notice[];
}

const PolicyFileSchema = z.object({
  version: z.literal(1),
  locked: z.record(z.string(), z.unknown()).default({}),
  defaults: z.record(z.string(), z.unknown()).default({}),
});

/** Reads the policy file; a missing file means no policy, a bad one is reported and never half-applied per key. */
export function loadPolicy(path: string): Policy {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { path, active: false, locked: {}, defaults: {}, notices: [] };
  }
  const notices: Notice[] = [];
  const problem = (detail: string): Notice => ({
    id: `policy-invalid:${notices.length}`,
    level: 'error',
    messageKey: 'notice.policyInvalid',
    params: { path, detail },
  });
  const parsed = parseJsonWithLocation(text);
  if (!parsed.ok) {
    notices.push(problem(`line ${parsed.line}, column ${parsed.column}: ${parsed.message}`));
    return { path, active: true, locked: {}, defaults: {}, notices };
  }
  const file = PolicyFileSchema.safeParse(parsed.value);
  if (!file.success) {
    const issue = file.error.issues[0];
    notices.push(problem(`${issue?.path.join('.') || '(top level)'}: ${issue?.message ?? ''}`));
    return { path, active: true, locked: {}, defaults: {}, notices };
  }
  const pick = (section: 'locked' | 'defaults'): Partial<Settings> => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(file.data[section])) {
      if (!(SETTING_KEYS as string[]).includes(key)) {
        notices.push(problem(`${section}.${key}: unknown setting`));
        continue;
      }
      const check = SettingsSchema.shape[key as SettingKey].safeParse(value);
      if (check.success) out[key] = check.data;
      else
        notices.push(problem(`${section}.${key}: ${check.error.issues[0]?.message ?? 'invalid'}`));
    }
    return out;
  };
  return { path, active: true, locked: pick('locked'), defaults: pick('defaults'), notices };
}
