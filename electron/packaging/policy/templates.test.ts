import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import plist from 'plist';
import { describe, expect, it } from 'vitest';
import { POLICY_KEYS, nativePolicyName, policyFieldKind } from '../../../shared/settings/policy';
import { SETTING_KEYS } from '../../../shared/settings/settings';
import { loadPolicy } from '../../main/settings/policy';
import { managedPreferencesFromPlist } from '../../main/platform/managedPreferences';
import { EXAMPLE_POLICY } from './exampleValues';
import { MAC_CACHE_EXAMPLE, policyTemplates } from './generate';
import { payloadPreferences } from './mobileconfig';

const deploy = join(import.meta.dirname, '..', '..', '..', 'deploy');
const templates = policyTemplates();
const committed = (path: string): string => readFileSync(join(deploy, path), 'utf8');
const { cachePurgeRequest, ...exampleSettings } = EXAMPLE_POLICY;

describe('issue 21: policy templates generated from the zod schema', () => {
  it('the committed deploy/ files are the generated ones (run npm run policy:templates)', () => {
    for (const [path, text] of Object.entries(templates)) expect(committed(path), path).toBe(text);
  });

  it('the JSON Schema lists every setting, and the example validates against it and round-trips', () => {
    const schema = JSON.parse(committed('policy/policy.schema.json')) as {
      properties: { locked: { properties: object } };
    };
    expect(Object.keys(schema.properties.locked.properties).sort()).toEqual(
      [...SETTING_KEYS].sort(),
    );
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const example: unknown = JSON.parse(committed('policy/policy.example.json'));
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ version: 1, locked: { updateMode: 'sometimes' } })).toBe(false);
    expect(validate({ version: 1, locked: { colour: 'red' } })).toBe(false);
    const policy = loadPolicy(join(deploy, 'policy', 'policy.example.json'));
    expect(policy.notices).toEqual([]);
    expect(policy.locked).toEqual(exampleSettings);
    expect(policy.cachePurgeRequest).toBe(cachePurgeRequest);
  });

  it('the .mobileconfig parses as a property list and its payload round-trips to the same policy', () => {
    const text = committed('macos/org.cohortdesk.desktop.mobileconfig');
    expect(() => plist.parse(text)).not.toThrow();
    const prefs = plist.build(payloadPreferences(text));
    const policy = loadPolicy('/nonexistent', [managedPreferencesFromPlist(prefs, 'profile')]);
    expect(policy.notices).toEqual([]);
    expect(policy.locked).toEqual({ ...exampleSettings, cacheLocation: MAC_CACHE_EXAMPLE });
    expect(policy.cachePurgeRequest).toBe(cachePurgeRequest);
  });
});

type Node = Record<string, unknown>;
const asArray = <T>(v: T | T[] | undefined): T[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];

describe('issue 21: ADMX/ADML', () => {
  const admxText = committed('windows/CohortDesk.admx');
  const admlText = committed('windows/en-US/CohortDesk.adml');
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
  const admx = parser.parse(admxText) as { policyDefinitions: { policies: { policy: Node[] } } };
  const adml = parser.parse(admlText) as {
    policyDefinitionResources: {
      resources: {
        stringTable: { string: { id: string }[] };
        presentationTable: { presentation: Node[] };
      };
    };
  };
  const policies = admx.policyDefinitions.policies.policy;
  const strings = new Set(
    adml.policyDefinitionResources.resources.stringTable.string.map((s) => s.id),
  );
  const presentations = new Map(
    adml.policyDefinitionResources.resources.presentationTable.presentation.map((p) => [
      p.id as string,
      p,
    ]),
  );

  it('both files are well-formed XML', () => {
    expect(SyntaxValidator.validate(admxText)).toBe(true);
    expect(SyntaxValidator.validate(admlText)).toBe(true);
    expect(() => SyntaxValidator.validate(admxText.replace('</policies>', ''))).toThrow();
  });

  it('has one locked policy per schema key (and a recommended one per setting), of the right kind', () => {
    const names = policies.map((p) => p.name as string);
    expect(names.sort()).toEqual(
      [
        ...POLICY_KEYS.map(nativePolicyName),
        ...SETTING_KEYS.map((k) => `${nativePolicyName(k)}_Recommended`),
      ].sort(),
    );
    for (const key of POLICY_KEYS) {
      const name = nativePolicyName(key);
      const p = policies.find((x) => x.name === name)!;
      expect(p.key).toBe('Software\\Policies\\CohortDesk\\CohortDesk');
      const kind = policyFieldKind(key);
      const elements = (p.elements ?? {}) as Record<string, Node>;
      if (kind.kind === 'boolean') expect(p.valueName).toBe(name);
      if (kind.kind === 'integer')
        expect(elements.decimal).toMatchObject({
          valueName: name,
          minValue: String(kind.min),
          maxValue: String(kind.max),
        });
      if (kind.kind === 'enum') {
        const items = asArray((elements.enum as { item: Node | Node[] }).item);
        expect(items.map((i) => (i.value as { string: string }).string)).toEqual(kind.values);
      }
      if (kind.kind === 'list') expect(elements.multiText).toMatchObject({ valueName: name });
      if (kind.kind === 'string') expect(elements.text).toMatchObject({ valueName: name });
    }
  });

  it('every string and presentation the ADMX references exists in the ADML', () => {
    for (const ref of admxText.matchAll(/\$\(string\.([A-Za-z0-9_]+)\)/g))
      expect(strings.has(ref[1]!), ref[1]).toBe(true);
    for (const ref of admxText.matchAll(/\$\(presentation\.([A-Za-z0-9_]+)\)/g)) {
      const p = presentations.get(ref[1]!);
      expect(p, ref[1]).toBeDefined();
      const control = Object.entries(p!).find(([k]) => k !== 'id')?.[1] as Node;
      expect(control.refId).toBe(ref[1]);
    }
  });
});
