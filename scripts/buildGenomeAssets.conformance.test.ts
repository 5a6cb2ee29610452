// The Browser's offline genome tables (resources/genome/) are derived, never typed in: rebuilding
// them from ../shared with the committed script must give the committed bytes (issues 8 and 16).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, sharedDataFolder } from '../federation/sharedFolder';

const root = REPO_ROOT;
const data = sharedDataFolder();
const gtf = join(data, 'grch38', 'transcripts-grch38.gtf.gz');
const committed = join(root, 'resources', 'genome');

describe('resources/genome', () => {
  it.skipIf(!existsSync(gtf))(
    'is reproduced byte for byte by scripts/buildGenomeAssets.mjs from ../shared (exons from the Ensembl 110 GTF)',
    () => {
      const out = mkdtempSync(join(tmpdir(), 'genome-assets-'));
      try {
        const run = spawnSync(
          process.execPath,
          [join(root, 'scripts', 'buildGenomeAssets.mjs'), data, '--gtf', gtf, '--out', out],
          { encoding: 'utf8' },
        );
        expect(run.status, run.stderr).toBe(0);
        const files = readdirSync(committed).sort();
        expect(readdirSync(out).sort()).toEqual(files);
        for (const f of files)
          expect(
            readFileSync(join(out, f)).equals(readFileSync(join(committed, f))),
            `${f} differs from a rebuild`,
          ).toBe(true);
        // Every protein-coding gene the case view may land in has its exons (19,140 of 19,291).
        const rows = readFileSync(join(committed, 'exons.tsv'), 'utf8')
          .split('\n')
          .filter((l) => l !== '' && !l.startsWith('#'));
        expect(rows.length).toBeGreaterThan(19_000);
        expect(rows.some((r) => r.split('\t')[3] === 'BRCA1')).toBe(true);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    },
    180_000,
  );
});
