import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { SeenAnswer } from '../../../shared/seen/channels';
import { SeenAnswerSchema } from '../../../shared/seen/channels';
import { canonicalJson } from '../audit/canonicalJson';
import { writeFileAtomic } from '../settings/atomicWrite';
import { openSmall, sealSmall } from '../vault/chunkedCipher';
import type { VaultUser } from '../vault/datasetFolder';

/**
 * The federation's answers for a case (issue 18), sealed in the case's own folder under the case's
 * data key (decision 0022): `seen.sealed`, bound to owner and folder like the manifest, so the
 * answers go with the case (deleted with its key) and reopen offline with their time and node.
 */
const FILE = 'seen.sealed';

const SeenFileZ = z.object({ v: z.literal(1), answers: z.array(SeenAnswerSchema) });

/** Most answers kept per case (oldest dropped first): 1 000 alleles × 20 nodes, with room. */
export const MAX_STORED = 40_000;

export interface SealedCase {
  readonly dir: string;
  readonly folder: string;
  readonly dataKey: Buffer;
  readonly user: VaultUser;
}

const binding = (c: SealedCase): Buffer =>
  Buffer.from(
    canonicalJson({ v: 1, what: 'case-seen', iss: c.user.iss, sub: c.user.sub, folder: c.folder }),
    'utf8',
  );

/** The stored answers (none yet: an empty list); throws when the file was altered. */
export function readSeen(c: SealedCase): SeenAnswer[] {
  const path = join(c.dir, FILE);
  if (!existsSync(path)) return [];
  const plain = openSmall(c.dataKey, readFileSync(path), binding(c));
  return SeenFileZ.parse(JSON.parse(plain.toString('utf8'))).answers;
}

/**
 * Adds answers: the newest per allele and node replaces an older one, except that a failed answer
 * never replaces a good one (an offline retry keeps what the node said before, with its time).
 */
export function mergeSeen(c: SealedCase, fresh: readonly SeenAnswer[]): SeenAnswer[] {
  const byKey = new Map(readSeen(c).map((a) => [`${a.key}|${a.nodeId}`, a]));
  for (const a of fresh) {
    const k = `${a.key}|${a.nodeId}`;
    const old = byKey.get(k);
    if (old !== undefined && old.status === 'ok' && a.status !== 'ok') continue;
    byKey.delete(k);
    byKey.set(k, a);
  }
  const answers = [...byKey.values()].slice(-MAX_STORED);
  writeFileAtomic(
    join(c.dir, FILE),
    sealSmall(c.dataKey, Buffer.from(JSON.stringify({ v: 1, answers })), binding(c)),
  );
  return answers;
}
