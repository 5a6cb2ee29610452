import { CACHE_COLUMNS } from '../../../shared/cohorts/schema';
import type { CacheTable } from '../../../shared/cohorts/schema';
import type { IndividualRow } from '../vault/arrowTables';
import type { DatasetBuild } from '../vault/datasetBuild';
import { openDatasetBuild } from '../vault/datasetBuild';
import type { Cursor, Staging } from '../vault/staging';
import { PullDataError, said } from './beaconPages';
import type { VariantPage } from './pageProcess';

/**
 * Where a pull's checked pages go as they are consumed (issue 20, decision 0060): straight into
 * the dataset's DuckDB build (in memory), so the end of the pull lays out rows already appended
 * instead of reading every staged page back and appending them all after the last one. The sink
 * counts what arrived and notices a record sent twice, as the assembly at the end did.
 */
export interface PageSink {
  add(entity: 'individuals' | 'g_variants', rows: unknown): void;
  /** Rows per table, variants the node sent without a GRCh38 place, and whether a record came twice. */
  readonly counts: Readonly<Record<CacheTable, number>>;
  readonly unplaced: readonly string[];
  readonly duplicated: boolean;
  readonly build: DatasetBuild;
}

const columnNames = (t: CacheTable): string[] =>
  CACHE_COLUMNS[t].map(([c]) => c).filter((c) => c !== 'dataset_id' && c !== 'node_id');
const NAMES = {
  individuals: columnNames('individuals'),
  variants: columnNames('variants'),
  genotypes: columnNames('genotypes'),
};

/** Row objects as columns (the build appends columns). */
function columnsOf(names: string[], rows: readonly object[]): Record<string, unknown[]> {
  const cols: Record<string, unknown[]> = {};
  for (const name of names) cols[name] = rows.map((r) => (r as Record<string, unknown>)[name]);
  return cols;
}

/**
 * Opens the sink of one run of a job. Pages staged by an earlier run (a resume, in this process or
 * after a restart) are read back from staging first, so the build always holds pages 0..n in order.
 */
export async function openPageSink(staging: Staging, cursor: Cursor): Promise<PageSink> {
  const build = await openDatasetBuild({ datasetId: cursor.datasetId, nodeId: cursor.nodeId });
  const seen = { individuals: new Set<string>(), variants: new Set<string>() };
  const unplaced: string[] = [];
  let duplicated = false;
  const note = (set: Set<string>, ids: readonly string[]): void => {
    for (const id of ids) {
      if (set.has(id)) duplicated = true;
      set.add(id);
    }
  };
  const sink: PageSink = {
    build,
    unplaced,
    counts: build.rows,
    get duplicated() {
      return duplicated;
    },
    add(entity, rows) {
      if (entity === 'individuals') {
        const list = rows as IndividualRow[];
        note(
          seen.individuals,
          list.map((r) => r.individual_id),
        );
        build.append('individuals', columnsOf(NAMES.individuals, list));
        return;
      }
      const page = rows as VariantPage;
      note(
        seen.variants,
        page.variants.map((v) => v.variant_key),
      );
      build.append('variants', columnsOf(NAMES.variants, page.variants));
      const coded = page.coded;
      if (coded !== undefined)
        build.appendGenotypeCodes({
          individual_id: { values: coded.ids, codes: coded.id },
          variant_key: { values: page.variants.map((v) => v.variant_key), codes: coded.variant },
          zygosity: { values: coded.zygosities, codes: coded.zygosity },
        });
      if (page.genotypes !== undefined)
        build.append('genotypes', columnsOf(NAMES.genotypes, page.genotypes));
      if (page.carriers !== undefined) {
        const g = {
          individual_id: [] as string[],
          variant_key: [] as unknown[],
          zygosity: [] as unknown[],
        };
        page.carriers.forEach((ids, v) => {
          const key = page.variants[v]?.variant_key;
          const zygosities = page.zygosities?.[v] ?? [];
          ids.forEach((id, k) => {
            g.individual_id.push(id);
            g.variant_key.push(key);
            g.zygosity.push(zygosities[k]);
          });
        });
        build.append('genotypes', g);
      }
      unplaced.push(...(page.unplaced ?? []));
    },
  };
  try {
    for (const entity of ['individuals', 'g_variants'] as const)
      for (let p = 0; p < cursor.pages[entity]; p++) sink.add(entity, staging.readPage(entity, p));
  } catch (error: unknown) {
    build.close();
    throw error;
  }
  return sink;
}

/** Refuses a copy where the node sent a record twice (its order changed between pages). */
export function refuseDuplicates(sink: PageSink, cursor: Pick<Cursor, 'nodeId'>): void {
  if (sink.duplicated)
    throw new PullDataError(
      'The node returned the same record on two pages (its order changed during the pull); pull again.',
      said('duplicated', { node: cursor.nodeId }),
    );
}

/**
 * Issue 12 item 2: what was received must be what the node counted, per entity, or nothing is
 * sealed. Returns the refusal (what the node said, what arrived), or undefined.
 */
export function countMismatch(
  sink: Pick<PageSink, 'counts' | 'unplaced'>,
  cursor: Cursor,
): PullDataError | undefined {
  const got = {
    individuals: sink.counts.individuals,
    g_variants: sink.counts.variants + sink.unplaced.length,
  };
  const wrong = (['individuals', 'g_variants'] as const).filter(
    (e) => cursor.totals[e] !== undefined && cursor.totals[e] !== got[e],
  );
  if (wrong.length === 0) return undefined;
  const words = { individuals: 'individuals', g_variants: 'variants' };
  const parts = wrong.map((e) => `${String(got[e])} of ${String(cursor.totals[e])} ${words[e]}`);
  const where = { node: cursor.nodeId, dataset: cursor.datasetId };
  const total = (e: 'individuals' | 'g_variants'): number => cursor.totals[e] ?? 0;
  const coded =
    wrong.length === 2
      ? said('countMismatchBoth', {
          ...where,
          gotIndividuals: got.individuals,
          totalIndividuals: total('individuals'),
          gotVariants: got.g_variants,
          totalVariants: total('g_variants'),
        })
      : wrong[0] === 'individuals'
        ? said('countMismatchIndividuals', {
            ...where,
            got: got.individuals,
            total: total('individuals'),
          })
        : said('countMismatchVariants', {
            ...where,
            got: got.g_variants,
            total: total('g_variants'),
          });
  return new PullDataError(
    `Node ${cursor.nodeId} sent ${parts.join(' and ')} it counted for ${cursor.datasetId}: the copy would be incomplete, so nothing was kept. Pull again; if it repeats, tell the node's operators.`,
    coded,
  );
}
