import type { Assembly } from '../../../shared/genome/assembly';
import { bodyText } from '../beacon/boundedBody';
import type { GenotypeRow, VariantRow } from '../vault/arrowTables';
import type { PageAsked } from './beaconPages';
import type { PullSaid } from '../../../shared/vault/vault';
import {
  parsePage,
  PullDataError,
  PullError,
  PullNetworkError,
  PullRefusedError,
  said,
} from './beaconPages';
import { RecordShapeError, toIndividual, toVariantCarriers, ZygosityMemo } from './recordConvert';

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
  /**
   * The carriers as the page worker hands them to main (never staged): integer codes of the
   * page's own dictionaries (issue 20, decision 0067), so main neither receives a string per
   * genotype nor looks each one up in the build's dictionaries, only each distinct value.
   */
  coded?: CodedCarriers;
}

/** A page's genotypes, one entry per genotype in each array, by codes of the page's values. */
export interface CodedCarriers {
  /** Index of the genotype's variant in the page's `variants`. */
  variant: Int32Array;
  /** The page's distinct carrier ids; `id` indexes them. */
  ids: string[];
  id: Int32Array;
  /** The page's distinct zygosities; `zygosity` indexes them, -1 where there is none. */
  zygosities: string[];
  zygosity: Int32Array;
}

/** The typed arrays of a page's coded carriers (transferred, not copied, across threads). */
export const codedBuffers = (rows: unknown): ArrayBuffer[] => {
  const c = (rows as Partial<VariantPage> | undefined)?.coded;
  return c === undefined ? [] : [c.variant, c.id, c.zygosity].map((a) => a.buffer as ArrayBuffer);
};

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
  /** IndividualRow[] or a VariantPage (its carriers as `coded` only). */
  rows: unknown;
  /** `rows` as UTF-8 JSON, what staging seals (serialised here, off main's thread). */
  json: Uint8Array;
}

/**
 * A page's carriers as codes (see CodedCarriers), read from the per-variant lists in one pass:
 * no flattened copy of every id and zygosity (issue 20).
 */
function codeCarriers(
  staged: Required<Pick<VariantPage, 'carriers' | 'zygosities'>>,
): CodedCarriers {
  let n = 0;
  for (const list of staged.carriers) n += list.length;
  const out: CodedCarriers = {
    variant: new Int32Array(n),
    ids: [],
    id: new Int32Array(n),
    zygosities: [],
    zygosity: new Int32Array(n),
  };
  const ids = new Map<string, number>();
  const zygosities = new Map<string, number>();
  let at = 0;
  staged.carriers.forEach((list, v) => {
    const zs = staged.zygosities[v] ?? [];
    list.forEach((id, k) => {
      out.variant[at] = v;
      let code = ids.get(id);
      if (code === undefined) {
        code = out.ids.length;
        ids.set(id, code);
        out.ids.push(id);
      }
      out.id[at] = code;
      const z = zs[k];
      if (z === undefined) out.zygosity[at] = -1;
      else {
        let zc = zygosities.get(z);
        if (zc === undefined) {
          zc = out.zygosities.length;
          zygosities.set(z, zc);
          out.zygosities.push(z);
        }
        out.zygosity[at] = zc;
      }
      at += 1;
    });
  });
  return out;
}

/** The page's rows: what staging keeps, and what main appends (variants' carriers as codes). */
function convert(job: PageJob, records: unknown[]): { staged: unknown; rows: unknown } {
  try {
    if (job.entity === 'individuals') {
      const rows = records.map(toIndividual);
      return { staged: rows, rows };
    }
    const staged = {
      variants: [] as VariantRow[],
      carriers: [] as string[][],
      zygosities: [] as string[][],
      unplaced: [] as string[],
    } satisfies VariantPage;
    const memo = new ZygosityMemo();
    records.forEach((raw, i) => {
      const c = toVariantCarriers(raw, i, job.assembly, memo);
      if ('unplaced' in c) staged.unplaced.push(c.unplaced);
      else {
        staged.variants.push(c.variant);
        staged.carriers.push(c.ids);
        staged.zygosities.push(c.zygosities);
      }
    });
    const rows: VariantPage = {
      variants: staged.variants,
      unplaced: staged.unplaced,
      coded: codeCarriers(staged),
    };
    return { staged, rows };
  } catch (error: unknown) {
    if (error instanceof RecordShapeError)
      throw new PullDataError(
        `Node ${job.nodeId}: ${error.message}.`,
        said(error.problem, { node: job.nodeId, ...error.params }),
      );
    throw error;
  }
}

/** Reads, checks and converts one page; throws what parsePage and the record checks throw. */
export function processPage(job: PageJob): ProcessedPage {
  const text = bodyText(job.body);
  const page = parsePage(job, job.status, text, job.body.byteLength);
  const { staged, rows } =
    page.records.length > 0 ? convert(job, page.records) : { staged: [], rows: [] };
  return {
    count: page.records.length,
    total: page.total,
    bytes: job.body.byteLength,
    rows,
    // TextEncoder's bytes have an ArrayBuffer of their own (never a shared pool): transferable.
    json: new TextEncoder().encode(JSON.stringify(staged)),
  };
}

/** processPage's result or its error, as a value that crosses a thread boundary. */
export type PageOutcome =
  | { ok: true; page: ProcessedPage }
  | {
      ok: false;
      kind: 'network' | 'refused' | 'data' | 'other';
      message: string;
      /** The error's code (issue 22); absent for an error that is not the pull's own. */
      said?: PullSaid;
    };

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
    return {
      ok: false,
      kind,
      message: error instanceof Error ? error.message : String(error),
      ...(error instanceof PullError ? { said: error.said } : {}),
    };
  }
}

/** The page of an outcome, or its error thrown again as the class the pull loop acts on. */
export function pageOf(o: PageOutcome): ProcessedPage {
  if (o.ok) return o.page;
  // An error that is not the pull's own (a bug in the worker) says so in its own words.
  const coded = o.said ?? said('failed', { detail: o.message.slice(0, 2000) });
  if (o.kind === 'network') throw new PullNetworkError(o.message, coded);
  if (o.kind === 'refused') throw new PullRefusedError(o.message, coded);
  if (o.kind === 'data') throw new PullDataError(o.message, coded);
  throw new Error(o.message);
}
