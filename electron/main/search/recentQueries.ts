import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { RecentQuery } from '../../../shared/search/channels';
import { RecentQuerySchema } from '../../../shared/search/channels';
import { describeQuery, type SearchQuery } from '../../../shared/search/query';
import { writeFileAtomic } from '../settings/atomicWrite';

const MAX_RECENT = 20;
const FileSchema = z.object({ version: z.literal(1), items: z.array(RecentQuerySchema) });

export interface RecentQueries {
  list(): RecentQuery[];
  add(query: SearchQuery, at?: Date): void;
}

/**
 * The last queries run, newest first, in a small JSON file in the data folder (written atomically).
 * A missing or unreadable file starts an empty list: losing history must not stop searching.
 */
export function createRecentQueries(file: string): RecentQueries {
  let items: RecentQuery[] = read(file);
  return {
    list: () => items,
    add(query, at = new Date()) {
      const key = JSON.stringify(query);
      const entry: RecentQuery = {
        query,
        description: describeQuery(query),
        ranAt: at.toISOString(),
      };
      items = [entry, ...items.filter((i) => JSON.stringify(i.query) !== key)].slice(0, MAX_RECENT);
      writeFileAtomic(file, JSON.stringify({ version: 1, items }, null, 2));
    },
  };
}

function read(file: string): RecentQuery[] {
  try {
    const parsed = FileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data.items.slice(0, MAX_RECENT) : [];
  } catch {
    return [];
  }
}
