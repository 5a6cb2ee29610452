import type { RemovedReason, VisaBinding } from '../../../shared/vault/vault';
import type { SessionGrants } from '../auth/access/datasetGrants';
import type { Binding } from './binding';
import { retentionEnd } from './binding';
import type { VaultNoteCoded } from '../../../shared/vault/vaultNote';

/**
 * Whether a cached dataset (or a staged pull) may be read now, whether the next purge deletes it
 * (PASS-03, DATA-05), and a note telling the user why it is kept when its access could not be
 * confirmed (issue 12).
 */
export type Readability =
  | { readable: true; purge?: undefined; message?: undefined; note?: string; said?: VaultNoteCoded }
  | {
      readable: false;
      purge?: RemovedReason;
      message: string;
      note?: undefined;
      /** `message` or `note` as a code the Cohorts page words (issue 22). */
      said?: VaultNoteCoded;
    };

/** Whether local copies are allowed now, and whether hospital policy decides it (issue 13). */
export interface LocalCachePolicy {
  readonly allowed: boolean;
  readonly managed: boolean;
  /** Days a copy may stay after its pull; 0 or absent: until its grant ends (cacheMaxDays, issue 21). */
  readonly maxDays?: number;
  /** Whether hospital policy locks maxDays (the message says who decided). */
  readonly maxDaysManaged?: boolean;
}

export const ALLOWED: LocalCachePolicy = { allowed: true, managed: false };

const DAY_MS = 86_400_000;

const sameVisa = (a: VisaBinding, b: VisaBinding): boolean =>
  a.value === b.value && a.iss === b.iss && a.source === b.source;

/**
 * `session` is the owner's current grants, or undefined when the owner is not signed in (then only
 * the recorded expiry and the policy can decide). Only two facts delete a copy: its retention end
 * passed (`visa-expired`), or a passport that could be checked no longer holds its visa
 * (`visa-revoked`); plus hospital policy forbidding local copies (`policy`). A node that could
 * not be reached, or a directory that failed, never deletes anything: the copy stays readable under
 * the last confirmed grant (`confirmed`) or locked, until the grant ends.
 */
export function readability(
  binding: Binding | undefined,
  session: Omit<SessionGrants, 'user'> | undefined,
  nowMs: number,
  ctx: {
    localCache: LocalCachePolicy;
    confirmed: boolean;
    /** Epoch ms of the pull when the binding does not say (copies pulled before issue 21). */
    pulledAt?: number;
  },
): Readability {
  if (binding === undefined) {
    return {
      readable: false,
      purge: 'corrupt',
      message: 'The dataset folder is incomplete or damaged.',
      said: { code: 'corrupt' },
    };
  }
  const id = binding.datasetId;
  const end = retentionEnd(binding);
  const until = new Date(end).toISOString();
  if (end <= nowMs) {
    return {
      readable: false,
      purge: 'visa-expired',
      message: `The access grant for ${id} expired on ${until}; the local copy is deleted.`,
      said: { code: 'grant-expired', params: { dataset: id, until } },
    };
  }
  const maxDays = ctx.localCache.maxDays ?? 0;
  const pulledAt = binding.pulledAt === undefined ? ctx.pulledAt : Date.parse(binding.pulledAt);
  if (maxDays > 0 && pulledAt !== undefined && pulledAt + maxDays * DAY_MS <= nowMs) {
    const managed = ctx.localCache.maxDaysManaged === true;
    const who = managed ? 'Your organisation’s policy keeps' : 'Your settings keep';
    const pulled = new Date(pulledAt).toISOString();
    return {
      readable: false,
      purge: 'policy',
      message: `${who} pulled datasets for at most ${maxDays} days (cacheMaxDays); the local copy of ${id}, pulled on ${pulled}, is deleted.`,
      said: {
        code: managed ? 'max-days-policy' : 'max-days-settings',
        params: { dataset: id, days: maxDays, pulled },
      },
    };
  }
  if (!ctx.localCache.allowed) {
    return ctx.localCache.managed
      ? {
          readable: false,
          purge: 'policy',
          message: `Your organisation’s policy does not allow local copies (allowLocalCache), so the local copy of ${id} is deleted. Counts stay available on the Search page.`,
          said: { code: 'policy-no-cache', params: { dataset: id } },
        }
      : {
          readable: false,
          message: `Local copies are turned off in Settings, so ${id} is locked; turn them on to use it again (it is deleted when its grant ends on ${until}).`,
          said: { code: 'cache-off', params: { dataset: id, until } },
        };
  }
  if (session === undefined)
    return {
      readable: false,
      message: 'Sign in as the user who pulled this dataset.',
      said: { code: 'sign-in' },
    };
  const keptUntil = `it is deleted when its grant ends on ${until}`;
  if (session.unverifiable !== undefined) {
    const why = `Your access to ${id} could not be checked: ${session.unverifiable}`;
    // The directory's problem travels coded (`directory` and its values, decision 0076); a
    // session without the code (a test's, an older main's) keeps the English as `why`.
    const said = session.unverifiableSaid;
    const params =
      said === undefined
        ? { dataset: id, until, why: session.unverifiable }
        : { dataset: id, until, directory: said.code, ...said.params };
    return ctx.confirmed
      ? {
          readable: true,
          note: `${why} It stays readable under the grant last confirmed; ${keptUntil}.`,
          said: { code: 'unverifiable-kept', params },
        }
      : {
          readable: false,
          message: `${why} The local copy stays locked until it can be checked; ${keptUntil}.`,
          said: { code: 'unverifiable-locked', params },
        };
  }
  const inPassport = session.visas.some((v) => sameVisa(v, binding.visa));
  if (session.knownNodes.includes(binding.nodeId)) {
    const held = session.grants.some(
      (g) => g.datasetId === id && g.nodeId === binding.nodeId && sameVisa(g.visa, binding.visa),
    );
    if (held) return { readable: true };
    if (inPassport)
      return {
        readable: false,
        message: `Node ${binding.nodeId} no longer lists ${id} under the grant in your passport, so the local copy is locked; ${keptUntil}.`,
        said: { code: 'not-listed', params: { dataset: id, node: binding.nodeId, until } },
      };
  } else if (inPassport && session.passportOnly === true) {
    // A command that reads only the local cache checked the passport, not the node (issue 23):
    // readable, but not a confirmation by the node (the note keeps it out of `confirmed`).
    return {
      readable: true,
      note: `Checked against your passport, which still holds the grant for ${id}; node ${binding.nodeId} was not asked by this command. ${keptUntil[0]?.toUpperCase() ?? ''}${keptUntil.slice(1)}.`,
      said: { code: 'passport-only', params: { dataset: id, node: binding.nodeId, until } },
    };
  } else if (inPassport) {
    const problem = session.nodeProblems.find((p) => p.nodeId === binding.nodeId);
    const why =
      problem === undefined
        ? `Node ${binding.nodeId} is not in the federation directory now`
        : `Node ${binding.nodeId} could not be reached to confirm the grant`;
    return {
      readable: true,
      note: `${why}; your passport still holds the grant for ${id}, so the local copy stays readable and ${keptUntil}.`,
      said: {
        code: problem === undefined ? 'node-absent' : 'node-unreachable',
        params: { dataset: id, node: binding.nodeId, until },
      },
    };
  }
  return {
    readable: false,
    purge: 'visa-revoked',
    message: `Your passport no longer holds the access grant for ${id} (revoked or ended at the issuer); the local copy is deleted.`,
    said: { code: 'revoked', params: { dataset: id } },
  };
}
