/**
 * Reference facts for the demo federation: GRCh38 gene spans, HPO terms (closed upward so descendant
 * queries work), diseases, SO consequences and NCIt sex terms. Pure functions over committed tables.
 */
import { DISEASE_ROWS } from './diseases.data';
import { GENE_ROWS } from './genes.data';
import { HPO_ROWS } from './hpo.data';
import { ONCOTREE_ROWS } from './oncotree';
import { SO_TERMS } from './so';
import { SEX_TERMS } from './sex';
import type { Disease, DiseaseSystem, Gene, GenePanel, HpoTerm, Strand } from './types';

export type { Disease, DiseaseSystem, Gene, GenePanel, HpoTerm, Strand } from './types';
export { SO_TERMS, soTerm, type SoTerm, type Impact } from './so';
export { SEX_TERMS, type Sex } from './sex';
export { CHROM_LENGTHS } from './chroms.data';

/** The genes the generator uses, GRCh38, 1-based inclusive spans, in genome order. */
export const GENES: readonly Gene[] = GENE_ROWS.map(
  ([symbol, chrom, start, end, strand, panel]) => ({
    symbol,
    chrom,
    start,
    end,
    strand: strand as Strand,
    panel: panel as GenePanel,
  }),
);

const genesBySymbol = new Map(GENES.map((g) => [g.symbol, g]));

/** A gene by HGNC symbol (case-sensitive), or undefined when the tables do not have it. */
export function geneBySymbol(symbol: string): Gene | undefined {
  return genesBySymbol.get(symbol);
}

const hpoById = new Map<string, HpoTerm>(
  HPO_ROWS.map(([id, label, parents]) => [id, { id, label, parents: [...parents] }]),
);
const hpoChildren = new Map<string, string[]>();
for (const t of hpoById.values()) {
  for (const p of t.parents) hpoChildren.set(p, [...(hpoChildren.get(p) ?? []), t.id]);
}

/** An HPO term with its label and is_a parents, or undefined when it is not in the tables. */
export function hpoTerm(id: string): HpoTerm | undefined {
  const t = hpoById.get(id);
  return t && { ...t, parents: [...t.parents] };
}

/** All HPO term ids in the tables (the used terms and their ancestors). */
export function hpoTermIds(): string[] {
  return [...hpoById.keys()];
}

/** The term and every descendant present in the tables (a fresh set the caller may modify). */
export function hpoDescendants(id: string): Set<string> {
  const out = new Set<string>([id]);
  const stack = [id];
  while (stack.length > 0) {
    for (const c of hpoChildren.get(stack.pop() as string) ?? []) {
      if (!out.has(c)) {
        out.add(c);
        stack.push(c);
      }
    }
  }
  return out;
}

/** Diseases used by the generator: ORPHA, OMIM, ICD-10 and OncoTree CURIEs with labels. */
export const DISEASES: readonly Disease[] = [...DISEASE_ROWS, ...ONCOTREE_ROWS].map(
  ([id, label]) => ({
    id,
    label,
    system: id.split(':')[0] as DiseaseSystem,
  }),
);

const labels = new Map<string, string>([
  ...[...hpoById.values()].map((t): [string, string] => [t.id, t.label]),
  ...DISEASES.map((d): [string, string] => [d.id, d.label]),
  ...SO_TERMS.map((t): [string, string] => [t.id, t.label]),
  ...Object.values(SEX_TERMS).map((t): [string, string] => [t.id, t.label]),
]);

/** The label of an HPO, disease, SO or NCIt sex CURIE, or undefined when unknown. */
export function termLabel(curie: string): string | undefined {
  return labels.get(curie);
}
