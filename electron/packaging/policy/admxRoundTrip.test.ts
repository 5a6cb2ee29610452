import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { nativePolicyName } from '../../../shared/settings/policy';
import { loadPolicy } from '../../main/settings/policy';
import { registryPolicyFromRegQuery } from '../../main/platform/registryPolicy';
import { EXAMPLE_POLICY } from './exampleValues';

type Node = Record<string, unknown>;
const asArray = <T>(x: T | T[] | undefined): T[] =>
  x === undefined ? [] : Array.isArray(x) ? x : [x];

const admx = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(
  readFileSync(
    join(import.meta.dirname, '..', '..', '..', 'deploy', 'windows', 'CohortDesk.admx'),
    'utf8',
  ),
) as { policyDefinitions: { policies: { policy: Node[] } } };
const policies = admx.policyDefinitions.policies.policy;

/** The example value a policy of this name carries (`X` and `X_Recommended` both set key x). */
function exampleFor(policyName: string): unknown {
  const name = policyName.replace(/_Recommended$/, '');
  const key = Object.keys(EXAMPLE_POLICY).find((k) => nativePolicyName(k as never) === name);
  if (key === undefined) throw new Error(`ADMX policy ${policyName} has no policy key`);
  return EXAMPLE_POLICY[key as keyof typeof EXAMPLE_POLICY];
}

/**
 * What the Group Policy client writes for one enabled (or, for a boolean, disabled) ADMX policy, by
 * the ADMX rules: enabledValue/disabledValue decimals as REG_DWORD; a decimal element as REG_DWORD;
 * text as REG_SZ (REG_EXPAND_SZ when expandable); multiText as REG_MULTI_SZ; an enum as its item's
 * value. Returns [registry key, value name, type, data as `reg query` prints it].
 */
function applied(policy: Node): [string, string, string, string] {
  const key = `HKEY_LOCAL_MACHINE\\${String(policy.key)}`;
  const value = exampleFor(String(policy.name));
  const dword = (n: number): string => `0x${n.toString(16)}`;
  if (policy.valueName !== undefined) {
    const enabled = (policy.enabledValue as { decimal: { value: string } } | undefined)?.decimal
      .value;
    const disabled = (policy.disabledValue as { decimal: { value: string } } | undefined)?.decimal
      .value;
    const data = value === true ? enabled : value === false ? (disabled ?? enabled) : undefined;
    if (data === undefined)
      throw new Error(`${String(policy.name)}: no registry value for ${String(value)}`);
    return [key, policy.valueName as string, 'REG_DWORD', dword(Number(data))];
  }
  const elements = policy.elements as Record<string, Node>;
  const [kind, element] = Object.entries(elements)[0] as [string, Node];
  const name = String(element.valueName);
  if (kind === 'decimal') return [key, name, 'REG_DWORD', dword(value as number)];
  if (kind === 'multiText') return [key, name, 'REG_MULTI_SZ', (value as string[]).join('\\0')];
  if (kind === 'text')
    return [key, name, element.expandable === 'true' ? 'REG_EXPAND_SZ' : 'REG_SZ', String(value)];
  if (kind === 'enum') {
    const item = asArray(element.item as Node | Node[]).find(
      (i) => (i.value as { string?: string }).string === value,
    );
    if (item === undefined) throw new Error(`${String(policy.name)}: no item for ${String(value)}`);
    return [key, name, 'REG_SZ', String(value)];
  }
  throw new Error(`${String(policy.name)}: element ${kind} not modelled`);
}

/** `reg query <key> /s` output for the applied values. */
function regQuery(values: [string, string, string, string][]): string {
  const byKey = new Map<string, string[]>();
  for (const [key, name, type, data] of values)
    byKey.set(key, [...(byKey.get(key) ?? []), `    ${name}    ${type}    ${data}`]);
  return [...byKey].map(([key, lines]) => `\r\n${key}\r\n${lines.join('\r\n')}\r\n`).join('');
}

describe('issue 21: the ADMX template, applied as Group Policy applies it, reads back as the same policy', () => {
  const { cachePurgeRequest, ...settings } = EXAMPLE_POLICY;

  it('every locked policy enabled with the example values: the app reads every key, locked', () => {
    const locked = policies.filter((p) => !String(p.name).endsWith('_Recommended'));
    const source = registryPolicyFromRegQuery(regQuery(locked.map(applied)));
    const policy = loadPolicy('/nonexistent/policy.json', [source]);
    expect(policy.notices).toEqual([]);
    expect(policy.locked).toEqual(settings);
    expect(policy.defaults).toEqual({});
    expect(policy.cachePurgeRequest).toBe(cachePurgeRequest);
  });

  it('every recommended policy enabled: the app reads every setting as a default the user may change', () => {
    const recommended = policies.filter((p) => String(p.name).endsWith('_Recommended'));
    const source = registryPolicyFromRegQuery(regQuery(recommended.map(applied)));
    const policy = loadPolicy('/nonexistent/policy.json', [source]);
    expect(policy.notices).toEqual([]);
    expect(policy.locked).toEqual({});
    expect(policy.defaults).toEqual(settings);
  });
});
