import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

/** A file's bytes, or undefined when it is not there (or cannot be read: plutil then says so). */
export type ReadBytes = (path: string) => Buffer | undefined;

const readIfThere: ReadBytes = (path) => {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
};

/** The text of an XML property list (not a binary one, `bplist00…`), as it is in the file. */
const xmlPlistText = (bytes: Buffer): string | undefined => {
  const text = bytes.toString('utf8');
  return /^\uFEFF?\s*</.test(text) ? text.replace(/^\uFEFF/, '') : undefined;
};

/**
 * The OS's own policy mechanisms (issue 21): Windows Group Policy (HKLM, through reg.exe) and macOS
 * configuration profiles (managed preferences). Linux uses the /etc policy file only. An XML
 * managed-preferences file is read as it is, so a key its dict names twice is refused at its line
 * (decision 0106): plutil's conversion would keep one of the two without a word. A binary one goes
 * through plutil.
 */
export function readManagedPolicy(
  os: NodeJS.Platform,
  run: RunCommand = runCommand,
  read: ReadBytes = readIfThere,
): PolicySourceRead[] {
  if (os === 'win32') {
    const text = run('reg', ['query', POLICY_REGISTRY_KEY, '/s']);
    return text === undefined ? [] : [registryPolicyFromRegQuery(text)];
  }
  if (os !== 'darwin') return [];
  const bytes = read(MANAGED_PREFERENCES_FILE);
  if (bytes === undefined) return [];
  const text = xmlPlistText(bytes);
  if (text !== undefined) return [managedPreferencesFromPlist(text, MANAGED_PREFERENCES_FILE)];
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
