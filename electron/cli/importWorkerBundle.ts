import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { ESM_BANNER, NATIVE_EXTERNAL, NODE_BUNDLE } from '../../scripts/esbuildNode.mjs';
import type { ImportWorkerSpec } from '../main/cases/import/caseImports';

/**
 * The case import worker as one esbuild bundle (scripts/build.mjs's settings for
 * `caseImportWorker.js`), for the command line and the bench (issue 16, decisions 0054 and 0061):
 * started from the TypeScript source under tsx, each import worker (two for a large BGZF file)
 * resolves and transpiles every module again, about 0.6 s of CPU per worker. The bundle is
 * written under the repository's out/<folder>/ (so it resolves the native @duckdb/node-api from
 * node_modules) and built again when a file it was built from is newer than it.
 */
export function importWorkerBundle(root: string, folder: string): ImportWorkerSpec {
  const outfile = join(root, 'out', folder, 'caseImportWorker.js');
  const inputsFile = `${outfile}.inputs.json`;
  if (!fresh(root, outfile, inputsFile)) {
    const result = buildSync({
      ...NODE_BUNDLE,
      absWorkingDir: root,
      entryPoints: ['electron/main/cases/import/importWorker.ts'],
      outfile,
      format: 'esm',
      external: NATIVE_EXTERNAL,
      metafile: true,
      write: false,
      banner: ESM_BANNER,
    });
    // Renamed into place: another process (a parallel test, a second command) may start it meanwhile.
    const tmp = `${outfile}.${String(process.pid)}.tmp`;
    mkdirSync(dirname(outfile), { recursive: true });
    const bundle = result.outputFiles.find((f) => f.path === outfile);
    if (bundle === undefined) throw new Error(`esbuild wrote no ${outfile}`);
    writeFileSync(tmp, bundle.contents);
    renameSync(tmp, outfile);
    writeFileSync(
      `${inputsFile}.${String(process.pid)}`,
      JSON.stringify(Object.keys(result.metafile.inputs)),
    );
    renameSync(`${inputsFile}.${String(process.pid)}`, inputsFile);
  }
  return { url: pathToFileURL(outfile), execArgv: [] };
}

/** True when the bundle exists and none of the files it was built from changed since. */
function fresh(root: string, outfile: string, inputsFile: string): boolean {
  if (!existsSync(outfile) || !existsSync(inputsFile)) return false;
  const built = statSync(outfile).mtimeMs;
  const inputs = JSON.parse(readFileSync(inputsFile, 'utf8')) as unknown;
  if (!Array.isArray(inputs)) return false;
  return inputs.every((f) => {
    const path = join(root, String(f));
    return existsSync(path) && statSync(path).mtimeMs <= built;
  });
}
