import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { AuditLog } from '../audit/auditLog';
import type { Logger } from '../logging/logger';
import { writeFileAtomic } from '../settings/atomicWrite';

const StateZ = z.object({ request: z.string(), at: z.iso.datetime(), datasets: z.number() });

/** The file that remembers which purge request from IT was carried out (in the data folder). */
export const purgeStateFile = (dataDir: string): string => join(dataDir, 'cache-purge.json');

/**
 * IT's remote purge (issue 21, policy `cachePurgeRequest`): a request not yet carried out on this
 * machine deletes every user's cached datasets at start, before the vault opens. Each wrapped data
 * key goes before its data (crypto-shredding, DATA-09); the master key stays, so the audit chain keyed
 * from it still verifies. Every dataset gets a `vault.purge` entry with reason `policy`.
 * Returns how many datasets were deleted, or undefined when there was nothing to do.
 */
export function purgeOnPolicyRequest(opts: {
  request: string | undefined;
  vaultRoot: string;
  dataDir: string;
  audit: Pick<AuditLog, 'append'>;
  logger: Logger;
  now?: () => Date;
}): number | undefined {
  const { request, vaultRoot } = opts;
  if (request === undefined) return undefined;
  const file = purgeStateFile(opts.dataDir);
  if (existsSync(file)) {
    const done = StateZ.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (done.success && done.data.request === request) return undefined;
  }
  let datasets = 0;
  const scopes = existsSync(vaultRoot) ? readdirSync(vaultRoot) : [];
  for (const scope of scopes.filter((s) => /^[0-9a-f]{32}$/.test(s))) {
    const dir = join(vaultRoot, scope);
    for (const name of readdirSync(dir)) {
      const folder = join(dir, name);
      const isDataset =
        existsSync(join(folder, 'binding.json')) || existsSync(join(folder, 'key.wrapped'));
      rmSync(join(folder, 'key.wrapped'), { force: true });
      rmSync(folder, { recursive: true, force: true });
      if (!isDataset) continue;
      datasets += 1;
      // `message` stays readable in the audit log (sealedFields.ts), so IT sees whose request it was.
      opts.audit.append('vault.purge', {
        datasetId: name,
        reason: 'policy',
        message: `deleted at IT's request ${request} (policy cachePurgeRequest)`,
      });
    }
  }
  const at = (opts.now ?? (() => new Date()))().toISOString();
  writeFileAtomic(file, `${JSON.stringify({ request, at, datasets })}\n`);
  opts.logger.info('vault.policy_purge', { request, datasets });
  return datasets;
}
