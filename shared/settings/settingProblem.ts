/**
 * What is wrong with the settings file, the policy file or the cache folder setting, as a code the
 * renderer words inside the notice (issue 22, decision 0076). The notice's `detail` stays main's
 * English (the logs, a window without the code); `settingProblem` and its values travel beside it
 * and are worded as `detail` from `coded.settingProblem.*`. `own` is another program's words (the
 * JSON parser's, zod's), shown as written.
 */
export const SETTING_PROBLEM_CODES = [
  'json',
  // A key named twice in one object (decision 0100): `key`, its JSON path as `field`, line, column.
  'duplicate-key',
  'not-settings',
  'version',
  'values-not-object',
  'unknown',
  'invalid',
  'several',
  'env-missing',
  'not-absolute',
  // The native policy readers (Group Policy's registry values, a configuration profile): the
  // value's or key's name as `field`; registry types (`REG_DWORD` …) are Windows' names, not words.
  'unknown-policy',
  'registry-type',
  'registry-flag',
  'purge-recommended',
  'not-plist',
  'plist-not-dictionary',
  'plutil-failed',
] as const;
export type SettingProblemCode = (typeof SETTING_PROBLEM_CODES)[number];

export interface SettingProblem {
  readonly code: SettingProblemCode;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** A problem as notice parameters (strings, as notices carry them). */
export function settingProblemParams(p: SettingProblem | undefined): Record<string, string> {
  if (p === undefined) return {};
  const out: Record<string, string> = { settingProblem: p.code };
  for (const [k, v] of Object.entries(p.params ?? {})) out[k] = String(v);
  return out;
}
