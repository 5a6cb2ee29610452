import type { PolicyKey } from '../../../shared/settings/policy';
import { POLICY_KEYS, nativePolicyName, policyFieldKind } from '../../../shared/settings/policy';
import type { SettingProblem } from '../../../shared/settings/settingProblem';
import type { PolicySourceRead } from '../settings/policySource';

/** Group Policy's key for Cohort Desk (our own vendor key: Intune refuses `Policies\Microsoft\*`). */
export const POLICY_REGISTRY_KEY = 'HKLM\\SOFTWARE\\Policies\\CohortDesk\\CohortDesk';
/** Values under this subkey are presets the user may change (Chrome's "Recommended" convention). */
export const RECOMMENDED_SUBKEY = 'Recommended';

interface RegValue {
  readonly type: string;
  readonly data: string;
}

/**
 * Parses the text of `reg query <key> /s`: a key line (`HKEY_LOCAL_MACHINE\…`) followed by value lines
 * `    Name    REG_TYPE    data` (four-space separators; names and data may contain spaces).
 */
export function parseRegQuery(text: string): Map<string, Map<string, RegValue>> {
  const keys = new Map<string, Map<string, RegValue>>();
  let current: Map<string, RegValue> | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (/^HKEY_[A-Z_]+(\\|$)/.test(line)) {
      current = new Map();
      keys.set(line.trim().toUpperCase(), current);
      continue;
    }
    const value = /^ {4}(.+?) {4}(REG_[A-Z0-9_]+)(?: {4}(.*))?$/.exec(line);
    if (value !== null && current !== undefined) {
      current.set(value[1] ?? '', { type: value[2] ?? '', data: value[3] ?? '' });
    }
  }
  return keys;
}

const longKey = (key: string): string =>
  key.replace(/^HKLM\\/i, 'HKEY_LOCAL_MACHINE\\').toUpperCase();

/**
 * One registry value as the JSON value of its key, or why it cannot be (the type does not fit):
 * `why` in English for the logs, `expected` the registry type wanted (`flag` for a DWORD 0 or 1).
 */
function decode(
  key: PolicyKey,
  v: RegValue,
): { ok: true; value: unknown } | { ok: false; why: string; expected: string; flag?: true } {
  const kind = policyFieldKind(key);
  const dword = (): number | undefined =>
    v.type === 'REG_DWORD' && /^0x[0-9a-f]+$/i.test(v.data)
      ? Number.parseInt(v.data, 16)
      : undefined;
  switch (kind.kind) {
    case 'boolean': {
      const n = dword();
      return n === undefined
        ? { ok: false, why: 'expected REG_DWORD 0 or 1', expected: 'REG_DWORD', flag: true }
        : { ok: true, value: n !== 0 };
    }
    case 'integer': {
      const n = dword();
      return n === undefined
        ? { ok: false, why: 'expected REG_DWORD', expected: 'REG_DWORD' }
        : { ok: true, value: n };
    }
    case 'list':
      if (v.type !== 'REG_MULTI_SZ')
        return { ok: false, why: 'expected REG_MULTI_SZ', expected: 'REG_MULTI_SZ' };
      return { ok: true, value: v.data === '' ? [] : v.data.split('\\0').filter((s) => s !== '') };
    default:
      if (v.type !== 'REG_SZ' && v.type !== 'REG_EXPAND_SZ')
        return { ok: false, why: 'expected REG_SZ', expected: 'REG_SZ' };
      return { ok: true, value: v.data };
  }
}

const byName = new Map(POLICY_KEYS.map((k) => [nativePolicyName(k).toUpperCase(), k]));

/** Problems in English (the logs) and as codes the window words, same order (decision 0076). */
interface Found {
  readonly problems: string[];
  readonly said: SettingProblem[];
}

function section(values: Map<string, RegValue> | undefined, found: Found, where: string) {
  const out: Record<string, unknown> = {};
  for (const [name, v] of values ?? []) {
    const key = byName.get(name.toUpperCase());
    const field = `${where}${name}`;
    if (key === undefined) {
      found.problems.push(`${field}: unknown policy`);
      found.said.push({ code: 'unknown-policy', params: { field } });
      continue;
    }
    const decoded = decode(key, v);
    if (decoded.ok) out[key] = decoded.value;
    else {
      found.problems.push(`${field}: ${decoded.why}, found ${v.type}`);
      found.said.push({
        code: decoded.flag === true ? 'registry-flag' : 'registry-type',
        params: { field, expected: decoded.expected, found: v.type },
      });
    }
  }
  return out;
}

/**
 * Group Policy for Cohort Desk from `reg query HKLM\SOFTWARE\Policies\CohortDesk\CohortDesk /s`
 * output: values under the key are locked, values under `Recommended` are defaults. Value names are
 * the PascalCase policy names of the ADMX template (deploy/windows/CohortDesk.admx).
 */
export function registryPolicyFromRegQuery(
  text: string,
  key = POLICY_REGISTRY_KEY,
): PolicySourceRead {
  const keys = parseRegQuery(text);
  const base = keys.get(longKey(key));
  const recommended = keys.get(longKey(`${key}\\${RECOMMENDED_SUBKEY}`));
  const problems: string[] = [];
  const said: SettingProblem[] = [];
  const found = base !== undefined || recommended !== undefined;
  const locked = section(base, { problems, said }, '');
  const defaults = section(recommended, { problems, said }, `${RECOMMENDED_SUBKEY}\\`);
  const { cachePurgeRequest, ...lockedSettings } = locked;
  if ('cachePurgeRequest' in defaults) {
    const field = `${RECOMMENDED_SUBKEY}\\CachePurgeRequest`;
    problems.push(`${field}: only allowed under the policy key itself`);
    said.push({ code: 'purge-recommended', params: { field } });
    delete defaults.cachePurgeRequest;
  }
  return {
    kind: 'Group Policy',
    location: key,
    found,
    locked: lockedSettings,
    defaults,
    problems,
    said,
    ...(cachePurgeRequest === undefined ? {} : { cachePurgeRequest }),
  };
}
