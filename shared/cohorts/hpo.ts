import { HPO_TSV, HPO_VERSION } from './hpo.data';

/** A phenotype term of the HPO table. */
export interface HpoTerm {
  readonly id: string;
  readonly label: string;
  readonly synonyms: readonly string[];
}

interface Ontology {
  readonly terms: Map<string, HpoTerm>;
  readonly children: Map<string, string[]>;
}

let ontology: Ontology | undefined;

/** Parses the generated table once, on first use (about 19,000 terms). */
function load(): Ontology {
  if (ontology !== undefined) return ontology;
  const terms = new Map<string, HpoTerm>();
  const children = new Map<string, string[]>();
  for (const line of HPO_TSV.split('\n')) {
    const [num = '', label = '', parents = '', synonyms = ''] = line.split('\t');
    const id = `HP:${num}`;
    terms.set(id, { id, label, synonyms: synonyms === '' ? [] : synonyms.split('|') });
    for (const p of parents === '' ? [] : parents.split(',')) {
      const key = `HP:${p}`;
      const list = children.get(key) ?? [];
      list.push(id);
      children.set(key, list);
    }
  }
  ontology = { terms, children };
  return ontology;
}

/** The release of the HPO table descendants come from (said in the UI and exports). */
export const hpoVersion = (): string => HPO_VERSION;

/** The label of a term, or undefined when the table does not know it (obsolete or mistyped). */
export const hpoLabel = (id: string): string | undefined => load().terms.get(id)?.label;

/** How many current terms the table holds. */
export const hpoSize = (): number => load().terms.size;

/**
 * The term itself plus all its is_a descendants (sorted). A term outside the table matches only
 * itself: descendants we do not know cannot be claimed.
 */
export function withDescendants(id: string): string[] {
  const { children } = load();
  const seen = new Set<string>([id]);
  const stack = [id];
  while (stack.length > 0) {
    const next = stack.pop() as string;
    for (const c of children.get(next) ?? []) {
      if (seen.has(c)) continue;
      seen.add(c);
      stack.push(c);
    }
  }
  return [...seen].sort();
}

/** A search hit: the term and, when a synonym matched rather than the label, that synonym. */
export interface HpoHit {
  readonly term: HpoTerm;
  readonly via?: string;
}

const words = (s: string): string[] =>
  s
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** How well `text` matches `query`: 0 = no match; a whole-prefix beats word prefixes. */
function score(text: string, query: string, qWords: readonly string[]): number {
  const lower = text.toLowerCase();
  if (lower === query) return 4;
  if (lower.startsWith(query)) return 3;
  const tw = words(text);
  if (qWords.every((q) => tw.some((w) => w.startsWith(q)))) return 2;
  return lower.includes(query) ? 1 : 0;
}

/**
 * Terms for a picker: an id (HP:0001250 or 0001250) finds that term; otherwise every query word
 * must start a word of the label or of an exact synonym ("gen seiz" finds "Generalized-onset
 * seizure"). Best first, then shorter labels, at most `limit`.
 */
export function hpoSearch(query: string, limit = 20): HpoHit[] {
  const { terms } = load();
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const idMatch = /^(?:hp:)?(\d{7})$/.exec(q);
  if (idMatch !== null) {
    const term = terms.get(`HP:${idMatch[1] ?? ''}`);
    return term === undefined ? [] : [{ term }];
  }
  const qWords = words(q);
  const hits: { hit: HpoHit; s: number }[] = [];
  for (const term of terms.values()) {
    const s = score(term.label, q, qWords);
    if (s > 0) {
      hits.push({ hit: { term }, s: s + 0.5 });
      continue;
    }
    let best = 0;
    let via: string | undefined;
    for (const syn of term.synonyms) {
      const v = score(syn, q, qWords);
      if (v > best) [best, via] = [v, syn];
    }
    if (best > 0 && via !== undefined) hits.push({ hit: { term, via }, s: best });
  }
  return hits
    .sort(
      (a, b) =>
        b.s - a.s ||
        a.hit.term.label.length - b.hit.term.label.length ||
        a.hit.term.id.localeCompare(b.hit.term.id),
    )
    .slice(0, limit)
    .map((h) => h.hit);
}
