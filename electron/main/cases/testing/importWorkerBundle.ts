/**
 * The case import worker as the app runs it: one esbuild bundle (scripts/build.mjs's settings for
 * `caseImportWorker.js`), not the TypeScript source under tsx, which the harness would start by
 * default and which transpiles and resolves every module of the worker at each start (issue 16:
 * the bench times "import" to "filterable" in the app). Written under the repository's out/ so
 * the bundle resolves the native @duckdb/node-api from its node_modules.
 */
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { ImportWorkerSpec } from '../import/caseImports';

/** Bundles the worker into `out/<folder>/caseImportWorker.js` of the repository. */
export async function buildImportWorkerBundle(folder: string): Promise<ImportWorkerSpec> {
  const root = resolve(import.meta.dirname, '..', '..', '..', '..');
  const outfile = join(root, 'out', folder, 'caseImportWorker.js');
  await build({
    bundle: true,
    platform: 'node',
    target: 'node22',
    logLevel: 'warning',
    absWorkingDir: root,
    mainFields: ['module', 'main'],
    entryPoints: ['electron/main/cases/import/importWorker.ts'],
    outfile,
    format: 'esm',
    external: ['@duckdb/node-api'],
    banner: {
      js: "import { createRequire as __cdCreateRequire } from 'node:module'; const require = __cdCreateRequire(import.meta.url);",
    },
  });
  return { url: pathToFileURL(outfile), execArgv: [] };
}
