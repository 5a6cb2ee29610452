import { defineConfig } from 'vitest/config';

// Two environments (CONVENTIONS rule 10): Node for shared/, electron/, federation/ and scripts/,
// jsdom for renderer/. Tests sit next to the code they test.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'shared/**/*.test.ts',
            'electron/**/*.test.ts',
            'federation/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          // Checks that need ../shared run in their own project (npm run conformance).
          exclude: ['**/*.conformance.test.ts', '**/*.large.test.ts', '**/node_modules/**'],
          // One demo federation for the tests that only read from it (issue 14: test time).
          globalSetup: ['electron/main/testing/federation.globalSetup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'conformance',
          environment: 'node',
          include: ['**/*.conformance.test.ts'],
          exclude: ['**/node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        // Slow tests of very large inputs (issue 16's 4 GB+ VCF): npm run test:large.
        test: {
          name: 'large',
          environment: 'node',
          include: ['**/*.large.test.ts'],
          exclude: ['**/node_modules/**'],
          testTimeout: 1_800_000,
        },
      },
      {
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          include: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx'],
        },
      },
    ],
  },
});
