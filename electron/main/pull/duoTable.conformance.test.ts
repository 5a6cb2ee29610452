// The committed DUO term table against its source in ../shared: regenerated from duo.csv by
// scripts/buildDuoTable.mjs it must be byte-identical (issue 13: refusal reasons name terms by label).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDataFolder } from '../../../federation/sharedFolder';

const root = join(import.meta.dirname, '..', '..', '..');
const data = sharedDataFolder();

describe('DUO term table against ../shared (issue 13)', () => {
  it.skipIf(!existsSync(join(data, 'duo', 'duo.csv')))('is what buildDuoTable.mjs derives', () => {
    const dir = mkdtempSync(join(tmpdir(), 'duo-'));
    try {
      const out = join(dir, 'duo.data.ts');
      execFileSync(process.execPath, [join(root, 'scripts', 'buildDuoTable.mjs'), data, out]);
      expect(readFileSync(out, 'utf8')).toBe(
        readFileSync(join(root, 'shared', 'vault', 'duo.data.ts'), 'utf8'),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
