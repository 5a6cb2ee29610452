/** Seed accounts of the demo broker: loaded from a JSON seed file, passwords stored as scrypt hashes. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DUMMY_HASH, verifyPassword } from './passwords';

/** Password of every seed account (demo only; documented in the README of the federation). */
export const DEMO_PASSWORD = 'demo-password';

/** Default seed file shipped with the repository. */
export const DEFAULT_SEED_FILE = fileURLToPath(new URL('./seed/accounts.json', import.meta.url));

const authority = z.enum(['self', 'peer', 'system', 'so', 'dac']);

/** One clause of a visa `conditions` DNF (PASS spec: type plus prefixed value/source/by matchers). */
const conditionClause = z.object({
  type: z.string().min(1),
  value: z.string().optional(),
  source: z.string().optional(),
  by: z.string().optional(),
});
export type ConditionClause = z.infer<typeof conditionClause>;

const seedGrant = z.object({
  datasetId: z.string().min(1),
  /** The DAC grant lapses this many seconds after each sign-in (the `expiring` test account). */
  expiresAfterSignInSec: z.number().int().positive().optional(),
  conditions: z.array(z.array(conditionClause).min(1)).optional(),
});
export type SeedGrant = z.infer<typeof seedGrant>;

const seedAccount = z.object({
  username: z.string().regex(/^[a-z0-9._-]+$/u),
  name: z.string(),
  email: z.string(),
  description: z.string(),
  passwordHash: z.string().startsWith('scrypt$'),
  registered: z.boolean(),
  affiliations: z.array(
    z.object({ value: z.string().includes('@'), source: z.url(), by: authority }),
  ),
  grants: z.array(seedGrant),
});
export type SeedAccount = z.infer<typeof seedAccount>;

const seedFile = z.object({ version: z.literal(1), accounts: z.array(seedAccount).min(1) });

/** Reads and validates a seed file. */
export async function loadSeed(file: string = DEFAULT_SEED_FILE): Promise<SeedAccount[]> {
  const parsed = seedFile.parse(JSON.parse(await readFile(file, 'utf8')));
  return parsed.accounts;
}

/** Checks a username/password pair; costs one scrypt either way so unknown users are not revealed by timing. */
export async function authenticate(
  accounts: readonly SeedAccount[],
  username: string,
  password: string,
): Promise<SeedAccount | undefined> {
  const account = accounts.find((a) => a.username === username);
  const ok = await verifyPassword(password, account?.passwordHash ?? DUMMY_HASH);
  return ok && account !== undefined ? account : undefined;
}
