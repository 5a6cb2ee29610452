import { foldPrefix } from './filterSpelling';
import type { BeaconQueryParts } from './beaconRequest';

/**
 * Whether a node answered the query it was asked (decision 0101, issue 15 follow-up). A Beacon
 * server may silently drop a filter or request parameter it does not support and answer a broader
 * query; its count is then not the count of what the clinician asked. The specification gives two
 * places a server says what it did: `meta.receivedRequestSummary`, "the request received as it has
 * been interpreted by the Beacon server" (beaconReceivedRequestSummary.json: filters, requestParameters,
 * pagination), and free-form `info` where servers write warnings. Only positive evidence counts: a
 * summary that leaves a member out (none of filters, requestParameters is required) proves nothing.
 * `requestedGranularity` and `includeResultsetResponses` need no check: the reader shows the
 * granularity and the sets the answer carries (BCN-01); `limit` may be capped (issue 15 item 4).
 */
export type NotHonoured =
  /** Filters the node says it did not use (ids as the query builder wrote them). */
  | { kind: 'filter'; ids: string[]; said?: string }
  /** Request parameters (`variantType`, `end`, …) the node says it did not use. */
  | { kind: 'parameter'; names: string[]; said?: string }
  /** The page the node returned is not the page asked for (`skip` not used). */
  | { kind: 'page'; asked: number; answered: number };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Words a server's warning uses for a part of the query it did not use. */
const NOT_USED =
  /\b(?:not (?:supported|recogni[sz]ed|known|used|applied|implemented|available)|unsupported|unknown|unrecogni[sz]ed|ignored|ignoring|invalid|skipped|dropped)\b/i;

/** Warnings a server wrote: `info.warnings`, `meta.info.warnings`, `meta.warnings` (strings). */
function warningsOf(json: Obj): string[] {
  const meta = isObj(json.meta) ? json.meta : {};
  const lists = [
    isObj(json.info) ? json.info.warnings : undefined,
    isObj(meta.info) ? meta.info.warnings : undefined,
    meta.warnings,
  ];
  return lists.flatMap((l) =>
    Array.isArray(l) ? l.filter((w): w is string => typeof w === 'string') : [],
  );
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The first warning naming `token` (as a whole word, any case) and saying it was not used. */
function warned(warnings: readonly string[], token: string): string | undefined {
  const named = new RegExp(`(?:^|[^\\w:])${escape(token)}(?![\\w:])`, 'i');
  return warnings.find((w) => named.test(w) && NOT_USED.test(w));
}

/** Filter ids the summary echoes, prefix-folded: strings, or objects with an `id` (both are seen). */
function echoedFilters(list: unknown[]): Set<string> {
  return new Set(
    list.flatMap((f) => {
      const id = typeof f === 'string' ? f : isObj(f) ? f.id : undefined;
      return typeof id === 'string' ? [foldPrefix(id)] : [];
    }),
  );
}

/**
 * Parameter names the summary echoes: at its top level or one level down (the specification's
 * own example nests them under the entry type's name: `{"g_variant": {...}}`).
 */
function echoedParameters(rp: Obj): Set<string> {
  const names = new Set<string>();
  for (const [k, v] of Object.entries(rp)) {
    names.add(k);
    if (isObj(v)) for (const inner of Object.keys(v)) names.add(inner);
  }
  return names;
}

/**
 * What of the query a node says it did not use, or undefined when nothing says so.
 * `sent` is the query as sent to this node (its spelling of filter ids); `written` maps each sent
 * id back to the query builder's spelling for the words a person reads.
 */
export function notHonoured(
  json: unknown,
  sent: BeaconQueryParts,
  written: ReadonlyMap<string, string> = new Map(),
): NotHonoured | undefined {
  if (!isObj(json)) return undefined;
  const meta = isObj(json.meta) ? json.meta : {};
  const summary = isObj(meta.receivedRequestSummary) ? meta.receivedRequestSummary : {};
  const warnings = warningsOf(json);
  const ours = (id: string): string => written.get(id) ?? id;

  // Filters: left out of the echo, or named by a warning.
  const echoed = Array.isArray(summary.filters) ? echoedFilters(summary.filters) : undefined;
  const dropped: string[] = [];
  let saidFilter: string | undefined;
  for (const f of sent.filters) {
    const w =
      warned(warnings, f.id) ?? (f.id === ours(f.id) ? undefined : warned(warnings, ours(f.id)));
    if ((echoed !== undefined && !echoed.has(foldPrefix(f.id))) || w !== undefined) {
      dropped.push(ours(f.id));
      saidFilter ??= w;
    }
  }
  if (dropped.length > 0)
    return {
      kind: 'filter',
      ids: dropped,
      ...(saidFilter === undefined ? {} : { said: saidFilter }),
    };

  // Request parameters: left out of an echoed requestParameters, or named by a warning.
  const rp = isObj(summary.requestParameters)
    ? echoedParameters(summary.requestParameters)
    : undefined;
  // assemblyId is not checked: a node that does not use it answers in its own assembly, which
  // the app already converts to and checks records against (issue 15 item 2); it narrows nothing.
  const names = Object.entries(sent.params)
    .filter(([k, v]) => v !== undefined && k !== 'assemblyId')
    .map(([k]) => k);
  const unused: string[] = [];
  let saidParam: string | undefined;
  for (const name of names) {
    const w = warned(warnings, name);
    if ((rp !== undefined && !rp.has(name)) || w !== undefined) {
      unused.push(name);
      saidParam ??= w;
    }
  }
  if (unused.length > 0)
    return {
      kind: 'parameter',
      names: unused,
      ...(saidParam === undefined ? {} : { said: saidParam }),
    };

  // Pagination: a page other than the one asked for (records shown as that page would be wrong).
  const pagination = isObj(summary.pagination) ? summary.pagination : {};
  const skip = pagination.skip;
  const asked = sent.skip ?? 0;
  if (typeof skip === 'number' && Number.isSafeInteger(skip) && skip !== asked)
    return { kind: 'page', asked, answered: skip };
  return undefined;
}
