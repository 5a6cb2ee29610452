import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const script = readFileSync(
  join(import.meta.dirname, '..', '..', 'resources', 'installer', 'linux-after-remove.sh'),
  'utf8',
);

/**
 * Runs the deb/rpm removal script as the package manager would (`sh script ARG`), over homes in a
 * temporary folder: the only change to the script is where it looks for home folders.
 */
function removeWith(arg: string) {
  const root = mkdtempSync(join(tmpdir(), 'cd-homes-'));
  const homes = ['root', 'home/ana', 'home/ben'].map((h) => join(root, h));
  const files = (home: string, folder: string) => ({
    vault: join(home, '.config', folder, 'vault', 'scope', 'FI-RD-01', 'data.parquet'),
    cohorts: join(home, '.config', folder, 'cohorts.json'),
    recent: join(home, '.config', folder, 'search-recent.json'),
    settings: join(home, '.config', folder, 'settings.json'),
  });
  const planted = [
    files(homes[0]!, 'Cohort Desk'),
    files(homes[1]!, 'Cohort Desk'),
    files(homes[2]!, 'cohort-desk'),
  ];
  for (const f of planted)
    for (const file of Object.values(f)) {
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, 'x');
    }
  const local = script.replace(
    'for home in /root /home/*;',
    `for home in ${root}/root ${root}/home/*;`,
  );
  expect(local).not.toBe(script);
  const path = join(root, 'after-remove.sh');
  writeFileSync(path, local);
  execFileSync('sh', [path, arg]);
  return planted;
}

describe('issue 21: removing the deb or rpm leaves no cached patient or cohort data', () => {
  it('remove, purge (deb) and 0 (rpm erase) delete every user’s cache, cohorts and recent searches, keeping settings', () => {
    for (const arg of ['remove', 'purge', '0'])
      for (const f of removeWith(arg)) {
        expect(existsSync(f.vault), `${arg} ${f.vault}`).toBe(false);
        expect(existsSync(join(f.vault, '..', '..', '..'))).toBe(false);
        expect(existsSync(f.cohorts)).toBe(false);
        expect(existsSync(f.recent)).toBe(false);
        expect(existsSync(f.settings)).toBe(true);
      }
  });

  it('an upgrade (deb "upgrade", rpm 1) keeps everything', () => {
    for (const arg of ['upgrade', '1'])
      for (const f of removeWith(arg))
        for (const file of Object.values(f)) expect(existsSync(file), `${arg} ${file}`).toBe(true);
  });
});
