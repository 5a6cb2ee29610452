import type { CodingLengths } from './codingLength';
import type { Ontology } from './ontology';

/** One disease of the HPO annotations (phenotype.hpoa) with its genes (genes_to_phenotype). */
export interface Disease {
  /** `OMIM:…`, `ORPHA:…` or `DECIPHER:…`. */
  readonly id: string;
  readonly label: string;
  /** Mode-of-inheritance terms (aspect I). */
  readonly inheritance: Int32Array;
  /** Clinical-course terms (aspect C: onset, progression). */
  readonly course: Int32Array;
  /** Gene indices. */
  readonly genes: Int32Array;
  /** Annotated phenotype terms and their frequency (0..1; NaN where the source gives none). */
  readonly terms: Int32Array;
  readonly frequencies: Float32Array;
  /** Terms the source says the disease does not have (NOT). */
  readonly excluded: Int32Array;
}

export interface Gene {
  readonly entrez: string;
  /** The org.Hs.eg.db symbol, as the case VCFs write it. */
  readonly symbol: string;
  /** The genes_to_phenotype symbol when it differs, else ''. */
  readonly alias: string;
  readonly diseases: Int32Array;
}

/** The diseases whose annotations imply a term, each with the term's frequency in that disease. */
export interface TermPostings {
  readonly diseases: Int32Array;
  /** Frequency for an observed term (unknown frequencies count as `unknownFrequency`). */
  readonly frequencies: Float32Array;
  /** Frequency for an excluded term (unknown frequencies count as `unknownExcludedFrequency`). */
  readonly excludedFrequencies: Float32Array;
}

/** The annotation corpus: diseases, genes, and per term the diseases that carry it. */
export interface Corpus {
  readonly ontology: Ontology;
  readonly diseases: readonly Disease[];
  readonly genes: readonly Gene[];
  /** Per term index: diseases whose annotations hold the term or a descendant of it. */
  readonly postings: readonly TermPostings[];
  /** Per term index: diseases whose annotations say they do not have it (NOT). */
  readonly excludedBy: readonly Int32Array[];
  /** Per term: information content, -ln(share of diseases annotated with it or a descendant). */
  readonly ic: Float64Array;
  /** Per term: its mean frequency over all diseases (the background a patient is compared with). */
  readonly background: Float64Array;
  /** Coding lengths of the genes (vcf mode's gene-length correction); absent: no correction. */
  readonly codingLengths?: CodingLengths;
  /** A gene index by symbol or alias (case-insensitive). */
  geneIndex(symbol: string): number | undefined;
}

export interface CorpusOptions {
  /** Frequency assumed where the annotation gives none, when the patient has the term. */
  readonly unknownFrequency: number;
  /**
   * The same when the patient is said not to have the term. Lower: most OMIM annotations carry no
   * frequency, and counting each as common would let a few pertinent negatives sink the disease.
   */
  readonly unknownExcludedFrequency: number;
  /**
   * When set, an unannotated frequency is min(1, expectedTerms / the disease's term count): a
   * patient shows some of a disease's features, so each feature of a syndrome with 140 listed
   * features is less likely than each of a disease with 10.
   */
  readonly expectedTerms?: number;
}

export const DEFAULT_CORPUS: CorpusOptions = {
  unknownFrequency: 1,
  unknownExcludedFrequency: 0.5,
};

const indices = (field: string, map: (n: number) => number | undefined): Int32Array =>
  Int32Array.from(
    field === ''
      ? []
      : field
          .split(',')
          .map((n) => map(Number(n)))
          .filter((i): i is number => i !== undefined),
  );

function parseDiseases(ontology: Ontology, tsv: string): Disease[] {
  const out: Disease[] = [];
  for (const line of tsv.split('\n')) {
    if (line === '') continue;
    const [id = '', label = '', inh = '', course = '', genes = '', terms = '', not = ''] =
      line.split('\t');
    const termIdx: number[] = [];
    const freqs: number[] = [];
    for (const entry of terms === '' ? [] : terms.split(',')) {
      const [n = '', pct] = entry.split(':');
      const t = ontology.indexOf(Number(n));
      if (t === undefined) continue;
      termIdx.push(t);
      freqs.push(pct === undefined ? NaN : Number(pct) / 100);
    }
    out.push({
      id,
      label,
      inheritance: indices(inh, ontology.indexOf),
      course: indices(course, ontology.indexOf),
      genes: indices(genes, (n) => n),
      terms: Int32Array.from(termIdx),
      frequencies: Float32Array.from(freqs),
      excluded: indices(not, ontology.indexOf),
    });
  }
  return out;
}

/**
 * Per disease, each implied term with the highest frequency of the annotations implying it.
 *
 * Two passes over flat typed arrays (count, then fill) with one stamp per term instead of a Map of
 * pairs per disease: the Map version allocated ~2 million small arrays and took ~2.5 s of a CLI
 * `case rank` start (issue 17: an exome case, import + rank, in 3 s). Same postings, same order.
 */
function buildPostings(
  ontology: Ontology,
  diseases: readonly Disease[],
  options: CorpusOptions,
): TermPostings[] {
  const size = ontology.size;
  const stamp = new Int32Array(size).fill(-1);
  const bestF = new Float64Array(size);
  const bestX = new Float64Array(size);
  const touched = new Int32Array(size);
  /** Marks the disease's implied terms in stamp/bestF/bestX; returns how many `touched` holds. */
  const imply = (disease: Disease, di: number): number => {
    const unknown =
      options.expectedTerms === undefined
        ? options.unknownFrequency
        : Math.min(1, options.expectedTerms / Math.max(1, disease.terms.length));
    let n = 0;
    for (let k = 0; k < disease.terms.length; k++) {
      const raw = disease.frequencies[k] ?? NaN;
      const f = Number.isNaN(raw) ? unknown : raw;
      const x = Number.isNaN(raw) ? options.unknownExcludedFrequency : raw;
      for (const a of ontology.ancestors(disease.terms[k] ?? 0)) {
        if (stamp[a] !== di) {
          stamp[a] = di;
          bestF[a] = 0;
          bestX[a] = 0;
          touched[n++] = a;
        }
        bestF[a] = Math.max(bestF[a] ?? 0, f);
        bestX[a] = Math.max(bestX[a] ?? 0, x);
      }
    }
    return n;
  };

  const counts = new Int32Array(size);
  diseases.forEach((disease, di) => {
    const n = imply(disease, di);
    for (let i = 0; i < n; i++) {
      const a = touched[i] ?? 0;
      counts[a] = (counts[a] ?? 0) + 1;
    }
  });
  const out = Array.from(counts, (c) => ({
    diseases: new Int32Array(c),
    frequencies: new Float32Array(c),
    excludedFrequencies: new Float32Array(c),
  }));
  const filled = new Int32Array(size);
  stamp.fill(-1);
  diseases.forEach((disease, di) => {
    const n = imply(disease, di);
    for (let i = 0; i < n; i++) {
      const a = touched[i] ?? 0;
      const list = out[a];
      if (list === undefined) continue;
      const at = filled[a] ?? 0;
      filled[a] = at + 1;
      list.diseases[at] = di;
      list.frequencies[at] = bestF[a] ?? 0;
      list.excludedFrequencies[at] = bestX[a] ?? 0;
    }
  });
  return out;
}

/** Builds the corpus from the generated tables' line formats (see annotations.data.ts). */
export function buildCorpus(
  ontology: Ontology,
  diseasesTsv: string,
  genesTsv: string,
  options: CorpusOptions = DEFAULT_CORPUS,
): Corpus {
  const diseases = parseDiseases(ontology, diseasesTsv);
  const geneDiseases: number[][] = [];
  diseases.forEach((d, di) => {
    for (const g of d.genes) (geneDiseases[g] ??= []).push(di);
  });
  const genes: Gene[] = genesTsv
    .split('\n')
    .filter((l) => l !== '')
    .map((line, gi) => {
      const [entrez = '', symbol = '', alias = ''] = line.split('\t');
      return { entrez, symbol, alias, diseases: Int32Array.from(geneDiseases[gi] ?? []) };
    });
  const bySymbol = new Map<string, number>();
  genes.forEach((g, gi) => bySymbol.set(g.symbol.toUpperCase(), gi));
  genes.forEach((g, gi) => {
    if (g.alias !== '' && !bySymbol.has(g.alias.toUpperCase()))
      bySymbol.set(g.alias.toUpperCase(), gi);
  });

  const postings = buildPostings(ontology, diseases, options);
  const not: number[][] = [];
  diseases.forEach((d, di) => {
    for (const t of d.excluded) (not[t] ??= []).push(di);
  });
  const excludedBy = Array.from({ length: ontology.size }, (_, t) => Int32Array.from(not[t] ?? []));
  const n = Math.max(1, diseases.length);
  const ic = new Float64Array(ontology.size);
  const background = new Float64Array(ontology.size);
  postings.forEach((p, t) => {
    ic[t] = -Math.log(Math.max(1, p.diseases.length) / n);
    let sum = 0;
    for (const f of p.frequencies) sum += f;
    // Half a disease's worth for terms no disease carries, so no term is impossible by chance.
    background[t] = Math.max(sum, 0.5) / n;
  });
  return {
    ontology,
    diseases,
    genes,
    postings,
    excludedBy,
    ic,
    background,
    geneIndex: (symbol) => bySymbol.get(symbol.toUpperCase()),
  };
}
