import { cleanup, render, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CohortRow } from '../../../../shared/cohorts/exportFormats';
import '../../i18n';
import { CohortTable } from './CohortTable';

afterEach(cleanup);

// jsdom lays nothing out: give elements the scroller's size so the virtualiser renders rows.
const sizes = ['clientHeight', 'clientWidth'] as const;
const saved = sizes.map((k) => Object.getOwnPropertyDescriptor(HTMLElement.prototype, k));
beforeAll(() => {
  for (const k of sizes)
    Object.defineProperty(HTMLElement.prototype, k, { configurable: true, get: () => 400 });
});
afterAll(() => {
  sizes.forEach((k, i) => {
    const d = saved[i];
    if (d !== undefined) Object.defineProperty(HTMLElement.prototype, k, d);
  });
});

const row = (id: string, age_band: string | null): CohortRow => ({
  dataset_id: 'FI-RD-01',
  node_id: 'FI',
  individual_id: id,
  sex: 'female',
  age_band,
  country: 'FI',
  diseases: ['ORPHA:586', 'MONDO:0009061'],
  phenotypes: ['HP:0001250', 'HP:0002104'],
});

describe('CohortTable', () => {
  it('issue 13: shows labels for HP and disease codes (ids in the tooltip) and names birth years and ages', () => {
    render(<CohortTable rows={[row('I1', '1980-1989'), row('I2', '40-49'), row('I3', null)]} />);
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toContain('Birth years or age');
    expect(headers).not.toContain('Age');
    const cells = screen
      .getAllByRole('row')
      .slice(1)
      .map((r) => Array.from(r.querySelectorAll('[role="cell"]'), (c) => c.textContent));
    const at = (name: string): number => headers.indexOf(name);
    expect(cells.map((c) => c[at('Birth years or age')])).toEqual([
      'born 1980-1989',
      'aged 40-49',
      '',
    ]);
    expect(cells[0]?.[at('Phenotypes (HPO)')]).toBe('Seizure; Apnea');
    // A code the app has no label for is shown as itself, not hidden or invented.
    expect(cells[0]?.[at('Diseases')]).toBe('Cystic fibrosis; MONDO:0009061');
    const phenotypeCell = screen.getAllByRole('cell', { name: 'Seizure; Apnea' })[0];
    // The tooltip holds the full value (issue 22: a cell cut off in a long language) and the ids.
    expect(phenotypeCell?.getAttribute('title')).toBe('Seizure; Apnea (HP:0001250; HP:0002104)');
  });
});
