/**
 * The case import worker as the app runs it: one esbuild bundle, not the TypeScript source under
 * tsx, which the harness would start by default and which transpiles and resolves every module of
 * the worker at each start (issue 16: the bench times "import" to "filterable" in the app). The
 * command line builds and reuses the same bundle (electron/cli/importWorkerBundle.ts).
 */
import { resolve } from 'node:path';
import { importWorkerBundle } from '../../../cli/importWorkerBundle';
import type { ImportWorkerSpec } from '../import/caseImports';

/** Bundles the worker into `out/<folder>/caseImportWorker.js` of the repository. */
export function buildImportWorkerBundle(folder: string): Promise<ImportWorkerSpec> {
  const root = resolve(import.meta.dirname, '..', '..', '..', '..');
  return Promise.resolve(importWorkerBundle(root, folder));
}
