import type { TFunction } from 'i18next';
import { canonicalTerm } from '../../../shared/cases/consequences';
import { DUO_TERMS } from '../../../shared/vault/duo.data';

/**
 * Clinical words in the app's language with their standard codes kept (issue 22, decision 0048):
 * the translations live in the document catalogues main's report uses too (terms.*), so a
 * consequence or DUO term reads the same on screen and on paper.
 */

const DUO_SHORTHAND = new Map(DUO_TERMS.map(([id, short]) => [id, short]));

/** An SO consequence (or several joined by "&", as VEP writes them) in words ("missense variant"). */
export function consequenceText(t: TFunction, term: string | null | undefined): string {
  if (term === null || term === undefined || term === '') return '—';
  return term
    .split('&')
    .map((x) =>
      t(`terms.consequence.${canonicalTerm(x)}`, { defaultValue: x.replaceAll('_', ' ') }),
    )
    .join(', ');
}

/** The consequence in words with its SO term beside it ("Missense-Variante (missense_variant)"). */
export function consequenceWithCode(t: TFunction, term: string | null | undefined): string {
  const words = consequenceText(t, term);
  return term === null || term === undefined || term === '' ? words : `${words} (${term})`;
}

/**
 * A DUO term as id, shorthand and translated label: "DUO:0000007 (DS) krankheitsspezifische
 * Forschung"; a term the app does not know keeps the label the node sent.
 */
export function duoText(t: TFunction, id: string, label?: string): string {
  const short = DUO_SHORTHAND.get(id);
  const words = t(`terms.duo.${id.replace(':', '_')}`, { defaultValue: label ?? '' });
  return [id, short === undefined || short === '' ? '' : `(${short})`, words === id ? '' : words]
    .filter((x) => x !== '')
    .join(' ');
}

const ZYGOSITY: Readonly<Record<string, string>> = {
  het: 'heterozygous',
  hom: 'homozygous',
  hemi: 'hemizygous',
  ref: 'reference',
};

/** A genotype's zygosity ("het", "hom", "hemi" as the case tables store it) in words. */
export const zygosityText = (t: TFunction, z: string): string =>
  t(`terms.zygosity.${ZYGOSITY[z] ?? z}`, { defaultValue: z });
