import { summaryExceedsSets } from '../../../shared/search/aggregate';
import type { Count, DatasetResult, RecordRow } from '../../../shared/search/results';
import { MAX_NOTES, MAX_RECORDS_PER_NODE } from '../../../shared/search/results';
import type { BeaconQueryParts } from './beaconRequest';
import { readRecord } from './recordRows';

/**
 * The tolerant reader of Beacon v2 entry responses (issue 15 item 1, BCN-04). It reads what the
 * framework schemas allow and what v2.0 servers commonly send, per result set, and keeps strict
 * checks only where a malformed member would be misread: `exists`, counts, ids and coordinates.
 * Whatever it tolerated becomes a conformance note; what it cannot read is located.
 */

type Granularity = 'boolean' | 'count' | 'record';
type Obj = Record<string, unknown>;
const RANK: Record<Granularity, number> = { boolean: 0, count: 1, record: 2 };
const GRANULARITIES = new Set<unknown>(['boolean', 'count', 'record']);
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const granularityOf = (v: unknown): Granularity | undefined =>
  GRANULARITIES.has(v) ? (v as Granularity) : undefined;
const higher = (a: Granularity, b: Granularity): Granularity => (RANK[b] > RANK[a] ? b : a);

export interface Reading {
  /** What the answer carries (records, a count, or yes/no), not only what meta declares. */
  returnedGranularity: Granularity;
  exists: boolean;
  count?: Count;
  datasets: DatasetResult[];
  records: RecordRow[];
  rejected: number;
  truncated: boolean;
  notes: string[];
}

export type ReadResult =
  { ok: true; reading: Reading } | { ok: false; where: string; problem: string };

export interface ReadContext {
  entryType: BeaconQueryParts['entryType'];
  requested: Granularity;
}

/** Notes in first-seen order, each once, bounded. */
class Notes {
  readonly list: string[] = [];
  add(text: string): void {
    if (!this.list.includes(text) && this.list.length < MAX_NOTES) this.list.push(text);
  }
}

/** A count with the precision a node flagged (the demo's countPrecision hint; absent: exact). */
export function countOf(value: number, src: unknown, notes?: Notes, where = ''): Count {
  const o = isObj(src) ? src : {};
  const p = o.countPrecision;
  const step = o.countAdjustedTo;
  if (p === undefined || p === 'exact') return { value, precision: 'exact' };
  if ((p === 'rounded' || p === 'range') && (step === undefined || (isCount(step) && step > 0)))
    return step === undefined ? { value, precision: p } : { value, precision: p, adjustedTo: step };
  notes?.add(
    `${where}countPrecision/countAdjustedTo could not be read; the count is shown as sent.`,
  );
  return { value, precision: 'exact' };
}

const fail = (where: string, problem: string): ReadResult => ({ ok: false, where, problem });

function readMeta(meta: Obj, notes: Notes): Granularity | undefined {
  const missing = ['beaconId', 'apiVersion', 'returnedSchemas', 'receivedRequestSummary'].filter(
    (k) => meta[k] === undefined,
  );
  if (missing.length > 0) notes.add(`meta lacks ${missing.join(', ')} (required by the schema).`);
  const schemas = meta.returnedSchemas;
  if (Array.isArray(schemas) && schemas.some((s) => typeof s === 'string'))
    notes.add('meta.returnedSchemas lists plain strings (a v2.0 shape).');
  const declared = granularityOf(meta.returnedGranularity);
  if (meta.returnedGranularity !== undefined && declared === undefined)
    notes.add('meta.returnedGranularity is not boolean, count or record; it was ignored.');
  return declared;
}

function handoverNotes(list: unknown, where: string, notes: Notes): void {
  if (list === null) notes.add(`${where} is null (read as no handovers).`);
  if (!Array.isArray(list)) return;
  for (const h of list) {
    const id: unknown = isObj(h) && isObj(h.handoverType) ? h.handoverType.id : undefined;
    if (typeof id === 'string' && !/^[A-Za-z][\w.-]*:\S+$/.test(id))
      notes.add(`${where}: handover type "${id.slice(0, 60)}" is not a CURIE.`);
  }
}

interface SetState {
  records: RecordRow[];
  rejected: number;
  truncated: boolean;
  unlocated: number;
  ignored: Set<string>;
}

/** One result set; never fails the node: an unreadable set is reported as such. */
function readSet(
  raw: unknown,
  i: number,
  declaredMeta: Granularity | undefined,
  nodeId: string,
  ctx: ReadContext,
  st: SetState,
  notes: Notes,
): DatasetResult {
  const at = `response.resultSets[${String(i)}]`;
  const unreadable = (id: string, why: string): DatasetResult => {
    notes.add(`${at} could not be read: ${why}.`);
    return { id, exists: false, granularity: 'boolean', unreadable: `${at}: ${why}` };
  };
  if (!isObj(raw)) return unreadable(`#${String(i + 1)}`, 'it is not an object');
  if (typeof raw.id !== 'string') return unreadable(`#${String(i + 1)}`, 'its id is not a string');
  const id = raw.id === '' ? `#${String(i + 1)}` : raw.id;
  if (raw.id === '') notes.add(`${at}.id is empty; shown as "${id}".`);
  if (raw.setType === undefined || raw.setType === '')
    notes.add(`${at}.setType is missing or empty; read as "dataset" (the schema's default).`);
  else if (raw.setType !== 'dataset')
    notes.add(
      `${at}.setType is ${JSON.stringify(raw.setType).slice(0, 40)}; read as a result set.`,
    );
  let results: unknown[] = [];
  if (Array.isArray(raw.results)) results = raw.results;
  else if (raw.results !== undefined && raw.results !== null)
    return unreadable(id, 'results is not a list');
  else notes.add(`${at}.results is missing (read as no records).`);
  const rc = raw.resultsCount;
  if (rc !== undefined && rc !== null && !isCount(rc))
    return unreadable(id, 'resultsCount is not a whole number ≥ 0');
  if (rc === undefined || rc === null) notes.add(`${at}.resultsCount is missing.`);
  let exists: boolean;
  if (typeof raw.exists === 'boolean') exists = raw.exists;
  else if (raw.exists === undefined && (isCount(rc) || results.length > 0)) {
    exists = (isCount(rc) && rc > 0) || results.length > 0;
    notes.add(`${at}.exists is missing; read from its results.`);
  } else return unreadable(id, 'exists is not true or false');
  const info = isObj(raw.info) ? raw.info : {};
  // Both spellings are seen (v2 schema: resultsHandovers; some servers: resultsHandover).
  handoverNotes(raw.resultsHandovers, `${at}.resultsHandovers`, notes);
  handoverNotes(raw.resultsHandover, `${at}.resultsHandover`, notes);
  const declared = granularityOf(info.returnedGranularity) ?? declaredMeta;
  const granularity: Granularity =
    results.length > 0
      ? 'record'
      : declared === undefined
        ? isCount(rc)
          ? 'count'
          : 'boolean'
        : declared;
  if (!exists && ((isCount(rc) && rc > 0 && granularity !== 'boolean') || results.length > 0)) {
    notes.add(`${at}.exists is false but the set carries results; read as matches.`);
    exists = true;
  }
  if (granularity === 'boolean') return { id, exists, granularity };
  let received = 0;
  for (const rec of results) {
    if (st.records.length >= MAX_RECORDS_PER_NODE) {
      st.truncated = true;
      break;
    }
    const r = readRecord(ctx.entryType, nodeId, id, rec);
    for (const m of r.ignored) st.ignored.add(m);
    if (r.unlocated) st.unlocated++;
    if (r.row === undefined) st.rejected++;
    else {
      st.records.push(r.row);
      received++;
    }
  }
  // A set cannot hold fewer matches than the records it carries: a resultsCount below them (0 at
  // some servers, or a count of another thing) is not the set's count. Shown as "at least" the
  // records, never as "first 2 of 0".
  const counted = isCount(rc) && !(granularity === 'record' && rc < results.length);
  if (isCount(rc) && !counted)
    notes.add(
      `${at}.resultsCount is ${String(rc)} but the set carries ${String(results.length)} records; read as at least ${String(results.length)}.`,
    );
  return {
    id,
    exists,
    granularity,
    ...(counted ? { count: countOf(rc, info, notes, `${at}.info.`) } : {}),
    ...(granularity === 'record' ? { recordsReceived: received } : {}),
  };
}

/** The demo nodes' hint for datasets answered yes/no only (an extension member; optional). */
function booleanSets(info: unknown, known: Set<string>, notes: Notes): DatasetResult[] {
  const list = isObj(info) ? info.booleanResultSets : undefined;
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    notes.add('info.booleanResultSets is not a list; it was ignored.');
    return [];
  }
  return list.flatMap((b): DatasetResult[] =>
    isObj(b) && typeof b.id === 'string' && typeof b.exists === 'boolean' && !known.has(b.id)
      ? [{ id: b.id, exists: b.exists, granularity: 'boolean' }]
      : [],
  );
}

/** Reads one parsed JSON answer to an entry-type query (POST or GET). */
export function readEntryResponse(json: unknown, nodeId: string, ctx: ReadContext): ReadResult {
  if (!isObj(json)) return fail('', 'the answer is not a JSON object');
  if (json.error !== undefined && json.responseSummary === undefined) {
    const msg = isObj(json.error) ? json.error.errorMessage : undefined;
    return fail('error', typeof msg === 'string' ? msg : 'the node sent a Beacon error');
  }
  if (!isObj(json.meta)) return fail('meta', 'meta is missing or not an object');
  const summary = json.responseSummary;
  if (!isObj(summary)) return fail('responseSummary', 'responseSummary is missing');
  if (typeof summary.exists !== 'boolean')
    return fail('responseSummary.exists', 'exists is not true or false');
  const total = summary.numTotalResults;
  if (total !== undefined && total !== null && !isCount(total))
    return fail('responseSummary.numTotalResults', 'numTotalResults is not a whole number ≥ 0');
  const notes = new Notes();
  if (total === null) notes.add('responseSummary.numTotalResults is null (read as no count).');
  const declared = readMeta(json.meta, notes);
  handoverNotes(json.beaconHandovers, 'beaconHandovers', notes);
  const st: SetState = {
    records: [],
    rejected: 0,
    truncated: false,
    unlocated: 0,
    ignored: new Set(),
  };
  let sets: unknown[] = [];
  const response = json.response;
  if (isObj(response) && Array.isArray(response.resultSets)) sets = response.resultSets;
  else if (response !== undefined && response !== null)
    notes.add('response.resultSets could not be read; only the summary was used.');
  const datasets = sets.map((s, i) => readSet(s, i, declared, nodeId, ctx, st, notes));
  datasets.push(...booleanSets(json.info, new Set(datasets.map((d) => d.id)), notes));
  const count = isCount(total) ? countOf(total, summary, notes, 'responseSummary.') : undefined;
  const readable = datasets.filter((d) => d.unreadable === undefined);
  const setCounts = readable.flatMap((d) => (d.count === undefined ? [] : [d.count]));
  const yesOnly = readable.filter((d) => d.count === undefined && d.exists).length;
  if (summaryExceedsSets(count, setCounts, yesOnly))
    notes.add(
      `responseSummary.numTotalResults (${String(count?.value)}) is more than the result sets' resultsCount add up to (${String(setCounts.reduce((s, c) => s + c.value, 0))}); the node's total is shown.`,
    );
  let granularity: Granularity = count === undefined ? 'boolean' : 'count';
  for (const d of datasets)
    if (d.unreadable === undefined) granularity = higher(granularity, d.granularity);
  if (declared === undefined)
    notes.add(
      `meta.returnedGranularity is missing; read as "${granularity}" from what the answer carries.`,
    );
  else if (RANK[granularity] > RANK[declared])
    notes.add(
      `meta.returnedGranularity says "${declared}" but the answer carries ${granularity} data; shown as ${granularity}.`,
    );
  if (RANK[granularity] > RANK[ctx.requested])
    notes.add(`Asked for ${ctx.requested}, the node returned ${granularity}; shown as returned.`);
  if (st.ignored.size > 0)
    notes.add(
      `Some records had unreadable optional members (${[...st.ignored].join(', ')}); they were left blank.`,
    );
  if (st.unlocated > 0)
    notes.add(
      `${String(st.unlocated)} variant records gave no readable position (VRS location, genomic HGVS or position).`,
    );
  if (st.rejected > 0)
    notes.add(
      `${String(st.rejected)} records lacked members the Beacon model requires and were left out.`,
    );
  let exists = summary.exists;
  if (!exists && datasets.some((d) => d.exists)) {
    notes.add('responseSummary.exists is false but a result set has matches; read as matches.');
    exists = true;
  }
  return {
    ok: true,
    reading: {
      returnedGranularity: granularity,
      exists,
      ...(count === undefined ? {} : { count }),
      datasets,
      records: st.records,
      rejected: st.rejected,
      truncated: st.truncated,
      notes: notes.list,
    },
  };
}
