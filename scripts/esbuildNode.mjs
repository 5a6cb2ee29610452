// The esbuild settings of every Node bundle (main, browser-mode server, workers), in one place for
// scripts/build.mjs and the command line's import-worker bundle (electron/cli/importWorkerBundle.ts).

/** Options shared by the Node bundles; callers add entry point, output, format and externals. */
export const NODE_BUNDLE = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  logLevel: 'warning',
  // Prefer ESM entry points: some packages' UMD "main" (jsonc-parser) uses dynamic requires esbuild cannot follow.
  mainFields: ['module', 'main'],
};

// Native DuckDB (vault files, decision 0010) loads a platform .node binary at run time: never bundled.
export const NATIVE_EXTERNAL = ['@duckdb/node-api'];

// ESM bundles that pull in CommonJS dependencies (ws) need a real require.
export const ESM_BANNER = {
  js: "import { createRequire as __cdCreateRequire } from 'node:module'; const require = __cdCreateRequire(import.meta.url);",
};
