import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DirectoryCheck, FederationDirectory } from '../../../shared/federation/directory';
import type { Logger } from '../logging/logger';
import type { Platform } from '../platform/platform';
import type { SettingsStore } from '../settings/settingsStore';
import { applyAllowLists } from './allowLists';
import type { CodedParams } from '../../../shared/i18n/coded';
import {
  allLoopback,
  causeOf,
  DirectoryReadError,
  parseDirectoryDocument,
  refuseRepeatedKeys,
  type DirectoryLists,
} from './directoryFile';
import { fetchDirectory, readSavedDirectory, saveDirectory } from './directoryRemote';

/** Env override for the embedded demo federation file (tests, `npm start`). */
export const FEDERATION_FILE_ENV = 'COHORT_DESK_FEDERATION_FILE';

/** Where the embedded demo federation's connection file is: env, else the repo's federation/.run. */
export function defaultDemoFederationFile(env: NodeJS.ProcessEnv, cwd: string): string {
  const override = env[FEDERATION_FILE_ENV];
  if (override !== undefined && override !== '') return override;
  return join(cwd, 'federation', '.run', 'federation.json');
}

export interface FederationDirectoryService {
  /**
   * The directory now: policy/settings URL, else the embedded demo, else none. A remote directory
   * is served from its last good copy (with `fetchedAt`) and refreshed in the background; only the
   * first use of an address waits for it.
   */
  get(): Promise<FederationDirectory>;
  /** Fetches and validates a directory address now (Settings checks one before keeping it). */
  check(url: string): Promise<DirectoryCheck>;
  /** Called whenever what get() returns changes: another address, a refresh with new content. */
  onChange(listener: (directory: FederationDirectory) => void): () => void;
  close(): void;
}

const NONE = { brokers: [], nodes: [], trustedVisaIssuers: [] };

/**
 * Whether a directory can be relied on: no problem, or a stale copy (fetchedAt) whose refresh
 * failed. One that could not be read at all says nothing about brokers or grants (issue 12).
 */
export const isUsable = (d: FederationDirectory): boolean =>
  d.problem === undefined || d.fetchedAt !== undefined;
/** A good copy is refreshed in the background once it is this old. */
export const DIRECTORY_REFRESH_MS = 5 * 60_000;
/** After a failed fetch the next attempt waits this long (callers get the last answer meanwhile). */
export const DIRECTORY_RETRY_MS = 30_000;

interface Remote {
  readonly url: string;
  readonly lists?: DirectoryLists;
  readonly fetchedAt?: number;
  readonly error?: string;
  /** `error`'s cause as the `directoryCause` values (decision 0076). */
  readonly cause?: CodedParams;
  /** Epoch ms of the last attempt, good or not. */
  readonly triedAt: number;
}

/** JSON.parse with its failure coded; the parser's own words are the detail (decision 0071). */
function parseJson(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error: unknown) {
    const said = message(error);
    throw new DirectoryReadError(said, 'not-json', { detail: said }, { cause: error });
  }
  refuseRepeatedKeys(text);
  return value;
}

const message = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * The federation directory (DESIGN federation; issue 12 item 13, issue 13): from
 * `federationConfigUrl` (policy-locked → source 'policy', else 'settings'), else the embedded demo
 * federation's file, else 'none'. Every document is validated with zod; a bad one gives an empty
 * directory whose `problem` names it. A hanging address stalls only its first use.
 */
export function createFederationDirectory(deps: {
  settings: SettingsStore;
  platform: Platform;
  logger: Logger;
  demoFile: string;
  now?: () => number;
  timeoutMs?: number;
}): FederationDirectoryService {
  const { settings, platform, logger, demoFile } = deps;
  const now = deps.now ?? Date.now;
  const savedFile = join(platform.paths.data, 'federation-directory.json');
  const listeners = new Set<(d: FederationDirectory) => void>();
  /** Copies per address: the current one and a few recently checked (bounded). */
  const copies = new Map<string, Remote>();
  const saved = readSavedDirectory(savedFile);
  if (saved !== undefined) copies.set(saved.url, { ...saved, triedAt: 0 });
  const keep = (r: Remote): void => {
    copies.delete(r.url);
    copies.set(r.url, r);
    for (const url of copies.keys())
      if (copies.size > 4 && url !== urlNow() && url !== r.url) copies.delete(url);
  };
  const inflight = new Map<string, Promise<void>>();
  let last: string | undefined;

  const urlNow = (): string => settings.view().values.federationConfigUrl;
  // IT's allow-lists apply to every source, the demo federation included (issue 21).
  const allowed = (d: FederationDirectory): FederationDirectory =>
    applyAllowLists(d, settings.view().values);

  function readDemo(): FederationDirectory {
    if (!existsSync(demoFile)) return { source: 'none', ...NONE };
    try {
      const lists = parseDirectoryDocument(parseJson(readFileSync(demoFile, 'utf8')));
      if (!allLoopback(lists))
        throw new DirectoryReadError(
          'the embedded demo federation must run on 127.0.0.1',
          'not-loopback',
        );
      return { source: 'embedded-demo', location: demoFile, ...lists };
    } catch (error: unknown) {
      logger.warn('federation.demo_file_invalid', { file: demoFile, error });
      return {
        source: 'none',
        location: demoFile,
        ...NONE,
        problem: `The demo federation file ${demoFile} is not valid: ${message(error)}. Restart the demo federation (npm run federation) or delete the file.`,
        problemSaid: { code: 'demo-invalid', params: { file: demoFile, ...causeOf(error) } },
      };
    }
  }

  function view(r: Remote): FederationDirectory {
    const source = settings.view().locked.includes('federationConfigUrl') ? 'policy' : 'settings';
    const base = { source, location: r.url } as const;
    const advice = 'Check the address in Settings or ask your IT team.';
    if (r.lists === undefined)
      return {
        ...base,
        ...NONE,
        problem: `The federation directory at ${r.url} could not be used: ${r.error ?? 'not read yet'}. ${advice}`,
        problemSaid: {
          code: 'unusable',
          params: { url: r.url, ...(r.cause ?? { directoryCause: 'not-read-yet' }) },
        },
      };
    const fetchedAt = r.fetchedAt ?? r.triedAt;
    return {
      ...base,
      ...r.lists,
      fetchedAt,
      ...(r.error === undefined
        ? {}
        : {
            problem: `The federation directory at ${r.url} could not be refreshed (${r.error}); the copy from ${new Date(fetchedAt).toISOString()} is used. ${advice}`,
            problemSaid: {
              code: 'stale',
              params: {
                url: r.url,
                fetched: new Date(fetchedAt).toISOString(),
                ...(r.cause ?? causeOf(new Error(r.error))),
              },
            },
          }),
    };
  }

  /** Emits when what callers see changed (content, address or problem; not the fetch time). */
  function announce(directory: FederationDirectory): void {
    const key = JSON.stringify({ ...directory, fetchedAt: undefined });
    if (key === last) return;
    last = key;
    for (const listener of listeners) listener(directory);
  }

  function refresh(url: string): Promise<void> {
    let p = inflight.get(url);
    if (p === undefined) {
      p = (async () => {
        try {
          const lists = await fetchDirectory(platform.fetch, url, deps.timeoutMs);
          const fetchedAt = now();
          keep({ url, lists, fetchedAt, triedAt: fetchedAt });
          saveDirectory(savedFile, { url, fetchedAt, lists });
        } catch (error: unknown) {
          logger.warn('federation.directory_failed', { url, error });
          keep({
            ...copies.get(url),
            url,
            error: message(error),
            cause: causeOf(error),
            triedAt: now(),
          });
        }
        const copy = copies.get(url);
        if (urlNow() === url && copy !== undefined) announce(allowed(view(copy)));
      })().finally(() => inflight.delete(url));
      inflight.set(url, p);
    }
    return p;
  }

  async function get(): Promise<FederationDirectory> {
    const url = urlNow();
    if (url === '') {
      const demo = allowed(readDemo());
      announce(demo);
      return demo;
    }
    const current = copies.get(url);
    if (current === undefined) await refresh(url);
    else {
      const due = current.error === undefined ? DIRECTORY_REFRESH_MS : DIRECTORY_RETRY_MS;
      if (now() - current.triedAt >= due) void refresh(url);
    }
    const directory = allowed(
      view(copies.get(url) ?? { url, triedAt: now(), error: 'not read yet' }),
    );
    announce(directory);
    return directory;
  }

  // A new address is read at once, so every page and the sign-in switch to it without a reload.
  const offSettings = settings.onChange(() => {
    void get();
  });

  return {
    get,
    async check(url) {
      try {
        const lists = await fetchDirectory(platform.fetch, url, deps.timeoutMs);
        // A checked address is the good copy the next get() uses: saving it switches at once.
        const fetchedAt = now();
        keep({ url, lists, fetchedAt, triedAt: fetchedAt });
        saveDirectory(savedFile, { url, fetchedAt, lists });
        return { url, ...lists };
      } catch (error: unknown) {
        throw new Error(
          `The federation directory at ${url} could not be used: ${message(error)}. Check the address, or ask your IT team for the right one.`,
          { cause: error },
        );
      }
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      offSettings();
      listeners.clear();
    },
  };
}
