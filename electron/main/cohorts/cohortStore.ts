import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { CohortDefinition, CohortFilters } from '../../../shared/cohorts/definition';
import { CohortDefinitionSchema } from '../../../shared/cohorts/definition';
import type { Logger } from '../logging/logger';
import type { StateOwner, UserStateFile } from '../vault/userState';
import { createUserStateFile } from '../vault/userState';

const MAX_SAVED = 200;
const ListSchema = z.array(CohortDefinitionSchema);
/** The plaintext cohorts.json of versions before issue 13 (shared by every user of the app). */
const LegacyFileSchema = z.object({ version: z.literal(1), items: ListSchema });

export interface CohortStore {
  list(): CohortDefinition[];
  save(input: { id?: string | undefined; name: string; filters: CohortFilters }): CohortDefinition;
  remove(id: string): boolean;
}

/** Union by id, the newest saved first. */
const mergeSaved = (a: CohortDefinition[], b: CohortDefinition[]): CohortDefinition[] => {
  const byId = new Map<string, CohortDefinition>();
  for (const d of [...a, ...b]) {
    const seen = byId.get(d.id);
    if (seen === undefined || seen.savedAt < d.savedAt) byId.set(d.id, d);
  }
  return [...byId.values()]
    .sort((x, y) => (x.savedAt < y.savedAt ? 1 : x.savedAt > y.savedAt ? -1 : 0))
    .slice(0, MAX_SAVED);
};

/**
 * Saved cohort definitions (filters and a name, never rows) of the signed-in user. Phenotype and
 * gene filters can describe one patient, so they are sealed per user like recent queries
 * (vault/userState.ts; issue 13: no other user of the app sees them).
 */
export function createCohortStore(
  state: UserStateFile<CohortDefinition[]>,
  now: () => Date = () => new Date(),
): CohortStore {
  return {
    list: () => state.get(),
    save({ id, name, filters }) {
      const def: CohortDefinition = {
        id: id ?? randomUUID(),
        name,
        filters,
        savedAt: now().toISOString(),
      };
      state.update((items) => [def, ...items.filter((i) => i.id !== def.id)].slice(0, MAX_SAVED));
      return def;
    },
    remove(id) {
      const before = state.get().length;
      return state.update((items) => items.filter((i) => i.id !== id)).length !== before;
    },
  };
}

/**
 * The store for whoever `owner` says is signed in. A plaintext `cohorts.json` left by an older
 * version is adopted by the first user whose saved cohorts load with the vault open, then deleted
 * (docs/decisions/0011-vault-keys-revocation-user-state.md).
 */
export function cohortStoreFor(opts: {
  owner: () => StateOwner | undefined;
  logger: Logger;
  legacyFile?: string;
  watch?: (listener: () => void) => () => void;
}): CohortStore {
  const { legacyFile } = opts;
  return createCohortStore(
    createUserStateFile({
      name: 'saved-cohorts',
      schema: ListSchema,
      empty: () => [],
      merge: mergeSaved,
      owner: opts.owner,
      logger: opts.logger,
      ...(opts.watch === undefined ? {} : { watch: opts.watch }),
      ...(legacyFile === undefined
        ? {}
        : {
            legacy: {
              file: legacyFile,
              read: (text: string) => LegacyFileSchema.parse(JSON.parse(text)).items,
              adopt: true,
            },
          }),
    }),
  );
}
