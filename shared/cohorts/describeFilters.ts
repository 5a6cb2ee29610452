import type { CohortFilters } from './definition';
import { hasGenotype } from './definition';
import { hpoVersion } from './hpo';
import { termText } from './ontologyLabels';

const named = (id: string): string => {
  const text = termText(id);
  return text === id ? id : `${text} (${id})`;
};

/**
 * A cohort definition in words, with labels beside codes, for the files an export writes
 * ("phenotypes: all of Seizure (HP:0001250) and descendants; genotype: gene BRCA1").
 */
export function describeFilters(f: CohortFilters): string {
  const parts: string[] = [];
  if (f.phenotypes.length > 0)
    parts.push(
      `phenotypes (HPO ${hpoVersion()}): ${f.phenotypeMatch} of ` +
        f.phenotypes
          .map((p) => `${named(p.id)}${p.includeDescendants ? ' and descendants' : ''}`)
          .join(', '),
    );
  if (f.diseases.length > 0) parts.push(`diseases: any of ${f.diseases.map(named).join(', ')}`);
  if (f.sexes.length > 0) parts.push(`sex: ${f.sexes.join(' or ')}`);
  if (f.countries.length > 0) parts.push(`countries: ${f.countries.join(', ')}`);
  if (f.datasets.length > 0) parts.push(`datasets: ${f.datasets.join(', ')}`);
  if (hasGenotype(f.genotype)) {
    const g = f.genotype;
    const gp = [
      ...((g.gene ?? '') === '' ? [] : [`gene ${g.gene ?? ''}`]),
      ...((g.consequence ?? '') === '' ? [] : [`consequence ${g.consequence ?? ''}`]),
      ...(g.maxAf === undefined ? [] : [`allele frequency ≤ ${String(g.maxAf)}`]),
    ];
    parts.push(`carriers of variants with ${gp.join(', ')}`);
  }
  return parts.length === 0 ? 'every cached individual' : parts.join('; ');
}
