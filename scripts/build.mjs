// Builds everything `npm start` and the e2e tests run: the renderer (Vite, static bundle), the Electron
// main process (ESM Node bundle), the preload (one sandbox-compatible CommonJS file) and the browser-mode
// server (ESM Node bundle). Output: out/{renderer,main,preload,server}.
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { writeSbomAndNotices } from './sbom.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const started = Date.now();

await viteBuild({ configFile: `${root}renderer/vite.config.ts`, logLevel: 'warn' });
// The SBOM and the licence notices the About page shows (issue 21), after Vite emptied out/renderer.
writeSbomAndNotices(`${root}out`);

const node = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
  // Prefer ESM entry points: some packages' UMD "main" (jsonc-parser) uses dynamic requires esbuild cannot follow.
  mainFields: ['module', 'main'],
};
// Native DuckDB (vault files, decision 0010) loads a platform .node binary at run time: never bundled.
const nativeExternal = ['@duckdb/node-api'];
// ESM bundles that pull in CommonJS dependencies (ws) need a real require.
const esmBanner = {
  js: "import { createRequire as __cdCreateRequire } from 'node:module'; const require = __cdCreateRequire(import.meta.url);",
};

await Promise.all([
  esbuild({
    ...node,
    entryPoints: ['electron/main/index.ts'],
    outfile: 'out/main/index.js',
    format: 'esm',
    external: ['electron', ...nativeExternal],
    banner: esmBanner,
  }),
  // Sandboxed preloads may only require('electron') and a few polyfilled modules: one CJS file.
  esbuild({
    ...node,
    entryPoints: ['electron/preload/index.ts'],
    outfile: 'out/preload/index.cjs',
    format: 'cjs',
    external: ['electron'],
  }),
  esbuild({
    ...node,
    entryPoints: ['electron/browserMode/main.ts'],
    outfile: 'out/server/index.js',
    format: 'esm',
    external: nativeExternal,
    banner: esmBanner,
  }),
  // The case import worker (issue 16) runs beside each bundle that can start it (caseImports.ts).
  ...['out/main', 'out/server'].map((dir) =>
    esbuild({
      ...node,
      entryPoints: ['electron/main/cases/import/importWorker.ts'],
      outfile: `${dir}/caseImportWorker.js`,
      format: 'esm',
      external: nativeExternal,
      banner: esmBanner,
    }),
  ),
  // The pull's page worker (issue 20) runs beside each bundle that can pull (pageThread.ts).
  ...['out/main', 'out/server'].map((dir) =>
    esbuild({
      ...node,
      entryPoints: ['electron/main/pull/pageWorker.ts'],
      outfile: `${dir}/pullPageWorker.js`,
      format: 'esm',
      banner: esmBanner,
    }),
  ),
]);
console.log(`Built renderer, main, preload and browser-mode server in ${Date.now() - started} ms.`);
