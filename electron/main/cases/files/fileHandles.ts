import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { FileRef } from '../../../../shared/cases/channels';
import type { SourceSpec } from '../import/workerProtocol';

/**
 * Opaque handles for files the user chose (issue 16): the renderer holds `fh_…` strings, never a
 * path, so a compromised page cannot make main read an arbitrary file. Handles are created only by
 * main's own open dialog (Electron), the authenticated upload route (browser mode) or the command
 * line; each belongs to the owner who chose it and expires.
 */

export interface FileEntry {
  readonly name: string;
  readonly size: number;
  readonly source: SourceSpec;
  /** The vault scope of the owner who chose it. */
  readonly owner: string;
  readonly index?: string;
  readonly expiresAt: number;
}

export interface FileHandles {
  add(entry: Omit<FileEntry, 'expiresAt'>): FileRef;
  /** The entry, when it exists, has not expired and belongs to `owner`. */
  get(handle: string, owner: string): FileEntry | undefined;
  /** Forgets a handle; an upload spool is deleted with it. */
  drop(handle: string): void;
  /** Marks a handle read by a running import (`on`), or no longer (issue 16). */
  hold(handle: string, on: boolean): void;
  /** Whether a running import reads the handle's file: New case must not release it then. */
  inUse(handle: string): boolean;
  close(): void;
}

/** Handles live this long unused (a dialog left open over lunch still works). */
const TTL_MS = 4 * 3600_000;

export function createFileHandles(now: () => number = Date.now): FileHandles {
  const entries = new Map<string, FileEntry>();
  const held = new Set<string>();
  const remove = (handle: string): void => {
    const e = entries.get(handle);
    entries.delete(handle);
    held.delete(handle);
    if (e?.source.kind === 'spool') rmSync(e.source.path, { force: true });
  };
  const sweep = (): void => {
    for (const [h, e] of entries) if (e.expiresAt <= now()) remove(h);
  };
  return {
    add(entry) {
      sweep();
      const handle = `fh_${randomBytes(16).toString('base64url')}`;
      entries.set(handle, { ...entry, expiresAt: now() + TTL_MS });
      return {
        handle,
        name: entry.name,
        size: entry.size,
        ...(entry.index === undefined ? {} : { index: entry.index }),
      };
    },
    get(handle, owner) {
      sweep();
      const e = entries.get(handle);
      return e !== undefined && e.owner === owner ? e : undefined;
    },
    drop: remove,
    hold(handle, on) {
      if (on) held.add(handle);
      else held.delete(handle);
    },
    inUse: (handle) => held.has(handle),
    close() {
      for (const h of [...entries.keys()]) remove(h);
    },
  };
}
