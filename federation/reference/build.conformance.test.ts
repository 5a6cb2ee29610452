import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDataFolder } from '../sharedFolder';

const shared = sharedDataFolder();
const here = import.meta.dirname;

describe('reference tables', () => {
  it.skipIf(!existsSync(join(shared, 'hpo')))(
    'are reproduced exactly by build.ts from the shared data',
    () => {
      const out = mkdtempSync(join(tmpdir(), 'ref-build-'));
      try {
        const run = spawnSync(
          process.execPath,
          ['--import', 'tsx', join(here, 'build.ts'), shared, out],
          { encoding: 'utf8' },
        );
        expect(run.status, run.stderr).toBe(0);
        for (const f of ['genes.data.ts', 'hpo.data.ts', 'diseases.data.ts', 'chroms.data.ts']) {
          expect(readFileSync(join(out, f), 'utf8'), f).toBe(readFileSync(join(here, f), 'utf8'));
        }
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
