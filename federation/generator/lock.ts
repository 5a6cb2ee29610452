/**
 * A cross-process lock on a directory path (mkdir is atomic), so parallel test workers that all call
 * ensureData() generate once. A lock left by a dead process is taken over.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

function holderAlive(lockDir: string): boolean {
  try {
    const pid = Number(readFileSync(join(lockDir, 'pid'), 'utf8'));
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM means the process exists but is not ours; a missing pid file means it is being written.
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'EPERM' || code === 'ENOENT';
  }
}

/** Runs fn while holding lockDir; waits (polling the holder's liveness) while another process holds it. */
export async function withDirLock<T>(lockDir: string, fn: () => Promise<T>): Promise<T> {
  mkdirSync(dirname(lockDir), { recursive: true });
  let waitedForDead = 0;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      if (!holderAlive(lockDir)) {
        // Give a just-created lock a moment to get its pid file before declaring it stale.
        if (++waitedForDead > 3) rmSync(lockDir, { recursive: true, force: true });
      } else {
        waitedForDead = 0;
      }
      // Polling is the portable way to wait on another process's lock; generation takes seconds.
      await delay(200);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}
