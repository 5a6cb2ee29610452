import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import '../../i18n';
import { resetStore, useStore } from '../../store';
import { CohortBuilder } from './CohortBuilder';

afterEach(() => {
  cleanup();
  resetStore();
});

const type = async (input: HTMLElement, value: string): Promise<void> => {
  await act(async () => {
    fireEvent.change(input, { target: { value } });
    await Promise.resolve();
  });
};

describe('CohortBuilder phenotype picker (whole HPO)', () => {
  it('finds a term by a synonym, picks it by keyboard and adds it with descendants', async () => {
    render(<CohortBuilder />);
    const input = screen.getByRole('combobox', { name: 'Phenotype term' });
    const add = screen.getByTestId('cohort-add-term');
    expect(add).toHaveProperty('disabled', true);
    await type(input, 'grand mal');
    const options = screen.getAllByRole('option');
    expect(options[0]?.textContent).toContain('Bilateral tonic-clonic seizure');
    expect(options[0]?.textContent).toContain('Grand mal');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect((input as HTMLInputElement).value).toBe('Bilateral tonic-clonic seizure (HP:0002069)');
    fireEvent.click(add);
    expect(useStore.getState().cohortFilters.phenotypes).toEqual([
      { id: 'HP:0002069', includeDescendants: true },
    ]);
    expect(screen.getByTestId('cohort-terms').textContent).toContain(
      'Bilateral tonic-clonic seizure and descendants',
    );
    expect((input as HTMLInputElement).value).toBe('');
  });

  it('takes a typed HP id directly and refuses an unknown one', async () => {
    render(<CohortBuilder />);
    const input = screen.getByRole('combobox', { name: 'Phenotype term' });
    await type(input, 'HP:9999999');
    expect(screen.getByTestId('cohort-add-term')).toHaveProperty('disabled', true);
    await type(input, 'HP:0001250');
    fireEvent.click(screen.getByTestId('cohort-add-term'));
    expect(useStore.getState().cohortFilters.phenotypes[0]?.id).toBe('HP:0001250');
  });
});
