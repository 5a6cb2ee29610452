import type { Settings } from '../../../shared/settings/settings';
import { defaultSettings } from '../../../shared/settings/settings';
import type { SettingProblem } from '../../../shared/settings/settingProblem';

/**
 * The settings file holds only the settings the user changed (issue 13), so a policy default or a
 * new built-in default still applies to everything else:
 * `{ "version": 2, "values": { "theme": "dark" } }`.
 *
 * Version 1 (Cohort Desk 0.1) was the flat object of every setting: a zod default filled the keys
 * the user never touched on each save, so a value equal to the built-in default there cannot be told
 * from one the user chose. Reading a version 1 file keeps only the values that differ from the
 * built-in default (docs/decisions/0013-settings-file-v2.md).
 */
export const SETTINGS_FILE_VERSION = 2;

/** The file's text for the user's own choices. */
export function settingsFileText(user: Partial<Settings>): string {
  return `${JSON.stringify({ version: SETTINGS_FILE_VERSION, values: user }, null, 2)}\n`;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** The user's entries from a parsed file of either version (not yet validated per key), or why not. */
export function userEntries(
  parsed: unknown,
):
  | { ok: true; entries: Record<string, unknown>; version: 1 | 2 }
  | { ok: false; detail: string; said: SettingProblem } {
  if (!isObject(parsed))
    return {
      ok: false,
      detail: 'the file does not contain a settings object',
      said: { code: 'not-settings' },
    };
  if (!('version' in parsed)) return { ok: true, entries: fromVersion1(parsed), version: 1 };
  if (parsed.version !== SETTINGS_FILE_VERSION)
    return {
      ok: false,
      detail: `settings file version ${String(parsed.version)} is not supported`,
      said: { code: 'version', params: { version: String(parsed.version) } },
    };
  if (!isObject(parsed.values))
    return {
      ok: false,
      detail: '"values" is not an object',
      said: { code: 'values-not-object' },
    };
  return { ok: true, entries: parsed.values, version: 2 };
}

function fromVersion1(flat: Record<string, unknown>): Record<string, unknown> {
  const defaults: Record<string, unknown> = defaultSettings();
  return Object.fromEntries(
    Object.entries(flat).filter(
      ([key, value]) =>
        !(key in defaults) || JSON.stringify(value) !== JSON.stringify(defaults[key]),
    ),
  );
}
