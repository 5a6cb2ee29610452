import { CANCER_GENES } from '../cancer/cancerGenes.data';
import { hpoLabel, withDescendants } from '../cohorts/hpo';
import type { DatasetDeclaration } from './declaration';
import type { Said } from './said';
import { said } from './said';

export type { DatasetDeclaration } from './declaration';

/**
 * Which datasets may give BA1/BS1/PM2 a frequency (issue 18; decision 0051). A clinical geneticist
 * takes the benign frequency criteria from a population (or an unrelated disease), never from a
 * cohort of patients with the case's disease: a pathogenic BRCA1 allele is common in a hereditary
 * cancer cohort because it causes what the cohort was gathered for. The rule reads only what each
 * dataset declares (its node's /datasets: name, description, cohort type, DUO data use), and when
 * the declaration cannot tell, it sets the dataset aside: a benign criterion wrongly given is the
 * error that sends a patient home unexplained.
 */

/** The case the frequency is for: the allele's gene, the patient's HPO terms, the diagnosis. */
export interface EnrichmentContext {
  readonly gene: string | null;
  readonly phenotypes: readonly string[];
  readonly diagnosis?: { readonly id: string; readonly label: string } | undefined;
}

export interface DatasetUse {
  /** May give BA1/BS1/PM2 a frequency. */
  readonly use: boolean;
  /**
   * Set aside because it is enriched for the case's gene, phenotype or diagnosis (its carriers
   * are case evidence, PS4's domain); false for a dataset set aside because it cannot be told.
   */
  readonly enriched: boolean;
  /** Why, in words: "hereditary cancer cohort, enriched for BRCA1 carriers". */
  readonly why: string;
  /** `why` as codes the reader's language words (issue 22; decision 0057). */
  readonly said: Said;
}

/** A disease focus a declaration can name, with the HPO term whose subtree it covers. */
interface Focus {
  readonly name: string;
  readonly words: RegExp;
  readonly term: string;
}

/** Focus words in the order a declaration is read (the first match names the cohort). */
const FOCI: readonly Focus[] = [
  {
    name: 'cancer',
    words: /cancer|tumou?r|neoplas|oncolog|carcinom|sarcom|lymphom|leuka?emi/i,
    term: 'HP:0002664',
  },
  { name: 'epilepsy', words: /epilep|seizure/i, term: 'HP:0001250' },
  {
    name: 'neurodevelopmental',
    words: /neurodevelopment|intellectual disabilit|developmental delay|autis/i,
    term: 'HP:0012759',
  },
  { name: 'neurological', words: /\bneuro|neurolog/i, term: 'HP:0000707' },
  { name: 'cardiac', words: /cardi|heart/i, term: 'HP:0001626' },
];
const POPULATION = /\bpopulation\b|\bcontrols?\b|\bbiobank\b|\bhealthy\b/i;
const MIXED = /rare[- ]?disease|undiagnos|mendelian|genetic disease/i;
const DS = 'DUO:0000007';

let predisposition: ReadonlySet<string> | undefined;
/** The CPSR cancer-predisposition superpanel's genes (shared/cancer/cancerGenes.data.ts, flag P). */
const isPredisposition = (gene: string): boolean => {
  predisposition ??= new Set(CANCER_GENES.filter((g) => g[1].includes('P')).map((g) => g[0]));
  return predisposition.has(gene);
};

const subtrees = new Map<string, ReadonlySet<string>>();
const within = (term: string, id: string): boolean => {
  let s = subtrees.get(term);
  if (s === undefined) {
    s = new Set(withDescendants(term));
    subtrees.set(term, s);
  }
  return s.has(id);
};

const named = (id: string): string => `${hpoLabel(id) ?? id} (${id})`;

/** The foci a declaration names: its words, its kind, and the HPO terms of a DUO DS restriction. */
function fociOf(d: DatasetDeclaration): { foci: Focus[]; foreign: string[] } {
  const text = [d.title, d.description, d.kind].filter((x) => x !== undefined).join(' ');
  const foci = FOCI.filter((f) => f.words.test(text));
  const foreign: string[] = [];
  for (const t of d.duo ?? []) {
    if (t.id !== DS) continue;
    for (const m of t.modifiers ?? []) {
      if (!/^HP:\d{7}$/.test(m.id)) {
        foreign.push(`${m.label} (${m.id})`);
        continue;
      }
      if (!foci.some((f) => f.term === m.id))
        foci.push({ name: m.label.toLowerCase(), words: /$^/, term: m.id });
    }
  }
  return { foci, foreign };
}

/** What of the case falls within a focus: the gene (cancer), a phenotype, or the diagnosis. */
function matchOf(f: Focus, c: EnrichmentContext): { text: string; said: Said } | undefined {
  if (f.term === 'HP:0002664' && c.gene !== null && isPredisposition(c.gene))
    return {
      text: `enriched for ${c.gene} carriers (a cancer-predisposition gene)`,
      said: said('use.match.gene', { gene: c.gene }),
    };
  const p = c.phenotypes.find((id) => within(f.term, id));
  if (p !== undefined)
    return {
      text: `the patient's ${named(p)} is within ${named(f.term)}`,
      said: said('use.match.phenotype', { phenotype: named(p), within: named(f.term) }),
    };
  if (c.diagnosis !== undefined && f.words.test(c.diagnosis.label))
    return {
      text: `the diagnosis ${c.diagnosis.label} (${c.diagnosis.id}) is its disease`,
      said: said('use.match.diagnosis', { label: c.diagnosis.label, id: c.diagnosis.id }),
    };
  return undefined;
}

/** A focus's name in words: the built-in ones are wording, a DUO term's label is the ontology's. */
const focusSaid = (f: Focus): Said =>
  f.words.source === '$^' ? said('use.focus.term', { label: f.name }) : said(`use.focus.${f.name}`);

/** Whether a dataset may give the benign frequency criteria a frequency for this case, and why. */
export function datasetUse(d: DatasetDeclaration | undefined, c: EnrichmentContext): DatasetUse {
  if (d === undefined)
    return {
      use: false,
      enriched: false,
      said: said('use.notRead'),
      why: 'its node did not say what the dataset holds (its /datasets was not read), so it cannot be told from a cohort of the case\u2019s disease',
    };
  const { foci, foreign } = fociOf(d);
  const names = foci.map((f) => f.name).join('/');
  const title = d.title ?? `${names === '' ? 'a' : names} cohort`;
  const fociSaid = foci.map(focusSaid);
  const shownTitle: string | Said =
    d.title ?? (foci.length === 0 ? said('use.aCohort') : said('use.cohortOf', { foci: fociSaid }));
  for (const f of foci) {
    const m = matchOf(f, c);
    if (m !== undefined)
      return {
        use: false,
        enriched: true,
        why: `${title}: ${m.text}`,
        said: said('use.enriched', { title: shownTitle, match: m.said }),
      };
  }
  if (foreign.length > 0)
    return {
      use: false,
      enriched: false,
      said: said('use.restricted', { title: shownTitle, terms: foreign.join(', ') }),
      why: `${title}: its use is restricted to ${foreign.join(', ')}, which the app cannot compare with the case`,
    };
  if (foci.length > 0)
    return {
      use: true,
      enriched: false,
      said: said('use.unrelated', { title: shownTitle, foci: fociSaid }),
      why: `${title}: a ${names} cohort, unrelated to the case's gene, phenotypes and diagnosis`,
    };
  const text = [d.title, d.description].filter((x) => x !== undefined).join(' ');
  if (POPULATION.test(text))
    return {
      use: true,
      enriched: false,
      why: `${title}: a population reference, as it declares`,
      said: said('use.population', { title: shownTitle }),
    };
  if (MIXED.test(`${text} ${d.kind ?? ''}`))
    return {
      use: false,
      enriched: false,
      said: said('use.mixed', { title: shownTitle }),
      why: `${title}: a cohort of mixed phenotypes, so patients with the case's disease may be among them`,
    };
  return {
    use: false,
    enriched: false,
    said: said('use.undeclared', { title: shownTitle }),
    why: `${title}: it declares no cohort type, disease or population, so it cannot be told from a cohort of the case's disease`,
  };
}
