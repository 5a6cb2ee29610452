import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * Browser mode's address per data folder (issue 13): the port of the first run is kept in
 * `<data>/browser-mode.json` and asked for again, so a bookmark reaches the same page on every
 * start (which then says to open the app from its launcher: the launch code is per run).
 */
const FILE = 'browser-mode.json';
const StoredSchema = z.object({
  version: z.literal(1),
  port: z.number().int().min(1024).max(65535),
});

/** The port this data folder used before, if any (a damaged file counts as none). */
export function rememberedPort(dataDir: string): number | undefined {
  try {
    const parsed = StoredSchema.safeParse(JSON.parse(readFileSync(join(dataDir, FILE), 'utf8')));
    return parsed.success ? parsed.data.port : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps `port` as this data folder's address (written whole or not at all). */
export function rememberPort(dataDir: string, port: number): void {
  const file = join(dataDir, FILE);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ version: 1, port })}\n`, { mode: 0o600 });
  renameSync(temporary, file);
}

/** What to tell the person when the usual port was taken and another one serves this run. */
export function portTakenNotice(usual: number, used: number): string {
  return (
    `Port ${usual}, this data folder's usual address, is in use by another program; ` +
    `using ${used} for this run only. Bookmarks of http://127.0.0.1:${usual} work again once it is free.`
  );
}
