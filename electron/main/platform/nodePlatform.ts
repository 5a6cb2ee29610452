import type { Platform } from './platform';
import { logDirFor } from './paths';

/** The platform outside Electron: browser mode and tests. Opening links is left to the page. */
export function createNodePlatform(opts: { dataDir: string; transport: string }): Platform {
  return {
    kind: 'browser',
    paths: { data: opts.dataDir, logs: logDirFor(opts.dataDir) },
    fetch: globalThis.fetch.bind(globalThis),
    openExternal: () => Promise.resolve(false),
    runtime: () => ({ kind: 'browser', transport: opts.transport, node: process.versions.node }),
  };
}
