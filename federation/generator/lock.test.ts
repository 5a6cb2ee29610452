import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withDirLock } from './lock';

const root = mkdtempSync(join(tmpdir(), 'gen-lock-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('withDirLock', () => {
  it('runs holders one after the other', async () => {
    const lock = join(root, 'serial.lock');
    const events: string[] = [];
    let releaseFirst = (): void => undefined;
    const firstHolds = new Promise<void>((r) => (releaseFirst = r));
    const first = withDirLock(lock, async () => {
      events.push('first:start');
      await firstHolds;
      events.push('first:end');
    });
    const second = withDirLock(lock, () => {
      events.push('second');
      return Promise.resolve();
    });
    await Promise.resolve();
    releaseFirst();
    await Promise.all([first, second]);
    expect(events).toEqual(['first:start', 'first:end', 'second']);
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    const lock = join(root, 'stale.lock');
    mkdirSync(lock);
    const deadPid = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(join(lock, 'pid'), String(deadPid));
    await expect(withDirLock(lock, () => Promise.resolve('ran'))).resolves.toBe('ran');
  });
});
