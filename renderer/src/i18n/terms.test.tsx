import { cleanup, render, screen } from '@testing-library/react';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CohortVariants } from '../features/cohorts/CohortVariants';
import i18n, { setLanguage } from '.';
import { consequenceText, consequenceWithCode, duoText, zygosityText } from './terms';

afterEach(cleanup);
afterAll(async () => {
  await setLanguage('en');
});

describe('issue 22: DUO terms, consequences and zygosity in the app’s language, codes kept', () => {
  it('German: DUO id and shorthand kept beside the translated label', async () => {
    await setLanguage('de');
    expect(duoText(i18n.t, 'DUO:0000007', 'disease specific research')).toBe(
      'DUO:0000007 (DS) krankheitsspezifische Forschung',
    );
    expect(duoText(i18n.t, 'DUO:0000042', 'general research use')).toBe(
      'DUO:0000042 (GRU) allgemeine Forschungsnutzung',
    );
    // A term the app does not know keeps the node's label.
    expect(duoText(i18n.t, 'DUO:0999999', 'local term')).toBe('DUO:0999999 local term');
  });

  it('German and French: SO consequences translated, the SO term kept where a view shows it', async () => {
    await setLanguage('de');
    expect(consequenceText(i18n.t, 'missense_variant')).toBe('Missense-Variante');
    expect(consequenceWithCode(i18n.t, 'stop_gained')).toBe(
      'Stopp-Gewinn (Nonsense) (stop_gained)',
    );
    // VEP joins several terms with "&"; SnpEff's names map to VEP's.
    expect(consequenceText(i18n.t, 'splice_region_variant&intron_variant')).toBe(
      'Spleißregion-Variante, Intronvariante',
    );
    expect(consequenceText(i18n.t, 'intergenic_region')).toBe('intergenische Variante');
    expect(zygosityText(i18n.t, 'het')).toBe('heterozygot');
    await setLanguage('fr');
    expect(consequenceText(i18n.t, 'missense_variant')).toBe('variant faux-sens');
    expect(duoText(i18n.t, 'DUO:0000007')).toBe(
      'DUO:0000007 (DS) recherche spécifique à une maladie',
    );
  });

  it('English reads as before; an unknown term is shown as written', async () => {
    await setLanguage('en');
    expect(consequenceText(i18n.t, 'stop_gained')).toBe('stop gained');
    expect(consequenceText(i18n.t, 'some_new_term')).toBe('some new term');
    expect(consequenceText(i18n.t, null)).toBe('—');
  });

  it('a view shows the translated consequence with the SO term as its title (cohort variants)', async () => {
    await setLanguage('de');
    render(
      <CohortVariants
        variants={[
          {
            variant_key: '17-1-A-G',
            gene: 'BRCA1',
            consequence: 'missense_variant',
            af: 0.001,
            carriers: 2,
          },
        ]}
      />,
    );
    const cell = screen.getByText('Missense-Variante');
    expect(cell.getAttribute('title')).toBe('missense_variant');
  });
});
