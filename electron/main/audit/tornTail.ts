import { closeSync, existsSync, fsyncSync, openSync, readFileSync, ftruncateSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { writeFileAtomic } from '../settings/atomicWrite';

/** Where a torn tail went, for the audit entry that records it. */
export interface Quarantined {
  /** File name beside the log. */
  readonly quarantined: string;
  readonly bytes: number;
  /** The line the torn text was on. */
  readonly line: number;
}

/**
 * A crash mid-append leaves a last line without its newline, which used to stop the app at start
 * (issue 12 item 6). Every complete line is kept; the torn bytes are moved to a side file
 * (`audit.torn-<time>.jsonl`, written and synced before the log is cut, so a crash in between only
 * quarantines them twice) and the caller records that in a new entry.
 */
export function quarantineTornTail(file: string, now: Date): Quarantined | undefined {
  if (!existsSync(file)) return undefined;
  const bytes = readFileSync(file);
  if (bytes.length === 0 || bytes[bytes.length - 1] === 0x0a) return undefined;
  const cut = bytes.lastIndexOf(0x0a) + 1;
  const tail = bytes.subarray(cut);
  let line = 1;
  for (let i = 0; i < cut; i += 1) if (bytes[i] === 0x0a) line += 1;
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const name = `${basename(file, '.jsonl')}.torn-${stamp}.jsonl`;
  writeFileAtomic(join(dirname(file), name), tail);
  const fd = openSync(file, 'r+');
  try {
    ftruncateSync(fd, cut);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return { quarantined: name, bytes: tail.length, line };
}
