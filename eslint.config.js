// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Import zones (CONVENTIONS rule 1): the folder is the runtime. */
const zone = (message, group) => ({
  'no-restricted-imports': ['error', { patterns: [{ group, message }] }],
});

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
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Template literals with numbers are how we build messages; booleans and nullables are not allowed.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
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
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...zone('renderer/ is DOM code: it must not import electron/, federation/ or Node built-ins.', [
        '**/electron/**',
        '**/federation/**',
        'electron',
        'node:*',
        'fs',
        'path',
        'child_process',
      ]),
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: zone('electron/ is Node code: it must not import renderer/ or federation/.', [
      '**/renderer/**',
      '**/federation/**',
    ]),
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
            {
              group: ['**/electron/**', '**/renderer/**', '**/federation/**'],
              message: 'shared/ imports only zod and other shared/ modules.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['federation/**/*.ts'],
    rules: zone('federation/ is a separate system: it must not import the app.', [
      '**/electron/**',
      '**/renderer/**',
      '**/shared/**',
    ]),
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
