/**
 * The "foreign" node of the demo federation (issue 15): a Beacon that follows the specification but
 * makes the other choices a real federation mixes in (v2.0 response shapes, a page cap of 100, no
 * demo extension members, GRCh37 coordinates, opaque ids, GENO zygosity). Its data are a national
 * node's generated data, lifted to GRCh37 and renamed (see data.ts and federation/README.md).
 */
import { DATASETS, type DatasetPolicy, type NodeId, type NodeInfo } from '../catalogue.js';

/** The national node whose generated data the foreign node serves (lifted to GRCh37). */
export const FOREIGN_BASE: NodeId = 'SE';

// Outside the national NodeId union by design (like the benchmark nodes); node code treats ids as opaque.
const DE = 'DE' as NodeId;

export const FOREIGN_NODE: NodeInfo = {
  id: DE,
  country: 'Germany',
  name: 'German Genome Data Node (foreign Beacon)',
  organisation: 'Deutsches Genom-Archiv (demo, other implementation)',
  port: 4406,
};

/** Page size the foreign node never exceeds, whatever `limit` asks for (0 included). */
export const FOREIGN_MAX_LIMIT = 100;
/** Page size when the request names none (the specification's default, 10). */
export const FOREIGN_DEFAULT_LIMIT = 10;
/** The foreign node's assembly; it states it in /info and in every record's RefSeq accessions. */
export const FOREIGN_ASSEMBLY = 'GRCh37';

/** Dataset id at the foreign node for a base dataset id (SE-CA-01 → DE-CA-01). */
export function foreignDatasetId(baseId: string): string {
  return `${DE}${baseId.slice(FOREIGN_BASE.length)}`;
}

/** The foreign node's datasets: the base node's, renamed, with the same policies and DUO terms. */
export const FOREIGN_DATASETS: readonly DatasetPolicy[] = DATASETS.filter(
  (d) => d.node === FOREIGN_BASE,
).map((d) => ({
  ...d,
  id: foreignDatasetId(d.id),
  node: DE,
  title: d.title.replace('Swedish', 'German'),
  // It publishes nothing about local copies (no extension members): the app decides (decision 0018).
  allowLocalCopies: false,
}));

/** Every dataset a visa can name: the national nodes' and the foreign node's (the broker issues both). */
export const ALL_DATASETS: readonly DatasetPolicy[] = [...DATASETS, ...FOREIGN_DATASETS];
