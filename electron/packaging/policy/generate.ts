import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { policyJsonSchema } from '../../../shared/domain/policy';
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
    'windows/CohortDesk.admx': buildAdmx(),
    'windows/en-US/CohortDesk.adml': buildAdml(),
    'macos/org.cohortdesk.desktop.mobileconfig': buildMobileconfig({
      ...EXAMPLE_POLICY,
      cacheLocation: MAC_CACHE_EXAMPLE,
    }),
  };
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
