import { join } from 'node:path';
import { z } from 'zod';
import type { Notice, Settings } from '../../../shared/settings/settings';
import { SETTING_KEYS } from '../../../shared/settings/settings';
import { CachePurgeRequestSchema, policyFieldSchema } from '../../../shared/settings/policy';
import type { PolicyKey } from '../../../shared/settings/policy';
import { parseJsonWithLocation, readJsonFileText, repeatedKeyProblem } from './jsonLocation';
import type { PolicySourceRead } from './policySource';
import type { SettingProblem } from '../../../shared/settings/settingProblem';
import { settingProblemParams } from '../../../shared/settings/settingProblem';

/** Environment variable that overrides the policy path (tests, and IT staging a policy). */
export const POLICY_PATH_ENV = 'COHORT_DESK_POLICY';

/**
 * Where hospital IT puts the machine policy (STANDARDS 5.6: Linux /etc/<product>/policy.json;
 * macOS and Windows use the machine-wide application data folder).
 */
export function defaultPolicyPath(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  const override = env[POLICY_PATH_ENV];
  if (override !== undefined && override !== '') return override;
  if (platform === 'win32') {
    return join(env.ProgramData ?? 'C:\\ProgramData', 'Cohort Desk', 'policy.json');
  }
  if (platform === 'darwin') return '/Library/Application Support/Cohort Desk/policy.json';
  return '/etc/cohort-desk/policy.json';
}

export interface Policy {
  /** The policy file's path (shown in Settings); Group Policy and profiles are in `sources`. */
  readonly path: string;
  readonly active: boolean;
  /** Preset and locked: the user cannot change these. */
  readonly locked: Partial<Settings>;
  /** Preset only: the user may change these. */
  readonly defaults: Partial<Settings>;
  readonly notices: Notice[];
  /** Every mechanism that is in effect, e.g. `Group Policy (HKLM\…)`. */
  readonly sources: string[];
  /** IT's request to purge the cache once (issue 21); the newest source that sets it wins. */
  readonly cachePurgeRequest?: string;
}

const FileEnvelope = z.object({
  $schema: z.string().optional(),
  version: z.literal(1),
  locked: z.record(z.string(), z.unknown()).default({}),
  defaults: z.record(z.string(), z.unknown()).default({}),
  cachePurgeRequest: z.unknown().optional(),
});

/** Reads the policy file; a syntax error or a bad envelope applies nothing from the file. */
export function readPolicyFile(path: string): PolicySourceRead {
  const none = { kind: 'file', location: path, locked: {}, defaults: {} } as const;
  let text: string;
  try {
    text = readJsonFileText(path);
  } catch {
    return { ...none, found: false, problems: [] };
  }
  const parsed = parseJsonWithLocation(text);
  if (!parsed.ok)
    return {
      ...none,
      found: true,
      problems: [`line ${parsed.line}, column ${parsed.column}: ${parsed.message}`],
      said: [
        {
          code: 'json',
          params: { line: parsed.line, column: parsed.column, own: parsed.message },
        },
      ],
    };
  const repeated = repeatedKeyProblem(text);
  if (repeated !== undefined)
    return { ...none, found: true, problems: [repeated.detail], said: [repeated.said] };
  const file = FileEnvelope.safeParse(parsed.value);
  if (!file.success) {
    const issue = file.error.issues[0];
    const where = issue?.path.join('.') || '(top level)';
    return {
      ...none,
      found: true,
      problems: [`${where}: ${issue?.message ?? ''}`],
      said: [
        {
          code: 'invalid',
          params: { field: issue?.path.join('.') || '$', own: issue?.message ?? '' },
        },
      ],
    };
  }
  const { locked, defaults, cachePurgeRequest } = file.data;
  return {
    ...none,
    found: true,
    locked,
    defaults,
    problems: [],
    ...(cachePurgeRequest === undefined ? {} : { cachePurgeRequest }),
  };
}

type AllowListKey =
  | 'allowedBrokers'
  | 'allowedNodes'
  | 'trustedVisaIssuers'
  | 'allowedBeaconHosts'
  | 'allowedHtsgetHosts';

/**
 * An entry of each allow-list that names nothing that can exist (RFC 6761 §6.4: `.invalid` never
 * resolves), valid for its key's schema.
 */
const MATCHES_NOTHING: Readonly<Record<AllowListKey, string>> = {
  allowedBrokers: 'https://nothing.invalid',
  allowedNodes: 'nothing.invalid',
  trustedVisaIssuers: 'https://nothing.invalid',
  allowedBeaconHosts: 'nothing.invalid',
  allowedHtsgetHosts: 'nothing.invalid',
};

/**
 * An allow-list with entries the key does not take (decision 0105): an empty list allows every
 * entry of the directory, so dropping the whole key (as for other settings) widened IT's list to
 * everything — one URL written where a host belongs, and every Beacon host was contacted. The
 * valid entries apply and each other one is reported; a list none of whose entries is valid, or
 * that is still refused whole (too long), allows nothing.
 */
function narrowedList(
  key: AllowListKey,
  value: readonly unknown[],
  report: (index: number, own: string) => void,
): unknown {
  const field = policyFieldSchema(key);
  const kept: unknown[] = [];
  value.forEach((entry, i) => {
    const one = field.safeParse([entry]);
    if (one.success) kept.push(...(one.data as unknown[]));
    else report(i, one.error.issues[0]?.message ?? 'invalid');
  });
  const list = field.safeParse(kept);
  return list.success && kept.length > 0 ? list.data : [MATCHES_NOTHING[key]];
}

/**
 * The machine policy from the file and the native mechanisms (Group Policy, configuration profile),
 * which win per key over the file. Each invalid or unknown key is reported by name with its source;
 * the valid ones still apply.
 */
export function loadPolicy(path: string, native: readonly PolicySourceRead[] = []): Policy {
  const notices: Notice[] = [];
  const locked: Record<string, unknown> = {};
  const defaults: Record<string, unknown> = {};
  const sources: string[] = [];
  let cachePurgeRequest: string | undefined;
  for (const source of [readPolicyFile(path), ...native]) {
    if (!source.found) continue;
    sources.push(source.kind === 'file' ? source.location : `${source.kind} (${source.location})`);
    // The problem's code beside main's English, worded by the window (decision 0076).
    const problem = (detail: string, said?: SettingProblem): void => {
      notices.push({
        id: `policy-invalid:${notices.length}`,
        level: 'error',
        messageKey: 'notice.policyInvalid',
        params: { path: source.location, detail, ...settingProblemParams(said) },
      });
    };
    source.problems.forEach((detail, i) => {
      problem(detail, source.said?.[i]);
    });
    const pick = (section: 'locked' | 'defaults', into: Record<string, unknown>): void => {
      for (const [key, value] of Object.entries(source[section])) {
        if (!(SETTING_KEYS as string[]).includes(key)) {
          problem(`${section}.${key}: unknown setting`, {
            code: 'unknown',
            params: { field: `${section}.${key}` },
          });
          continue;
        }
        const check = policyFieldSchema(key as PolicyKey).safeParse(value);
        if (check.success) into[key] = check.data;
        else if (key in MATCHES_NOTHING && Array.isArray(value)) {
          into[key] = narrowedList(key as AllowListKey, value, (i, own) => {
            problem(`${section}.${key}[${String(i)}]: ${own}`, {
              code: 'invalid',
              params: { field: `${section}.${key}[${String(i)}]`, own },
            });
          });
        } else {
          const own = check.error.issues[0]?.message ?? 'invalid';
          problem(`${section}.${key}: ${own}`, {
            code: 'invalid',
            params: { field: `${section}.${key}`, own },
          });
          // An allow-list that is not a list at all (one host written as a string, a registry
          // REG_SZ, an object) allows nothing either: dropped, the key would allow every host.
          if (key in MATCHES_NOTHING) into[key] = [MATCHES_NOTHING[key as AllowListKey]];
        }
      }
    };
    pick('locked', locked);
    pick('defaults', defaults);
    if (source.cachePurgeRequest !== undefined) {
      const check = CachePurgeRequestSchema.safeParse(source.cachePurgeRequest);
      if (check.success) cachePurgeRequest = check.data;
      else {
        const own = check.error.issues[0]?.message ?? 'invalid';
        problem(`cachePurgeRequest: ${own}`, {
          code: 'invalid',
          params: { field: 'cachePurgeRequest', own },
        });
      }
    }
  }
  return {
    path,
    active: sources.length > 0,
    locked,
    defaults,
    notices,
    sources,
    ...(cachePurgeRequest === undefined ? {} : { cachePurgeRequest }),
  };
}
