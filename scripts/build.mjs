// Builds everything `npm start` and the e2e tests run: the renderer (Vite, static bundle), the Electron
// main process (ESM Node bundle), the preload (one sandbox-compatible CommonJS file) and the browser-mode
// server (ESM Node bundle). Output: out/{renderer,main,preload,server}.
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { ESM_BANNER, NATIVE_EXTERNAL, NODE_BUNDLE } from './esbuildNode.mjs';
import { writeSbomAndNotices } from './sbom.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const started = Date.now();

await viteBuild({ configFile: `${root}renderer/vite.config.ts`, logLevel: 'warn' });
// The SBOM and the licence notices the About page shows (issue 21), after Vite emptied out/renderer.
writeSbomAndNotices(`${root}out`);

const node = { ...NODE_BUNDLE, sourcemap: true, absWorkingDir: root };

await Promise.all([
  esbuild({
    ...node,
    entryPoints: ['electron/main/index.ts'],
    outfile: 'out/main/index.js',
    format: 'esm',
    external: ['electron', ...NATIVE_EXTERNAL],
    banner: ESM_BANNER,
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
    external: NATIVE_EXTERNAL,
    banner: ESM_BANNER,
  }),
  // The case import worker (issue 16) runs beside each bundle that can start it (caseImports.ts).
  ...['out/main', 'out/server'].map((dir) =>
    esbuild({
      ...node,
      entryPoints: ['electron/main/cases/import/importWorker.ts'],
      outfile: `${dir}/caseImportWorker.js`,
      format: 'esm',
      external: NATIVE_EXTERNAL,
      banner: ESM_BANNER,
    }),
  ),
  // The pull's page worker (issue 20) runs beside each bundle that can pull (pageThread.ts).
  ...['out/main', 'out/server'].map((dir) =>
    esbuild({
      ...node,
      entryPoints: ['electron/main/pull/pageWorker.ts'],
      outfile: `${dir}/pullPageWorker.js`,
      format: 'esm',
      banner: ESM_BANNER,
    }),
  ),
]);
console.log(`Built renderer, main, preload and browser-mode server in ${Date.now() - started} ms.`);
