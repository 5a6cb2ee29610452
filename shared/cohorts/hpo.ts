import { HPO_ROWS, HPO_VERSION } from './hpo.data';

/** A phenotype term of the compact table. */
export interface HpoTerm {
  readonly id: string;
  readonly label: string;
}

const labels = new Map<string, string>();
const children = new Map<string, string[]>();
for (const [id, label, parents] of HPO_ROWS) {
  labels.set(id, label);
  for (const p of parents) {
    const list = children.get(p) ?? [];
    list.push(id);
    children.set(p, list);
  }
}

/** The release of the HPO table descendants come from (said in the UI and exports). */
export const hpoVersion = (): string => HPO_VERSION;

/** The label of a term, or undefined when the compact table does not know it. */
export const hpoLabel = (id: string): string | undefined => labels.get(id);

/** Every term of the compact table, sorted by label (for pickers). */
export const hpoTerms = (): HpoTerm[] =>
  [...labels].map(([id, label]) => ({ id, label })).sort((a, b) => a.label.localeCompare(b.label));

/**
 * The term itself plus all its is_a descendants (sorted). A term outside the table matches only
 * itself: descendants we do not know cannot be claimed.
 */
export function withDescendants(id: string): string[] {
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
