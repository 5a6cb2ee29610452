import { z } from 'zod';
import type { RecentQuery } from '../../../shared/search/channels';
import { RecentQuerySchema } from '../../../shared/search/channels';
import { describeQuery, type SearchQuery } from '../../../shared/search/query';
import type { Logger } from '../logging/logger';
import type { StateOwner, UserStateFile } from '../vault/userState';
import { createUserStateFile } from '../vault/userState';

const MAX_RECENT = 20;

/** The stored list: newest first. */
const StoredSchema = z.array(RecentQuerySchema);

export interface RecentQueries {
  list(): RecentQuery[];
  add(query: SearchQuery, at?: Date): void;
}

/** Newest first, one entry per query, at most MAX_RECENT. */
export function mergeRecent(a: readonly RecentQuery[], b: readonly RecentQuery[]): RecentQuery[] {
  const seen = new Set<string>();
  return [...a, ...b]
    .sort((x, y) => (x.ranAt < y.ranAt ? 1 : x.ranAt > y.ranAt ? -1 : 0))
    .filter((r) => {
      const key = JSON.stringify(r.query);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, MAX_RECENT);
}

/**
 * The last queries the signed-in user ran, newest first. Query terms about a patient are patient
 * data (issue 12 item 11), so they live in the user's sealed state file (vault/userState.ts), never
 * in plaintext, and no other user of the app sees them (issue 13).
 */
export function createRecentQueries(state: UserStateFile<RecentQuery[]>): RecentQueries {
  return {
    list: () => state.get(),
    add(query, at = new Date()) {
      const entry: RecentQuery = {
        query,
        description: describeQuery(query),
        ranAt: at.toISOString(),
      };
      state.update((items) => mergeRecent([entry], items));
    },
  };
}

/**
 * Recent queries of whoever `owner` says is signed in (undefined: anonymous, memory only). The
 * plaintext `search-recent.json` of older versions, shared by every user, is deleted.
 */
export function recentQueriesFor(opts: {
  owner: () => StateOwner | undefined;
  logger: Logger;
  legacyFile?: string;
  watch?: (listener: () => void) => () => void;
}): RecentQueries {
  return createRecentQueries(
    createUserStateFile({
      name: 'recent-queries',
      schema: StoredSchema,
      empty: () => [],
      merge: mergeRecent,
      owner: opts.owner,
      logger: opts.logger,
      ...(opts.watch === undefined ? {} : { watch: opts.watch }),
      ...(opts.legacyFile === undefined
        ? {}
        : { legacy: { file: opts.legacyFile, read: () => [], adopt: false } }),
    }),
  );
}
