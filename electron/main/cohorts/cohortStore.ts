import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { CohortDefinition, CohortFilters } from '../../../shared/cohorts/definition';
import { CohortDefinitionSchema } from '../../../shared/cohorts/definition';
import { writeFileAtomic } from '../settings/atomicWrite';

const MAX_SAVED = 200;
const FileSchema = z.object({ version: z.literal(1), items: z.array(CohortDefinitionSchema) });

export interface CohortStore {
  list(): CohortDefinition[];
  save(input: { id?: string | undefined; name: string; filters: CohortFilters }): CohortDefinition;
  remove(id: string): boolean;
}

/**
 * Saved cohort definitions (filters and a name, never patient data) in cohorts.json in the data
 * folder, written atomically. An unreadable file starts empty rather than blocking the page.
 */
export function createCohortStore(
  dataDir: string,
  now: () => Date = () => new Date(),
): CohortStore {
  const file = join(dataDir, 'cohorts.json');
  let items = read(file);
  const write = (): void => writeFileAtomic(file, JSON.stringify({ version: 1, items }, null, 2));
  return {
    list: () => items,
    save({ id, name, filters }) {
      const def: CohortDefinition = {
        id: id ?? randomUUID(),
        name,
        filters,
        savedAt: now().toISOString(),
      };
      items = [def, ...items.filter((i) => i.id !== def.id)].slice(0, MAX_SAVED);
      write();
      return def;
    },
    remove(id) {
      const before = items.length;
      items = items.filter((i) => i.id !== id);
      if (items.length !== before) write();
      return items.length !== before;
    },
  };
}

function read(file: string): CohortDefinition[] {
  try {
    const parsed = FileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data.items : [];
  } catch {
    return [];
  }
}
