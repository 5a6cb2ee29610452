import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FederationDirectory } from '../../../shared/domain/federation';
import type { Logger } from '../logging/logger';
import type { Platform } from '../platform/platform';
import type { SettingsStore } from '../settings/settingsStore';
import { allLoopback, parseDirectoryDocument } from './directoryFile';

/** Env override for the embedded demo federation file (tests, `npm start`). */
export const FEDERATION_FILE_ENV = 'COHORT_DESK_FEDERATION_FILE';

/** Where the embedded demo federation's connection file is: env, else the repo's federation/.run. */
export function defaultDemoFederationFile(env: NodeJS.ProcessEnv, cwd: string): string {
  const override = env[FEDERATION_FILE_ENV];
  if (override !== undefined && override !== '') return override;
  return join(cwd, 'federation', '.run', 'federation.json');
}

export interface FederationDirectoryService {
  /** The directory now: policy/settings URL, else the embedded demo, else none. */
  get(): Promise<FederationDirectory>;
}

const NONE = { brokers: [], nodes: [], trustedVisaIssuers: [] };

/**
 * The federation directory (DESIGN federation): from `federationConfigUrl` (policy-locked → source
 * 'policy', else 'settings'), else the embedded demo federation's file, else 'none'. Every document
 * is validated with zod; a bad one gives an empty directory whose `problem` names the file.
 */
export function createFederationDirectory(deps: {
  settings: SettingsStore;
  platform: Platform;
  logger: Logger;
  demoFile: string;
}): FederationDirectoryService {
  const { settings, platform, logger, demoFile } = deps;

  async function fromUrl(url: string): Promise<unknown> {
    const res = await platform.fetch(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`the server answered HTTP ${res.status}`);
    return res.json();
  }

  async function get(): Promise<FederationDirectory> {
    const view = settings.view();
    const url = view.values.federationConfigUrl;
    if (url !== '') {
      const source = view.locked.includes('federationConfigUrl') ? 'policy' : 'settings';
      try {
        return { source, location: url, ...parseDirectoryDocument(await fromUrl(url)) };
      } catch (error: unknown) {
        logger.warn('federation.directory_failed', { url, error });
        const detail = error instanceof Error ? error.message : String(error);
        return {
          source,
          location: url,
          ...NONE,
          problem: `The federation directory at ${url} could not be used: ${detail}. Check the address in Settings or ask your IT team.`,
        };
      }
    }
    if (!existsSync(demoFile)) return { source: 'none', ...NONE };
    try {
      const lists = parseDirectoryDocument(JSON.parse(readFileSync(demoFile, 'utf8')));
      if (!allLoopback(lists))
        throw new Error('the embedded demo federation must run on 127.0.0.1');
      return { source: 'embedded-demo', location: demoFile, ...lists };
    } catch (error: unknown) {
      logger.warn('federation.demo_file_invalid', { file: demoFile, error });
      const detail = error instanceof Error ? error.message : String(error);
      return {
        source: 'none',
        location: demoFile,
        ...NONE,
        problem: `The demo federation file ${demoFile} is not valid: ${detail}. Restart the demo federation (npm run federation) or delete the file.`,
      };
    }
  }

  return { get };
}
