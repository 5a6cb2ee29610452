// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import importX from 'eslint-plugin-import-x';

/** Import zones (CONVENTIONS rule 1): the folder is the runtime. Paths are from the repository root. */
const zones = [
  {
    target: './renderer',
    from: './electron',
    message: 'renderer/ is DOM code: it must not import electron/.',
  },
  {
    target: './renderer',
    from: './federation',
    message: 'renderer/ must not import the demo federation.',
  },
  {
    target: './electron',
    from: './renderer',
    message: 'electron/ is Node code: it must not import renderer/.',
  },
  {
    target: './electron',
    from: './federation',
    message: 'electron/ speaks standards to the federation; it must not import its code.',
  },
  {
    target: './shared',
    from: './electron',
    message: 'shared/ imports only zod and other shared/ modules.',
  },
  {
    target: './shared',
    from: './renderer',
    message: 'shared/ imports only zod and other shared/ modules.',
  },
  {
    target: './shared',
    from: './federation',
    message: 'shared/ imports only zod and other shared/ modules.',
  },
  {
    target: './federation',
    from: './electron',
    message: 'federation/ is a separate system: it must not import the app.',
  },
  {
    target: './federation',
    from: './renderer',
    message: 'federation/ is a separate system: it must not import the app.',
  },
  {
    target: './federation',
    from: './shared',
    message: 'federation/ is a separate system: it must not import the app.',
  },
];

/**
 * The main process's layout (issue 14; docs/architecture.md "Where each domain lives"): beacon/ is a
 * standards client used by search/ and pull/; pull/ builds on vault/, never the other way; only
 * app/ wires the services together. Paths are from the repository root.
 */
const main = (folder) => `./electron/main/${folder}`;
const mainZones = [
  {
    target: main('beacon'),
    from: ['search', 'pull', 'vault', 'auth', 'cohorts', 'audit', 'federation', 'app'].map(main),
    message: 'beacon/ is the Beacon v2 client: it must not import the services that use it.',
  },
  {
    target: main('vault'),
    from: ['pull', 'search', 'cohorts', 'beacon', 'app'].map(main),
    message: 'vault/ is below pull/, search/ and cohorts/: they import it, not the other way.',
  },
  {
    target: main('search'),
    from: ['pull', 'cohorts', 'app'].map(main),
    message: 'search/ must not import pull/ or cohorts/: shared parts belong in beacon/ or vault/.',
  },
  {
    target: main('pull'),
    from: ['search', 'cohorts', 'app'].map(main),
    message: 'pull/ must not import search/ or cohorts/: shared parts belong in beacon/ or vault/.',
  },
  {
    target: main('federation'),
    from: ['auth', 'search', 'pull', 'vault', 'beacon', 'cohorts', 'app'].map(main),
    message: 'federation/ is the directory: the services read it, it reads none of them.',
  },
  {
    target: ['./electron', './shared', './renderer'],
    from: ['./electron/**/testing/**', './shared/**/testing/**'],
    message: 'testing/ folders hold test fixtures: only tests and bench/ import them.',
  },
];

const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx', '**/testing/**/*.ts'];

/**
 * Renderer import rules (CONVENTIONS rules 1, 7; issue 14): one module owns each live handle, and
 * only the store talks to main. Each renderer folder gets the list minus what it owns.
 */
const RENDERER_RULES = {
  node: {
    group: ['electron', 'node:*', 'fs', 'path', 'child_process', 'os', 'crypto'],
    message: 'renderer/ is DOM code: no Electron or Node modules.',
  },
  api: {
    regex: '(^|/)api/client$',
    message: 'Only store/ calls main: components and hooks use store actions (CONVENTIONS).',
  },
  duckdb: {
    regex: '^@duckdb/duckdb-wasm($|/)',
    message: 'duckdb-wasm is used in renderer/src/db/ only (CONVENTIONS rule 7).',
  },
  igv: {
    regex: '^igv($|/)',
    message: 'igv.js is used in renderer/src/igv/ only (CONVENTIONS rule 7).',
  },
};
/** The libraries also load lazily (`import('igv')`), which no-restricted-imports does not see. */
const LAZY = { duckdb: '^@duckdb\\/duckdb-wasm($|\\/)', igv: '^igv($|\\/)' };
/** The import rules of a renderer folder that owns `owned` of the rules above. */
const rendererImports = (...owned) => {
  const kept = Object.entries(RENDERER_RULES).filter(([name]) => !owned.includes(name));
  return {
    'no-restricted-imports': ['error', { patterns: kept.map(([, pattern]) => pattern) }],
    'no-restricted-syntax': [
      'error',
      ...kept
        .filter(([name]) => name in LAZY)
        .map(([name, pattern]) => ({
          selector: `ImportExpression[source.value=/${LAZY[name]}/]`,
          message: pattern.message,
        })),
    ],
  };
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      'release/**',
      '.tsbuild/**',
      'test-results/**',
      'playwright-report/**',
      'e2e/artifacts/**',
      'federation/.run/**',
      'federation/data/**',
      'bench/results/**',
      // Declarations of the plain-JS build scripts: tsc checks them through the tests that import them.
      'scripts/*.d.mts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['vitest.config.ts', 'eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Template literals with numbers are how we build messages; booleans and nullables are not allowed.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
      // `onClick={() => doSomething()}` is idiomatic; void-returning arrow shorthands stay allowed.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
    // Plain JS build scripts talk to the terminal.
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.{ts,tsx}'],
    ignores: TEST_FILES,
    plugins: { 'import-x': importX },
    // The zones only fire on imports the plugin can resolve: teach it our extensionless .ts imports.
    settings: {
      'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] } },
    },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { zones: [...zones, ...mainZones], basePath: import.meta.dirname },
      ],
    },
  },
  {
    // Tests and their helpers may start the demo federation: it is the app's test bed.
    files: TEST_FILES,
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] } },
    },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { zones: zones.filter((z) => z.from !== './federation'), basePath: import.meta.dirname },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    // The Vite config runs in Node at build time, not in the page.
    ignores: ['renderer/vite.config.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...rendererImports(),
    },
  },
  {
    files: ['renderer/src/store/**/*.ts'],
    rules: rendererImports('api'),
  },
  {
    files: ['renderer/src/db/**/*.ts'],
    rules: rendererImports('duckdb'),
  },
  {
    files: ['renderer/src/igv/**/*.{ts,tsx}'],
    rules: rendererImports('igv'),
  },
  // The api client installs itself (connectToMain); tests install a fake main as the client.
  {
    files: ['renderer/src/api/**/*.ts', 'renderer/**/*.test.{ts,tsx}'],
    rules: rendererImports('api'),
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|\\.{1,2}/).*',
              message: 'shared/ imports only zod and other shared/ modules.',
            },
          ],
        },
      ],
    },
  },
  {
    // CONVENTIONS rule 12: split by responsibility before 300 lines. Generated tables (*.data.ts,
    // rebuilt by scripts/build*.mjs) are data, not code, and are exempt.
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    ignores: ['**/*.data.ts'],
    rules: { 'max-lines': ['error', { max: 300 }] },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts', 'bench/**/*.ts'],
    rules: {
      // Tests and benchmarks print what they measure and use non-null assertions on fixtures they built.
      'no-console': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
