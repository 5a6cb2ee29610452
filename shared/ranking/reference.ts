import { HPO_TSV } from '../cohorts/hpo.data';
import { referenceCodingLengths } from './codingLength';
import { DISEASES_TSV, GENES_TSV, HPO_ALT } from './annotations.data';
import type { Corpus, CorpusOptions } from './corpus';
import { buildCorpus } from './corpus';
import type { Ontology } from './ontology';
import { buildOntology } from './ontology';

let ontology: Ontology | undefined;
const corpora = new Map<string, Corpus>();

/** The whole HPO (the app's 2024-08-13 table) with old ids resolved, parsed once. */
export function referenceOntology(): Ontology {
  ontology ??= buildOntology(HPO_TSV, HPO_ALT);
  return ontology;
}

/**
 * The committed HPO disease annotations as a corpus with the genes' coding lengths, built once per
 * option set (~1 s).
 */
export function referenceCorpus(options?: CorpusOptions): Corpus {
  const key = JSON.stringify(options ?? null);
  let corpus = corpora.get(key);
  if (corpus === undefined) {
    corpus = {
      ...buildCorpus(referenceOntology(), DISEASES_TSV, GENES_TSV, options),
      codingLengths: referenceCodingLengths(),
    };
    corpora.set(key, corpus);
  }
  return corpus;
}
