import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { PolicySourceRead } from '../settings/policySource';
import { MANAGED_PREFERENCES_FILE, managedPreferencesFromPlist } from './managedPreferences';
import { POLICY_REGISTRY_KEY, registryPolicyFromRegQuery } from './registryPolicy';

/** Runs a command and returns its stdout, or undefined when it fails (a missing key is not an error). */
export type RunCommand = (command: string, args: readonly string[]) => string | undefined;

/** The real runner: synchronous, because the policy is read once before any setting is used. */
export const runCommand: RunCommand = (command, args) => {
  try {
    return execFileSync(command, args, {
      encoding: 'utf8',
      timeout: 10_000,
      windowsHide: true,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return undefined;
  }
};

/**
 * The OS's own policy mechanisms (issue 21): Windows Group Policy (HKLM, through reg.exe) and macOS
 * configuration profiles (managed preferences, through plutil). Linux uses the /etc policy file only.
 */
export function readManagedPolicy(
  os: NodeJS.Platform,
  run: RunCommand = runCommand,
): PolicySourceRead[] {
  if (os === 'win32') {
    const text = run('reg', ['query', POLICY_REGISTRY_KEY, '/s']);
    return text === undefined ? [] : [registryPolicyFromRegQuery(text)];
  }
  if (os === 'darwin' && existsSync(MANAGED_PREFERENCES_FILE)) {
    const xml = run('plutil', ['-convert', 'xml1', '-o', '-', MANAGED_PREFERENCES_FILE]);
    if (xml !== undefined) return [managedPreferencesFromPlist(xml, MANAGED_PREFERENCES_FILE)];
    const problems = ['plutil could not read the file; check the configuration profile'];
    return [
      {
        kind: 'configuration profile',
        location: MANAGED_PREFERENCES_FILE,
        found: true,
        locked: {},
        defaults: {},
        problems,
        said: [{ code: 'plutil-failed' }],
      },
    ];
  }
  return [];
}
