// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import '../../i18n';
import { resetStore, useStore } from '../../store';
import { GeneFilters } from './GeneFilters';

afterEach(() => {
  cleanup();
  resetStore();
});

// Issue 16: a gene list symbol that no variant of the case is in (misspelt, renamed, not annotated)
// is named beside the list, so "0 kept" is never left unexplained.
describe('issue 16: the custom gene list names the symbols no variant of the case is in', () => {
  it('names them, marked as data, and the list is described by the note', () => {
    useStore.setState({ caseGenesAbsent: ['FOOBAR1', 'kcnq9'] });
    render(
      <GeneFilters filter={{ genes: ['scn2a', 'FOOBAR1', 'kcnq9'] }} onChange={() => undefined} />,
    );
    const note = screen.getByTestId('filter-genes-absent');
    expect(note.textContent).toBe(
      "No variant of this case is in these 2 genes: FOOBAR1, kcnq9; check the symbols (their current HGNC names) or the VCF's annotation.",
    );
    expect(note.querySelector('[translate="no"]')?.textContent).toBe('FOOBAR1, kcnq9');
    expect(screen.getByTestId('filter-gene-list').getAttribute('aria-describedby')).toBe(note.id);
  });

  it('says nothing when every symbol is in the case, or no list is in force', () => {
    render(<GeneFilters filter={{ genes: ['SCN2A'] }} onChange={() => undefined} />);
    expect(screen.queryByTestId('filter-genes-absent')).toBeNull();
    cleanup();
    useStore.setState({ caseGenesAbsent: ['FOOBAR1'] });
    render(<GeneFilters filter={{}} onChange={() => undefined} />);
    expect(screen.queryByTestId('filter-genes-absent')).toBeNull();
  });
});
