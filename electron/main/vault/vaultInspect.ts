import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { RemovedReason } from '../../../shared/vault/vault';
import type { VaultNoteCoded } from '../../../shared/vault/vaultNote';
import type { SessionGrants } from '../auth/access/datasetGrants';
import { readCursor } from './staging';
import type { Binding } from './binding';
import { checkBinding, matchesManifest, readBinding, writeBinding } from './binding';
import type { DataKeyCache } from './dataKeyCache';
import { KeyFileMissingError } from './dataKeyCache';
import type { VaultUser } from './datasetFolder';
import { readManifest } from './datasetFolder';
import type { LocalCachePolicy, Readability } from './retention';
import { readability } from './retention';

/** What the vault knows right now, for judging one folder. */
export interface InspectContext {
  readonly root: string;
  readonly masterKey: Buffer | undefined;
  readonly keys: DataKeyCache;
  /** The signed-in user's grants, when `scope` is theirs. */
  readonly owner: SessionGrants | undefined;
  readonly now: number;
  readonly localCache: LocalCachePolicy;
  /** `<scope>/<id>` of copies confirmed readable by a definitive check in this process. */
  readonly confirmed: ReadonlySet<string>;
}

const purged = (reason: RemovedReason, message: string, said: VaultNoteCoded): Readability => ({
  readable: false,
  purge: reason,
  message,
  said,
});

/** A binding changed outside the app: of a copy, or of a staged pull (`staged`). */
const tampered = (id: string, staged = false): Readability =>
  purged(
    'tampered',
    `The binding.json of ${staged ? 'a staged pull of ' : ''}${id} was changed outside Cohort Desk (it no longer matches the sealed record), so the copy is refused and deleted (issue 12).`,
    { code: staged ? 'tampered-staging' : 'tampered', params: { dataset: id } },
  );

/**
 * The binding of `<scope>/<id>`, authenticated as far as the vault can now: its MAC with the master
 * key, and for a binding written before issue 12 (no MAC) its sealed manifest, once the owner is
 * signed in; such a binding that matches is signed in place (old caches stay readable).
 */
function authentic(
  ctx: InspectContext,
  scope: string,
  id: string,
): { binding?: Binding; refused?: Readability } {
  const dir = join(ctx.root, scope, id);
  const raw = readBinding(dir);
  if (raw === undefined || ctx.masterKey === undefined)
    return raw === undefined ? {} : { binding: raw };
  const place = `${scope}/${id}`;
  const check = checkBinding(raw, place, ctx.masterKey);
  if (check === 'forged') return { refused: tampered(id) };
  if (check === 'valid' || ctx.owner === undefined) return { binding: raw };
  const user: VaultUser = ctx.owner.user;
  const key = ctx.keys.get(dir, user, id, ctx.masterKey);
  if (!matchesManifest(raw, readManifest(dir, user, id, key))) return { refused: tampered(id) };
  writeBinding(dir, place, raw, ctx.masterKey);
  return { binding: raw };
}

/**
 * When a copy whose binding predates issue 21 (no pulledAt) was pulled, for cacheMaxDays: the time
 * its sealed record was written (at the pull, never rewritten; the binding itself may be re-signed).
 */
function pulledFallback(dir: string, b: Binding | undefined): { pulledAt?: number } {
  if (b === undefined || b.pulledAt !== undefined) return {};
  try {
    return { pulledAt: statSync(join(dir, 'manifest.sealed')).mtimeMs };
  } catch {
    return {};
  }
}

/** Whether a dataset folder may be read, or is deleted by the next purge, and why. */
export function inspectDataset(ctx: InspectContext, scope: string, id: string): Readability {
  const dir = join(ctx.root, scope, id);
  if (!existsSync(join(dir, 'key.wrapped')))
    return purged(
      'corrupt',
      `The key file of ${id} is missing, so its local copy can never be decrypted again; it is deleted.`,
      { code: 'key-missing', params: { dataset: id } },
    );
  let a: ReturnType<typeof authentic>;
  try {
    a = authentic(ctx, scope, id);
  } catch (error: unknown) {
    if (error instanceof KeyFileMissingError)
      return purged('corrupt', error.message, { code: 'key-missing', params: { dataset: id } });
    return purged(
      'corrupt',
      `The sealed record of ${id} failed its integrity check; the copy is deleted.`,
      { code: 'integrity', params: { dataset: id } },
    );
  }
  if (a.refused !== undefined) return a.refused;
  return readability(a.binding, ctx.owner, ctx.now, {
    localCache: ctx.localCache,
    confirmed: ctx.confirmed.has(`${scope}/${id}`),
    ...pulledFallback(dir, a.binding),
  });
}

/**
 * The same judgement for a staged pull `<scope>/.staging/<jobId>`. A staging folder written before
 * issue 12 has no binding: once its owner is signed in with the vault open, it gets the current
 * grant's binding, or is judged revoked when a definitive check finds no grant.
 */
export function inspectStaging(
  ctx: InspectContext,
  scope: string,
  jobId: string,
): { state: Readability; datasetId?: string } {
  const dir = join(ctx.root, scope, '.staging', jobId);
  const place = `${scope}/.staging/${jobId}`;
  const raw = readBinding(dir);
  const judge = (b: Binding): { state: Readability; datasetId: string } => ({
    datasetId: b.datasetId,
    state: readability(b, ctx.owner, ctx.now, { localCache: ctx.localCache, confirmed: true }),
  });
  if (raw !== undefined) {
    if (ctx.masterKey !== undefined && checkBinding(raw, place, ctx.masterKey) !== 'valid')
      return {
        datasetId: raw.datasetId,
        state: tampered(raw.datasetId, true),
      };
    return judge(raw);
  }
  if (ctx.owner === undefined || ctx.masterKey === undefined) return { state: { readable: true } };
  const cursor = readCursor(join(ctx.root, scope), ctx.owner.user, ctx.masterKey, jobId);
  if (cursor === undefined) return { state: { readable: true } };
  const grant = ctx.owner.grants.find(
    (g) => g.nodeId === cursor.nodeId && g.datasetId === cursor.datasetId,
  );
  if (grant !== undefined) {
    const b: Binding = {
      datasetId: grant.datasetId,
      nodeId: grant.nodeId,
      visa: grant.visa,
      expiresAt: new Date(grant.visa.exp * 1000).toISOString(),
    };
    writeBinding(dir, place, b, ctx.masterKey);
    return judge(b);
  }
  const definitive =
    ctx.owner.unverifiable === undefined && ctx.owner.knownNodes.includes(cursor.nodeId);
  return {
    datasetId: cursor.datasetId,
    state: definitive
      ? purged(
          'visa-revoked',
          `Your passport no longer holds the access grant for ${cursor.datasetId}; the interrupted pull is deleted.`,
          { code: 'staging-revoked', params: { dataset: cursor.datasetId } },
        )
      : { readable: true },
  };
}
