/**
 * Who holds which visa right now: initialised from the seed accounts, changed at runtime by the admin
 * endpoint and by sign-ins (the `expiring` grant restarts its clock at each sign-in), persisted under stateDir.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { ALL_DATASETS } from '../foreign/catalogue';
import type { ConditionClause, SeedAccount } from './accounts';
import { readJsonIfExists, writeJsonAtomic } from './stateFiles';

/** Default lifetime of a DAC grant or registered-access assertion when nothing shorter is asked for. */
export const DEFAULT_GRANT_LIFETIME_SEC = 365 * 24 * 3600;

const clause = z.object({
  type: z.string(),
  value: z.string().optional(),
  source: z.string().optional(),
  by: z.string().optional(),
});
const grantState = z.object({
  asserted: z.number().int(),
  expiresAt: z.number().int(),
  expiresAfterSignInSec: z.number().int().positive().optional(),
  conditions: z.array(z.array(clause)).optional(),
});
export type GrantState = z.infer<typeof grantState>;
const accountState = z.object({
  registeredAt: z.number().int().optional(),
  grants: z.record(z.string(), grantState),
});
export type AccountState = z.infer<typeof accountState>;
const stateFile = z.object({ version: z.literal(1), accounts: z.record(z.string(), accountState) });

/** An admin or sign-in change that refers to something that does not exist. */
export class GrantError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404,
  ) {
    super(message);
  }
}

const nowSec = (): number => Math.floor(Date.now() / 1000);

function seedState(seed: SeedAccount, now: number): AccountState {
  const grants: Record<string, GrantState> = {};
  for (const g of seed.grants) {
    const lifetime = g.expiresAfterSignInSec ?? DEFAULT_GRANT_LIFETIME_SEC;
    grants[g.datasetId] = {
      asserted: now,
      expiresAt: now + lifetime,
      ...(g.expiresAfterSignInSec === undefined
        ? {}
        : { expiresAfterSignInSec: g.expiresAfterSignInSec }),
      ...(g.conditions === undefined
        ? {}
        : { conditions: g.conditions satisfies ConditionClause[][] }),
    };
  }
  return seed.registered ? { registeredAt: now, grants } : { grants };
}

export interface GrantsStore {
  get(username: string): AccountState | undefined;
  recordSignIn(username: string): Promise<void>;
  grant(username: string, datasetId: string, expiresInSec?: number): Promise<void>;
  revoke(username: string, datasetId: string): Promise<void>;
  expire(username: string, datasetId: string): Promise<void>;
}

/** Opens `${stateDir}/grants.json`, adding any seed account it does not know yet. */
export async function openGrantsStore(
  stateDir: string,
  seed: readonly SeedAccount[],
): Promise<GrantsStore> {
  const file = join(stateDir, 'grants.json');
  const raw = await readJsonIfExists(file);
  const state = raw === undefined ? { version: 1 as const, accounts: {} } : stateFile.parse(raw);
  const now = nowSec();
  for (const account of seed) state.accounts[account.username] ??= seedState(account, now);

  let writing: Promise<void> = Promise.resolve();
  const persist = (): Promise<void> => (writing = writing.then(() => writeJsonAtomic(file, state)));
  await persist();

  const account = (username: string): AccountState => {
    const a = state.accounts[username];
    if (a === undefined) throw new GrantError(`unknown user ${username}`, 404);
    return a;
  };
  const existing = (username: string, datasetId: string): GrantState => {
    const g = account(username).grants[datasetId];
    if (g === undefined) throw new GrantError(`${username} holds no grant for ${datasetId}`, 404);
    return g;
  };

  return {
    get: (username) => state.accounts[username],
    async recordSignIn(username) {
      const t = nowSec();
      for (const g of Object.values(account(username).grants)) {
        if (g.expiresAfterSignInSec !== undefined) g.expiresAt = t + g.expiresAfterSignInSec;
      }
      await persist();
    },
    async grant(username, datasetId, expiresInSec) {
      const a = account(username);
      if (!ALL_DATASETS.some((d) => d.id === datasetId))
        throw new GrantError(`unknown dataset ${datasetId}`, 400);
      if (expiresInSec !== undefined && (!Number.isInteger(expiresInSec) || expiresInSec <= 0)) {
        throw new GrantError('expiresInSec must be a positive integer', 400);
      }
      const t = nowSec();
      a.grants[datasetId] = {
        asserted: t,
        expiresAt: t + (expiresInSec ?? DEFAULT_GRANT_LIFETIME_SEC),
      };
      await persist();
    },
    async revoke(username, datasetId) {
      existing(username, datasetId);
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- the record is keyed by dataset id
      delete account(username).grants[datasetId];
      await persist();
    },
    async expire(username, datasetId) {
      const g = existing(username, datasetId);
      // The visa stays in the passport with `exp` in the past, so clearinghouses exercise their expiry check.
      g.expiresAt = nowSec() - 1;
      g.asserted = Math.min(g.asserted, g.expiresAt - 60);
      delete g.expiresAfterSignInSec;
      await persist();
    },
  };
}
