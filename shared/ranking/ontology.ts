/**
 * The HPO graph as the ranking needs it: dense term indices, is_a parents, memoised ancestor
 * closures and old ids (alternative or replaced) resolved to current terms. Built from the same
 * tab-separated form as the app's HPO table (shared/cohorts/hpo.data.ts), so unit tests can hand it
 * a small ontology of their own.
 */
export interface Ontology {
  readonly size: number;
  /** `HP:0001250` per term index. */
  readonly ids: readonly string[];
  readonly labels: readonly string[];
  readonly parents: readonly Int32Array[];
  readonly children: readonly Int32Array[];
  /** The current term index of an id (`HP:0001250`, an old id, or its number), or undefined. */
  readonly indexOf: (id: string | number) => number | undefined;
  /** The term and all its is_a ancestors (term indices, the term first). */
  readonly ancestors: (term: number) => Int32Array;
  /** Whether `ancestor` is `term` or one of its ancestors. */
  readonly subsumes: (ancestor: number, term: number) => boolean;
}

const curieNumber = (id: string | number): number =>
  typeof id === 'number' ? id : Number(/^(?:HP:)?(\d{1,7})$/.exec(id.trim())?.[1] ?? NaN);

/** `HP:` plus the number padded to seven digits. */
export const hpCurie = (n: number): string => `HP:${String(n).padStart(7, '0')}`;

/**
 * Builds the graph from lines `number<TAB>label<TAB>parent numbers (comma)[<TAB>...]` and old ids
 * as `old:current` pairs (comma-separated numbers).
 */
export function buildOntology(tsv: string, alt = ''): Ontology {
  const byNumber = new Map<number, number>();
  const ids: string[] = [];
  const labels: string[] = [];
  const parentNumbers: string[] = [];
  for (const line of tsv.split('\n')) {
    if (line === '') continue;
    const [num = '', label = '', parents = ''] = line.split('\t');
    byNumber.set(Number(num), ids.length);
    ids.push(hpCurie(Number(num)));
    labels.push(label);
    parentNumbers.push(parents);
  }
  const parents = parentNumbers.map(
    (p) =>
      new Int32Array(
        p === ''
          ? []
          : p
              .split(',')
              .map((n) => byNumber.get(Number(n)))
              .filter((i): i is number => i !== undefined),
      ),
  );
  const childLists: number[][] = ids.map(() => []);
  parents.forEach((ps, child) => {
    for (const p of ps) childLists[p]?.push(child);
  });
  const children = childLists.map((c) => Int32Array.from(c));
  for (const pair of alt === '' ? [] : alt.split(',')) {
    const [from = '', to = ''] = pair.split(':');
    const target = byNumber.get(Number(to));
    if (target !== undefined && !byNumber.has(Number(from))) byNumber.set(Number(from), target);
  }

  const closures: (Int32Array | undefined)[] = new Array<Int32Array | undefined>(ids.length);
  const ancestors = (term: number): Int32Array => {
    const known = closures[term];
    if (known !== undefined) return known;
    const seen = new Set<number>([term]);
    for (const p of parents[term] ?? []) for (const a of ancestors(p)) seen.add(a);
    const closure = Int32Array.from(seen);
    closures[term] = closure;
    return closure;
  };
  return {
    size: ids.length,
    ids,
    labels,
    parents,
    children,
    indexOf: (id) => byNumber.get(curieNumber(id)),
    ancestors,
    subsumes: (ancestor, term) => ancestors(term).includes(ancestor),
  };
}
