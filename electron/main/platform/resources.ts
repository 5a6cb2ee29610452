import { join } from 'node:path';

/**
 * A folder electron-builder ships beside the asar (extraResources in electron-builder.yml): under
 * process.resourcesPath in a packaged app, undefined when running from the source tree or in
 * plain Node (tests, browser mode, the CLI), where the callers look in resources/ instead.
 */
export function packagedResource(name: string): string | undefined {
  const base = (process as { resourcesPath?: unknown }).resourcesPath;
  return typeof base === 'string' && base.length > 0 ? join(base, name) : undefined;
}
