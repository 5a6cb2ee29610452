/**
 * A cross-process lock on a directory path (mkdir is atomic), so parallel test workers that all call
 * ensureData() generate once. A lock left by a dead process is taken over.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

type Holder = 'alive' | 'dead' | 'unknown';

function holder(lockDir: string): Holder {
  let pid: number;
  try {
    pid = Number(readFileSync(join(lockDir, 'pid'), 'utf8'));
  } catch {
    return 'unknown'; // the holder has not written its pid yet (or died right after mkdir)
  }
  if (!Number.isInteger(pid) || pid <= 0) return 'unknown';
  try {
    process.kill(pid, 0);
    return 'alive';
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM' ? 'alive' : 'dead';
  }
}

/** Runs fn while holding lockDir; waits (polling the holder's liveness) while another process holds it. */
export async function withDirLock<T>(lockDir: string, fn: () => Promise<T>): Promise<T> {
  mkdirSync(dirname(lockDir), { recursive: true });
  let unknownPolls = 0;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const state = holder(lockDir);
      unknownPolls = state === 'unknown' ? unknownPolls + 1 : 0;
      // A dead holder, or one that never wrote its pid within ~5 s, left a stale lock: take it over.
      if (state === 'dead' || unknownPolls > 25) rmSync(lockDir, { recursive: true, force: true });
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
