import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AccessLevelSchema, DuoTermSchema } from '../../../shared/federation/directory';
import { PullQuerySchema, PurposeDiseaseSchema, PurposeSchema } from '../../../shared/vault/vault';
import { canonicalJson } from '../audit/canonicalJson';
import { writeFileAtomic, writeFileAtomicAsync } from '../settings/atomicWrite';
import type { Binding } from './binding';
import { writeBinding } from './binding';
import { openSmall, sealSmall } from './chunkedCipher';
import type { VaultUser } from './datasetFolder';
import { scopeOf } from './datasetFolder';

/**
 * A pull's staging folder `<user vault>/.staging/<jobId>/`: the job cursor and every fetched page,
 * each sealed with the master key (AES-256-GCM, bound to user, job and page), written atomically.
 * A page is on disk before the cursor moves past it, so a resume after a crash or a lost network
 * refetches at most the page in flight and overwrites it: no duplicate, nothing missing.
 * `binding.json` (MAC'd, as a dataset's) names the grant the pull runs under, so the vault's purge
 * deletes the staged pages with the dataset when that grant is revoked or ends (issue 12).
 */

export const CursorZ = z.object({
  v: z.literal(1),
  jobId: z.string(),
  nodeId: z.string(),
  datasetId: z.string(),
  purpose: PurposeSchema,
  disease: PurposeDiseaseSchema.optional(),
  query: PullQuerySchema,
  entity: z.enum(['individuals', 'g_variants', 'done']),
  /** Next page to fetch for `entity`. */
  page: z.number().int().nonnegative(),
  /** Pages stored per entity. */
  pages: z.object({ individuals: z.number().int(), g_variants: z.number().int() }),
  records: z.number().int().nonnegative(),
  /** Records received per entity (issue 12 item 2: the loop advances by these, not by pages). */
  received: z
    .object({
      individuals: z.number().int().nonnegative(),
      g_variants: z.number().int().nonnegative(),
    })
    .optional(),
  bytes: z.number().int().nonnegative(),
  totals: z.object({
    individuals: z.number().int().optional(),
    g_variants: z.number().int().optional(),
  }),
  startedAt: z.string(),
  /** What the start-time check read from the node's catalogue (provenance for the manifest). */
  meta: z.object({
    nodeName: z.string(),
    country: z.string(),
    title: z.string(),
    level: AccessLevelSchema,
    duo: z.array(DuoTermSchema),
    allowLocalCopies: z.boolean(),
  }),
});
export type Cursor = z.infer<typeof CursorZ>;

const aad = (user: VaultUser, jobId: string, what: string): Buffer =>
  Buffer.from(canonicalJson({ v: 1, sub: user.sub, iss: user.iss, jobId, what }));

/** The staging area of one user's vault. */
export function stagingRoot(userDir: string): string {
  return join(userDir, '.staging');
}

export interface Staging {
  readonly dir: string;
  saveCursor(c: Cursor): void;
  /**
   * saveCursor without blocking the event loop (the pull loop, between pages), in two steps: the
   * cursor is sealed when this is called, and written when the returned function is (after its
   * page is on disk). Sealed at once, it is sealed with the key the pull holds now, even if the
   * vault closes and zeroes that key before the write (decision 0104).
   */
  sealCursorForLater(c: Cursor): () => Promise<void>;
  /** The grant this pull runs under (the purge judges the staged pages by it). */
  saveBinding(b: Binding): void;
  /**
   * Resolves once the page is durably on disk (fsynced, renamed into place). `json`, when given,
   * is `rows` already serialised (UTF-8 JSON, as the pull's page worker sends it, issue 20).
   */
  savePage(
    entity: 'individuals' | 'g_variants',
    page: number,
    rows: unknown,
    json?: Uint8Array,
  ): Promise<void>;
  readPage(entity: 'individuals' | 'g_variants', page: number): unknown;
  remove(): void;
}

/** Opens (creating) the staging folder of a job. */
export function openStaging(
  userDir: string,
  user: VaultUser,
  masterKey: Buffer,
  jobId: string,
): Staging {
  const dir = join(stagingRoot(userDir), jobId);
  mkdirSync(join(dir, 'pages'), { recursive: true, mode: 0o700 });
  const pageFile = (e: string, p: number) =>
    join(dir, 'pages', `${e}-${String(p).padStart(6, '0')}.sealed`);
  const sealCursor = (c: Cursor): Buffer =>
    sealSmall(masterKey, Buffer.from(JSON.stringify(c)), aad(user, jobId, 'cursor'));
  return {
    dir,
    saveCursor(c) {
      writeFileAtomic(join(dir, 'cursor.sealed'), sealCursor(c));
    },
    sealCursorForLater(c) {
      const sealed = sealCursor(c);
      return () => writeFileAtomicAsync(join(dir, 'cursor.sealed'), sealed);
    },
    saveBinding(b) {
      writeBinding(dir, `${scopeOf(user)}/.staging/${jobId}`, b, masterKey);
    },
    savePage(e, p, rows, json) {
      const what = `page ${e} ${p}`;
      const plain =
        json === undefined
          ? Buffer.from(JSON.stringify(rows))
          : Buffer.from(json.buffer, json.byteOffset, json.byteLength);
      return writeFileAtomicAsync(
        pageFile(e, p),
        sealSmall(masterKey, plain, aad(user, jobId, what)),
      );
    },
    readPage(e, p) {
      const plain = openSmall(
        masterKey,
        readFileSync(pageFile(e, p)),
        aad(user, jobId, `page ${e} ${p}`),
      );
      return JSON.parse(plain.toString('utf8')) as unknown;
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The cursor of one staged pull, or undefined when it has none yet or it does not open. */
export function readCursor(
  userDir: string,
  user: VaultUser,
  masterKey: Buffer,
  jobId: string,
): Cursor | undefined {
  const file = join(stagingRoot(userDir), jobId, 'cursor.sealed');
  try {
    const plain = openSmall(masterKey, readFileSync(file), aad(user, jobId, 'cursor'));
    return CursorZ.parse(JSON.parse(plain.toString('utf8')));
  } catch {
    return undefined;
  }
}

/** Cursors of interrupted pulls of this user (after a restart): resumable jobs. */
export function listCursors(userDir: string, user: VaultUser, masterKey: Buffer): Cursor[] {
  const root = stagingRoot(userDir);
  if (!existsSync(root)) return [];
  const out: Cursor[] = [];
  for (const jobId of readdirSync(root)) {
    const cursor = readCursor(userDir, user, masterKey, jobId);
    // No cursor yet or unreadable: nothing to resume; the folder holds no usable data.
    if (cursor === undefined) rmSync(join(root, jobId), { recursive: true, force: true });
    else out.push(cursor);
  }
  return out;
}
