import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomicAsync } from './atomicWrite';

describe('writeFileAtomicAsync (issue 20: pull pages written without blocking the event loop)', () => {
  it('issue 20: replaces the file whole, owner-only, with no temporary file left', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    const file = join(dir, 'page.sealed');
    writeFileSync(file, 'old');
    await writeFileAtomicAsync(file, Buffer.from('new content'));
    expect(readFileSync(file, 'utf8')).toBe('new content');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['page.sealed']);
  });

  it('issue 20: never recreates a folder removed meanwhile (a purge wins over a write in flight)', async () => {
    const gone = join(mkdtempSync(join(tmpdir(), 'atomic-')), 'purged');
    await expect(writeFileAtomicAsync(join(gone, 'page.sealed'), 'x')).rejects.toThrow(/ENOENT/);
    expect(existsSync(gone)).toBe(false);
  });
});
