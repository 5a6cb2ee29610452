import type { AuditLog } from '../audit/auditLog';
import type { Handlers } from '../ipc/router';
import type { VaultService } from '../vault/vaultTypes';
import type { CohortStore } from './cohortStore';
import { nativeCohortHandlers } from './nativeCohorts.handlers';

type CohortChannels =
  | 'cohorts:list'
  | 'cohorts:save'
  | 'cohorts:delete'
  | 'cohorts:exported'
  | 'cohorts:rows'
  | 'cohorts:sql'
  | 'cohorts:sqlBatch';

/** Handlers for cohorts:* channels: saved definitions, and the audit entry of every export. */
export function cohortHandlers(
  store: CohortStore,
  audit: AuditLog,
  vault?: VaultService,
): Pick<Handlers, CohortChannels> {
  return {
    // The command line's queries on native DuckDB over the vault (issue 23).
    ...nativeCohortHandlers(vault),
    'cohorts:list': () => ({ items: store.list() }),
    'cohorts:save': ({ id, name, filters }) => {
      const def = store.save({ id, name, filters });
      audit.append('cohort.save', { id: def.id, name: def.name });
      return def;
    },
    'cohorts:delete': ({ id }) => ({ deleted: store.remove(id) }),
    'cohorts:exported': ({ format, rows, datasets, leftOut, filters }) => {
      audit.append('cohort.export', { format, rows, datasets, leftOut, filters });
      return { recorded: true };
    },
  };
}
