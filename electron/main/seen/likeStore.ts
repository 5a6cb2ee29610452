import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { LikeStoredRun } from '../../../shared/seen/channels';
import { LikeStoredRunSchema } from '../../../shared/seen/channels';
import { canonicalJson } from '../audit/canonicalJson';
import { writeFileAtomic } from '../settings/atomicWrite';
import { openSmall, sealSmall } from '../vault/chunkedCipher';
import type { SealedCase } from './seenStore';

/**
 * The case's "patients like mine" runs (issue 18), sealed like its seen-before answers
 * (`like.sealed` under the case's data key, bound to owner and folder): the exact query each node
 * was sent, when, and each node's final answer, so a reopened case shows them offline as of then.
 */
const FILE = 'like.sealed';

/** Runs kept per case, newest last (older ones dropped: a new query is one click away). */
export const MAX_LIKE_RUNS = 20;

const LikeFileZ = z.object({ v: z.literal(1), runs: z.array(LikeStoredRunSchema) });

const binding = (c: SealedCase): Buffer =>
  Buffer.from(
    canonicalJson({ v: 1, what: 'case-like', iss: c.user.iss, sub: c.user.sub, folder: c.folder }),
    'utf8',
  );

/** The stored runs, oldest first (none yet: an empty list); throws when the file was altered. */
export function readLikeRuns(c: SealedCase): LikeStoredRun[] {
  const path = join(c.dir, FILE);
  if (!existsSync(path)) return [];
  const plain = openSmall(c.dataKey, readFileSync(path), binding(c));
  return LikeFileZ.parse(JSON.parse(plain.toString('utf8'))).runs;
}

/** Adds one run (the oldest beyond MAX_LIKE_RUNS go); returns what is stored now. */
export function addLikeRun(c: SealedCase, run: LikeStoredRun): LikeStoredRun[] {
  const runs = [...readLikeRuns(c).filter((r) => r.queryId !== run.queryId), run].slice(
    -MAX_LIKE_RUNS,
  );
  writeFileAtomic(
    join(c.dir, FILE),
    sealSmall(c.dataKey, Buffer.from(JSON.stringify({ v: 1, runs })), binding(c)),
  );
  return runs;
}
