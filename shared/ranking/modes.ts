import type { Corpus } from './corpus';
import type { Mode } from './inheritance';
import { diseaseModes } from './inheritance';

const modesCache = new WeakMap<Corpus, (Mode[] | undefined)[]>();

/**
 * The modes of inheritance of a disease, memoised per corpus. Many Orphanet entries carry none;
 * they take the modes the annotations give the same genes' other diseases, so a recessive gene
 * does not look dominant through an entry that is silent about inheritance.
 */
export function modesOf(corpus: Corpus, disease: number): Mode[] {
  let cache = modesCache.get(corpus);
  if (cache === undefined) modesCache.set(corpus, (cache = []));
  const known = cache[disease];
  if (known !== undefined) return known;
  const own = (d: number): Mode[] =>
    diseaseModes(corpus.ontology, corpus.diseases[d]?.inheritance ?? new Int32Array());
  let modes = own(disease);
  if (modes.length === 1 && modes[0] === 'ANY') {
    const borrowed = new Set<Mode>();
    for (const g of corpus.diseases[disease]?.genes ?? [])
      for (const d of corpus.genes[g]?.diseases ?? [])
        for (const m of own(d)) if (m !== 'ANY') borrowed.add(m);
    if (borrowed.size > 0) modes = [...borrowed].sort();
  }
  cache[disease] = modes;
  return modes;
}
