import type { Assembly } from '../../../shared/genome/assembly';
import type { GenotypeRow, VariantRow } from '../vault/arrowTables';
import type { PageAsked } from './beaconPages';
import { parsePage, PullDataError, PullNetworkError, PullRefusedError } from './beaconPages';
import { RecordShapeError, toIndividual, toVariant } from './recordConvert';

/**
 * One fetched page from bytes to the rows staging keeps (issue 20): decode, JSON.parse, the page
 * check and every record's validation and conversion (BCN-04). Pure and self-contained, so the
 * pull runs it on a worker thread (pageWorker.ts) while main fetches and seals; the checks and
 * every message are the ones a page processed in main would give.
 */

/**
 * A staged g_variants page. Carriers are kept per variant (ids and zygosities, issue 20): a fifth of
 * the JSON of one object per genotype, which pages staged by earlier versions hold (`genotypes`) and
 * a resumed pull still reads.
 */
export interface VariantPage {
  variants: VariantRow[];
  carriers?: string[][];
  zygosities?: string[][];
  genotypes?: GenotypeRow[];
  /** Variants the node sent that have no GRCh38 place (assembly conversion), with the reason. */
  unplaced?: string[];
}

export interface PageJob extends PageAsked {
  /** The node's assembly: variants are lifted to the cache's GRCh38 when it differs. */
  assembly: Assembly;
  status: number;
  body: Uint8Array;
}

/** A page read, checked and converted: what the loop counts and what staging keeps. */
export interface ProcessedPage {
  /** Records the node sent on this page (placed or not). */
  count: number;
  /** The node's count of the dataset's matching records. */
  total: number;
  /** Bytes of the answer's body. */
  bytes: number;
  /** IndividualRow[] or a VariantPage. */
  rows: unknown;
  /** `rows` as UTF-8 JSON, what staging seals (serialised here, off main's thread). */
  json: Uint8Array;
}

function convert(job: PageJob, records: unknown[]): unknown {
  try {
    if (job.entity === 'individuals') return records.map(toIndividual);
    const rows = {
      variants: [] as VariantRow[],
      carriers: [] as string[][],
      zygosities: [] as string[][],
      unplaced: [] as string[],
    } satisfies VariantPage;
    records.forEach((raw, i) => {
      const c = toVariant(raw, i, job.assembly);
      if ('unplaced' in c) rows.unplaced.push(c.unplaced);
      else {
        rows.variants.push(c.variant);
        rows.carriers.push(c.genotypes.map((g) => g.individual_id));
        rows.zygosities.push(c.genotypes.map((g) => g.zygosity));
      }
    });
    return rows;
  } catch (error: unknown) {
    if (error instanceof RecordShapeError)
      throw new PullDataError(`Node ${job.nodeId}: ${error.message}.`);
    throw error;
  }
}

/** Reads, checks and converts one page; throws what parsePage and the record checks throw. */
export function processPage(job: PageJob): ProcessedPage {
  const text = Buffer.from(job.body.buffer, job.body.byteOffset, job.body.byteLength).toString(
    'utf8',
  );
  const page = parsePage(job, job.status, text);
  const rows = page.records.length > 0 ? convert(job, page.records) : [];
  return {
    count: page.records.length,
    total: page.total,
    bytes: job.body.byteLength,
    rows,
    // TextEncoder's bytes have an ArrayBuffer of their own (never a shared pool): transferable.
    json: new TextEncoder().encode(JSON.stringify(rows)),
  };
}

/** processPage's result or its error, as a value that crosses a thread boundary. */
export type PageOutcome =
  | { ok: true; page: ProcessedPage }
  | { ok: false; kind: 'network' | 'refused' | 'data' | 'other'; message: string };

export function outcomeOf(job: PageJob): PageOutcome {
  try {
    return { ok: true, page: processPage(job) };
  } catch (error: unknown) {
    const kind =
      error instanceof PullNetworkError
        ? 'network'
        : error instanceof PullRefusedError
          ? 'refused'
          : error instanceof PullDataError
            ? 'data'
            : 'other';
    return { ok: false, kind, message: error instanceof Error ? error.message : String(error) };
  }
}

/** The page of an outcome, or its error thrown again as the class the pull loop acts on. */
export function pageOf(o: PageOutcome): ProcessedPage {
  if (o.ok) return o.page;
  if (o.kind === 'network') throw new PullNetworkError(o.message);
  if (o.kind === 'refused') throw new PullRefusedError(o.message);
  if (o.kind === 'data') throw new PullDataError(o.message);
  throw new Error(o.message);
}
