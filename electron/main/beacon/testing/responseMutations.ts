import fc from 'fast-check';

/**
 * Changes to a Beacon entry response for the property tests (issue 15): the tolerated ones (v2.0
 * shapes, absent or odd members the reader must read past) and the breaking ones (a member whose
 * loss would make the answer misread), each with where the reader must say the problem is.
 */

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const sets = (r: Json): Json[] => {
  const response = r.response;
  return isObj(response) && Array.isArray(response.resultSets)
    ? response.resultSets.filter(isObj)
    : [];
};
const meta = (r: Json): Json => (isObj(r.meta) ? r.meta : {});

/** A deep copy, so a mutation never changes the generated original. */
export const clone = <T>(v: T): T => structuredClone(v);

export interface Tolerated {
  name: string;
  apply: (r: Json) => void;
  /** Whether the reader must leave a conformance note for this change on this response. */
  noted: (r: Json) => boolean;
}

const always = (): boolean => true;
const never = (): boolean => false;
const withSets = (r: Json): boolean => sets(r).length > 0;

/** Shapes v2.0 servers send, members the schema requires but the reader can do without, extras. */
export const TOLERATED: readonly Tolerated[] = [
  {
    name: 'returnedSchemas as strings (v2.0)',
    noted: always,
    apply: (r) => {
      meta(r).returnedSchemas = ['beacon-individual-v2.0.0'];
    },
  },
  {
    name: 'no returnedGranularity',
    noted: always,
    apply: (r) => {
      delete meta(r).returnedGranularity;
    },
  },
  {
    name: 'no beaconId',
    noted: always,
    apply: (r) => {
      delete meta(r).beaconId;
    },
  },
  {
    name: 'no receivedRequestSummary',
    noted: always,
    apply: (r) => {
      delete meta(r).receivedRequestSummary;
    },
  },
  {
    name: 'records declared as count',
    noted: never,
    apply: (r) => {
      if ('returnedGranularity' in meta(r)) meta(r).returnedGranularity = 'count';
    },
  },
  {
    name: 'setType absent, empty or other',
    noted: withSets,
    apply: (r) =>
      sets(r).forEach((s, i) => {
        if (i % 3 === 0) delete s.setType;
        else s.setType = i % 3 === 1 ? '' : 'individual';
      }),
  },
  { name: 'empty set ids', noted: withSets, apply: (r) => sets(r).forEach((s) => (s.id = '')) },
  {
    name: 'resultsHandover null',
    noted: withSets,
    apply: (r) => sets(r).forEach((s) => (s.resultsHandover = null)),
  },
  {
    name: 'non-CURIE handover type',
    noted: always,
    apply: (r) => {
      r.beaconHandovers = [{ handoverType: { id: 'VCF file' }, url: 'https://example.org/x' }];
    },
  },
  {
    name: 'extra members everywhere',
    noted: never,
    apply: (r) => {
      r.xExtra = { a: [1] };
      meta(r).xExtra = true;
      for (const s of sets(r)) {
        s.xExtra = 'x';
        for (const rec of Array.isArray(s.results) ? s.results.filter(isObj) : []) rec.xExtra = 1;
      }
    },
  },
];

/** Any subset of the tolerated changes, in order. */
export const toleratedSubset = fc.subarray([...TOLERATED]);

export interface Breaking {
  name: string;
  /** Where the reader must locate the problem. */
  where: string;
  apply: (r: Json) => void;
}

/** Node-level breaks: the node is an error, located. */
export const BREAKING: readonly Breaking[] = [
  {
    name: 'no meta',
    where: 'meta',
    apply: (r) => {
      delete r.meta;
    },
  },
  { name: 'meta not an object', where: 'meta', apply: (r) => (r.meta = 'v2') },
  {
    name: 'no responseSummary',
    where: 'responseSummary',
    apply: (r) => {
      delete r.responseSummary;
    },
  },
  {
    name: 'exists missing',
    where: 'responseSummary.exists',
    apply: (r) => {
      delete (r.responseSummary as Json).exists;
    },
  },
  {
    name: 'exists a string',
    where: 'responseSummary.exists',
    apply: (r) => ((r.responseSummary as Json).exists = 'true'),
  },
  {
    name: 'numTotalResults a string',
    where: 'responseSummary.numTotalResults',
    apply: (r) => ((r.responseSummary as Json).numTotalResults = '12'),
  },
  {
    name: 'numTotalResults negative',
    where: 'responseSummary.numTotalResults',
    apply: (r) => ((r.responseSummary as Json).numTotalResults = -3),
  },
  {
    name: 'numTotalResults fractional',
    where: 'responseSummary.numTotalResults',
    apply: (r) => ((r.responseSummary as Json).numTotalResults = 2.5),
  },
];

/** Set-level breaks: that set is reported unreadable (located); the node still answers. */
export const SET_BREAKING: readonly { name: string; apply: (s: Json) => void }[] = [
  { name: 'id a number', apply: (s) => (s.id = 7) },
  { name: 'exists a string', apply: (s) => (s.exists = 'yes') },
  { name: 'resultsCount a string', apply: (s) => (s.resultsCount = '3') },
  { name: 'resultsCount negative', apply: (s) => (s.resultsCount = -1) },
  { name: 'results not a list', apply: (s) => (s.results = 'none') },
];

export { sets as resultSetsOf };
