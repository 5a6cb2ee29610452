import plist from 'plist';
import { POLICY_KEYS, nativePolicyName } from '../../../shared/settings/policy';
import type { SettingProblem } from '../../../shared/settings/settingProblem';
import type { PolicySourceRead } from '../settings/policySource';
import { firstPlistDuplicateKey } from './plistDuplicateKey';

/** The app's bundle id: configuration profiles address its managed preferences by it. */
export const BUNDLE_ID = 'org.cohortdesk.desktop';

/** Where macOS writes a configuration profile's forced preferences for the app (machine scope). */
export const MANAGED_PREFERENCES_FILE = `/Library/Managed Preferences/${BUNDLE_ID}.plist`;

const byName = new Map(POLICY_KEYS.map((k) => [nativePolicyName(k), k]));

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);

/**
 * A configuration profile's managed preferences for Cohort Desk, from the XML property list: the
 * file itself when it is XML, else `plutil -convert xml1 -o - <file>` of MANAGED_PREFERENCES_FILE.
 * Every managed preference is forced, so every key is locked; keys are the PascalCase policy names
 * (as in Group Policy). A dict that names a key twice applies nothing (decision 0106).
 */
export function managedPreferencesFromPlist(xml: string, location: string): PolicySourceRead {
  const base = { kind: 'configuration profile', location, found: true, defaults: {} } as const;
  let parsed: unknown;
  try {
    parsed = plist.parse(xml);
  } catch (error: unknown) {
    const detail = error instanceof Error ? error.message : String(error);
    // The plist parser's words are another program's: shown as written (decision 0071).
    return {
      ...base,
      locked: {},
      problems: [`not a property list: ${detail}`],
      said: [{ code: 'not-plist', params: { own: detail } }],
    };
  }
  if (!isRecord(parsed))
    return {
      ...base,
      locked: {},
      problems: ['the property list is not a dictionary'],
      said: [{ code: 'plist-not-dictionary' }],
    };
  // Decision 0106: a dict that names a key twice applies nothing (as a JSON policy file, 0100).
  const twice = firstPlistDuplicateKey(xml);
  if (twice !== undefined)
    return {
      ...base,
      locked: {},
      problems: [
        `line ${String(twice.line)}, column ${String(twice.column)}: the key "${twice.key}" is named twice in one dict (at ${twice.path}); property-list readers keep only one of them, so nothing of the file applies. Remove the repeat`,
      ],
      said: [
        {
          code: 'duplicate-key',
          params: { line: twice.line, column: twice.column, key: twice.key, field: twice.path },
        },
      ],
    };
  const locked: Record<string, unknown> = {};
  const problems: string[] = [];
  const said: SettingProblem[] = [];
  let cachePurgeRequest: unknown;
  for (const [name, value] of Object.entries(parsed)) {
    const key = byName.get(name);
    // macOS adds its own bookkeeping keys to managed preferences (e.g. PayloadUUID); skip them.
    if (key === undefined) {
      if (!/^(Payload|com\.apple\.|MCX)/.test(name)) {
        problems.push(`${name}: unknown policy`);
        said.push({ code: 'unknown-policy', params: { field: name } });
      }
      continue;
    }
    if (key === 'cachePurgeRequest') cachePurgeRequest = value;
    else locked[key] = value;
  }
  return {
    ...base,
    locked,
    problems,
    said,
    ...(cachePurgeRequest === undefined ? {} : { cachePurgeRequest }),
  };
}
