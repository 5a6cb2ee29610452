import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  POLICY_KEYS,
  nativePolicyName,
  policyFieldKind,
  policyJsonSchema,
} from '../../../shared/settings/policy';
import { POLICY_TEXT } from '../../../shared/settings/policyText';
import { defaultSettings } from '../../../shared/settings/settings';
import { buildAdml, buildAdmx } from './admx';
import { EXAMPLE_POLICY } from './exampleValues';
import { buildMobileconfig } from './mobileconfig';

/** The cache folder of the macOS example (the shared example's is a Windows path). */
export const MAC_CACHE_EXAMPLE = '${HOME}/Library/Application Support/Cohort Desk/vault';

/** The deployment templates, by path under deploy/, generated from the policy schema (issue 21). */
export function policyTemplates(): Record<string, string> {
  const { cachePurgeRequest, ...locked } = EXAMPLE_POLICY;
  const example = {
    $schema: './policy.schema.json',
    version: 1,
    locked,
    defaults: {},
    cachePurgeRequest,
  };
  return {
    'policy/policy.schema.json': `${JSON.stringify(policyJsonSchema(), null, 2)}\n`,
    'policy/policy.example.json': `${JSON.stringify(example, null, 2)}\n`,
    'policy/keys.md': keyTable(),
    'windows/CohortDesk.admx': buildAdmx(),
    'windows/en-US/CohortDesk.adml': buildAdml(),
    'macos/org.cohortdesk.desktop.mobileconfig': buildMobileconfig({
      ...EXAMPLE_POLICY,
      cacheLocation: MAC_CACHE_EXAMPLE,
    }),
  };
}

/** The key table of docs/hospital-it.md: every key, its native name, type and default. */
function keyTable(): string {
  const defaults: Record<string, unknown> = defaultSettings();
  const type = (key: (typeof POLICY_KEYS)[number]): string => {
    const k = policyFieldKind(key);
    if (k.kind === 'integer') return `integer ${k.min}–${k.max} (REG_DWORD)`;
    if (k.kind === 'boolean')
      return k.only === false ? 'false only (REG_DWORD 0)' : 'boolean (REG_DWORD 0/1)';
    if (k.kind === 'enum') return `${k.values.map((v) => `\`${v}\``).join(' / ')} (REG_SZ)`;
    if (k.kind === 'list') return 'list of strings (REG_MULTI_SZ, plist array)';
    return 'string (REG_SZ)';
  };
  const rows = POLICY_KEYS.map((key) => {
    const initial = key in defaults ? `\`${JSON.stringify(defaults[key])}\`` : '(none)';
    return `| \`${key}\` | \`${nativePolicyName(key)}\` | ${type(key)} | ${initial} | ${POLICY_TEXT[key].help} |`;
  });
  return [
    '<!-- Generated from shared/settings/policy.ts by electron/packaging/policy/generate.ts: do not edit. -->',
    '# Cohort Desk policy keys',
    '',
    'Policy file: the key as written (`locked` / `defaults`). Group Policy and configuration profiles: the native name.',
    '',
    '| key (policy file) | Group Policy / profile | type | built-in default | meaning |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

/** Writes the templates to deploy/ (npm run policy:templates); a test checks they are current. */
function main(): void {
  const root = join(import.meta.dirname, '..', '..', '..', 'deploy');
  for (const [path, text] of Object.entries(policyTemplates())) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
    process.stdout.write(`wrote deploy/${path}\n`);
  }
}

if (process.argv[1] !== undefined && import.meta.filename === process.argv[1]) main();
