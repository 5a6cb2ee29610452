import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDataFolder } from '../../../federation/sharedFolder';

const root = join(import.meta.dirname, '..', '..', '..');
const shared = sharedDataFolder();

describe('issue 17: the ranking reference tables', () => {
  it.skipIf(!existsSync(join(shared, 'hpo')))(
    'are reproduced exactly by scripts/buildRankingTables.mjs from ../shared',
    () => {
      const out = mkdtempSync(join(tmpdir(), 'ranking-tables-'));
      try {
        const file = join(out, 'annotations.data.ts');
        const run = spawnSync(
          process.execPath,
          [join(root, 'scripts', 'buildRankingTables.mjs'), shared, file],
          { encoding: 'utf8' },
        );
        expect(run.status, run.stderr).toBe(0);
        expect(
          readFileSync(file, 'utf8') ===
            readFileSync(join(root, 'shared', 'ranking', 'annotations.data.ts'), 'utf8'),
        ).toBe(true);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    },
    120_000,
  );

  it.skipIf(!existsSync(join(shared, 'grch38', 'transcripts-grch38.gtf.gz')))(
    'the coding-length table is reproduced exactly by scripts/buildCodingLengths.mjs',
    () => {
      const out = mkdtempSync(join(tmpdir(), 'coding-lengths-'));
      try {
        const file = join(out, 'codingLengths.data.ts');
        const run = spawnSync(
          process.execPath,
          [join(root, 'scripts', 'buildCodingLengths.mjs'), shared, file],
          { encoding: 'utf8' },
        );
        expect(run.status, run.stderr).toBe(0);
        expect(
          readFileSync(file, 'utf8') ===
            readFileSync(join(root, 'shared', 'ranking', 'codingLengths.data.ts'), 'utf8'),
        ).toBe(true);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
