import type { NodeStore } from './db';

/** The terms and values this node's data actually uses: drives /filtering_terms and filter validation. */
export interface Vocabulary {
  phenotypes: ReadonlySet<string>;
  diseases: ReadonlySet<string>;
  consequences: ReadonlyMap<string, string>;
  countries: readonly string[];
  birthYearBands: readonly string[];
  familyRoles: readonly string[];
}

async function distinctList(store: NodeStore, sql: string): Promise<string[]> {
  const rows = await store.all<{ t: string | null }>(sql);
  return rows
    .map((r) => r.t)
    .filter((t): t is string => t !== null)
    .sort();
}

/** Reads the distinct terms once at startup (small: tens to hundreds of values). */
export async function loadVocabulary(store: NodeStore): Promise<Vocabulary> {
  const phenotypes = await distinctList(
    store,
    'SELECT DISTINCT unnest(phenotypes) AS t FROM individuals',
  );
  const diseases = await distinctList(
    store,
    'SELECT DISTINCT unnest(diseases) AS t FROM individuals',
  );
  const cons = await store.all<{ id: string; label: string }>(
    'SELECT DISTINCT consequence_id AS id, consequence AS label FROM variants ORDER BY id',
  );
  return {
    phenotypes: new Set(phenotypes),
    diseases: new Set(diseases),
    consequences: new Map(cons.map((c) => [c.id, c.label])),
    countries: await distinctList(store, 'SELECT DISTINCT country AS t FROM individuals'),
    birthYearBands: await distinctList(
      store,
      'SELECT DISTINCT birth_year_band AS t FROM individuals',
    ),
    familyRoles: await distinctList(store, 'SELECT DISTINCT family_role AS t FROM individuals'),
  };
}
