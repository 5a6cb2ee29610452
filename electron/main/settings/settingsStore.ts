import { existsSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { mkdirSync } from 'node:fs';
import type {
  Notice,
  SettingKey,
  Settings,
  SettingsPatch,
  SettingsView,
} from '../../../shared/settings/settings';
import { SETTING_KEYS, SettingsSchema, defaultSettings } from '../../../shared/settings/settings';
import type { Logger } from '../logging/logger';
import { HandlerError } from '../ipc/router';
import { writeFileAtomic } from './atomicWrite';
import { parseJsonWithLocation, readJsonFileText, repeatedKeyProblem } from './jsonLocation';
import { settingsFileText, userEntries } from './settingsFile';
import type { Policy } from './policy';
import { words } from '../../../shared/appError';
import type { SettingProblem } from '../../../shared/settings/settingProblem';
import { settingProblemParams } from '../../../shared/settings/settingProblem';

export interface SettingsStore {
  view(): SettingsView;
  /** Applies a validated patch; refuses keys locked by policy (over IPC or anywhere else). */
  set(patch: SettingsPatch): SettingsView;
  dismissNotice(id: string): SettingsView;
  /** Shows a notice from another service (once per id), e.g. a break in the audit log. */
  addNotice(notice: Notice): SettingsView;
  /** Subscribes to changes; returns the unsubscribe function. */
  onChange(listener: (view: SettingsView) => void): () => void;
}

interface Loaded {
  user: Partial<Settings>;
  notices: Notice[];
}

/**
 * Settings persisted by main as JSON (only what the user changed: settingsFile.ts), validated with
 * zod, written atomically. A corrupt file is kept
 * as a backup, defaults are restored and a notice tells the user: nothing silently lost.
 */
export function createSettingsStore(opts: {
  file: string;
  policy: Policy;
  logger: Logger;
  now?: () => Date;
}): SettingsStore {
  const { file, policy, logger } = opts;
  const now = opts.now ?? (() => new Date());
  mkdirSync(dirname(file), { recursive: true });
  const loaded = load();
  let user = loaded.user;
  let notices = [...policy.notices, ...loaded.notices];
  const listeners = new Set<(view: SettingsView) => void>();

  function load(): Loaded {
    if (!existsSync(file)) return { user: {}, notices: [] };
    const text = readJsonFileText(file);
    const parsed = parseJsonWithLocation(text);
    if (!parsed.ok) {
      return backup(
        `line ${parsed.line}, column ${parsed.column}: ${parsed.message}`,
        {},
        {
          code: 'json',
          params: { line: parsed.line, column: parsed.column, own: parsed.message },
        },
      );
    }
    const repeated = repeatedKeyProblem(text);
    if (repeated !== undefined) return backup(repeated.detail, {}, repeated.said);
    const read = userEntries(parsed.value);
    if (!read.ok) return backup(read.detail, {}, read.said);
    const kept: Record<string, unknown> = {};
    const problems: string[] = [];
    const said: SettingProblem[] = [];
    for (const [key, value] of Object.entries(read.entries)) {
      if (!(SETTING_KEYS as string[]).includes(key)) {
        problems.push(`${key}: unknown setting`);
        said.push({ code: 'unknown', params: { field: key } });
        continue;
      }
      const check = SettingsSchema.shape[key as SettingKey].safeParse(value);
      if (check.success) kept[key] = check.data;
      else {
        const own = check.error.issues[0]?.message ?? 'invalid';
        problems.push(`${key}: ${own}`);
        said.push({ code: 'invalid', params: { field: key, own } });
      }
    }
    if (problems.length > 0)
      return backup(
        problems.join('; '),
        kept,
        said.length === 1
          ? said[0]
          : { code: 'several', params: { fields: said.map((p) => p.params?.field).join(', ') } },
      );
    if (read.version === 1) logger.info('settings.read_version_1', { kept: Object.keys(kept) });
    return { user: kept, notices: [] };
  }

  function backup(detail: string, kept: Partial<Settings>, said?: SettingProblem): Loaded {
    const stamp = now().toISOString().replace(/[:.]/g, '-');
    const backupPath = join(dirname(file), `settings.corrupt-${stamp}.json`);
    renameSync(file, backupPath);
    writeFileAtomic(file, settingsFileText(kept));
    logger.warn('settings.corrupt_file', { file, backupPath, detail });
    return {
      user: kept,
      notices: [
        {
          id: `settings-corrupt:${stamp}`,
          level: 'warning',
          messageKey: 'notice.settingsCorrupt',
          // The problem's code beside main's English, worded by the window (decision 0076).
          params: { backupPath, detail, ...settingProblemParams(said) },
        },
      ],
    };
  }

  function effective(): Settings {
    return SettingsSchema.parse({
      ...defaultSettings(),
      ...policy.defaults,
      ...user,
      ...policy.locked,
    });
  }

  function view(): SettingsView {
    return {
      values: effective(),
      locked: Object.keys(policy.locked) as SettingKey[],
      notices,
      policyPath: policy.path,
      policyActive: policy.active,
      policySources: policy.sources,
    };
  }

  function changed(): SettingsView {
    const current = view();
    for (const listener of listeners) listener(current);
    return current;
  }

  return {
    view,
    set(patch) {
      const lockedKeys = Object.keys(patch).filter((key) => key in policy.locked);
      if (lockedKeys.length > 0) {
        logger.warn('settings.locked_write_refused', { keys: lockedKeys });
        throw new HandlerError(
          'LOCKED_BY_POLICY',
          `${lockedKeys.join(', ')} is managed by your organisation and cannot be changed here.`,
          lockedKeys.join(','),
          words('lockedByPolicy', { settings: lockedKeys.join(', ') }),
        );
      }
      const next: Partial<Settings> = { ...user };
      for (const [key, value] of Object.entries(patch)) {
        if (value !== undefined) Object.assign(next, { [key]: value });
      }
      writeFileAtomic(file, settingsFileText(next));
      user = next;
      logger.info('settings.changed', { keys: Object.keys(patch) });
      return changed();
    },
    dismissNotice(id) {
      notices = notices.filter((notice) => notice.id !== id);
      return changed();
    },
    addNotice(notice) {
      if (notices.some((n) => n.id === notice.id)) return view();
      notices = [...notices, notice];
      return changed();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
