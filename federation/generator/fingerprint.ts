/**
 * A hash of the generator's and reference tables' source, stored in the manifest: data made by
 * different code is never reused, even when GENERATOR_VERSION was not bumped (shared temp folders,
 * CI on a reused machine).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let cached: string | undefined;

function sources(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** sha256 over the generator and reference sources ('' when running from a bundle without them). */
export function codeFingerprint(): string {
  if (cached !== undefined) return cached;
  const here = import.meta.dirname;
  const files = [
    ...sources(here),
    ...sources(join(here, '..', 'reference')),
    join(here, '..', 'catalogue.ts'),
  ].filter((f) => existsSync(f));
  const h = createHash('sha256');
  for (const f of files) h.update(readFileSync(f));
  cached = files.length > 0 ? h.digest('hex').slice(0, 16) : '';
  return cached;
}
