import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDataFolder } from '../../../federation/sharedFolder';

const root = join(import.meta.dirname, '..', '..', '..');
const shared = sharedDataFolder();

describe('the app HPO table', () => {
  it.skipIf(!existsSync(join(shared, 'hpo')))(
    'is reproduced exactly by scripts/buildHpoTable.mjs from hp.json in ../shared',
    () => {
      const out = mkdtempSync(join(tmpdir(), 'hpo-build-'));
      try {
        const file = join(out, 'hpo.data.ts');
        const run = spawnSync(
          process.execPath,
          [join(root, 'scripts', 'buildHpoTable.mjs'), shared, file],
          { encoding: 'utf8' },
        );
        expect(run.status, run.stderr).toBe(0);
        expect(
          readFileSync(file, 'utf8') ===
            readFileSync(join(root, 'shared', 'cohorts', 'hpo.data.ts'), 'utf8'),
        ).toBe(true);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
