// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
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

// Issue 16: a refused BED file showed its error while the regions read before went on filtering,
// unsaid; a refused gene list likewise. The refusal changes nothing, and says what still filters.
describe('issue 16: a refused BED file or gene list says what still filters the table', () => {
  const regions = [
    { chrom: '1', start: 0, end: 1000 },
    { chrom: '2', start: 0, end: 1000 },
  ];
  const bed = (text: string) => new File([text], 'panel.bed', { type: 'text/plain' });

  it('keeps the regions read before and says so; says none when there were none', async () => {
    const changes: unknown[] = [];
    const { rerender } = render(
      <GeneFilters filter={{ regions }} onChange={(p) => changes.push(p)} />,
    );
    fireEvent.change(screen.getByTestId('filter-bed'), {
      target: { files: [bed('chr1\t100\n')] },
    });
    const alert = await screen.findByTestId('filter-genes-error');
    expect(alert.textContent).toContain('panel.bed line 1');
    expect(screen.getByTestId('filter-list-in-force').textContent).toBe(
      'The regions read before still filter the table (2 regions).',
    );
    expect(changes).toEqual([]);
    // Removed meanwhile: the sentence follows the filter in force.
    rerender(<GeneFilters filter={{}} onChange={(p) => changes.push(p)} />);
    expect(screen.getByTestId('filter-list-in-force').textContent).toBe(
      'No regions filter the table.',
    );
  });

  it('a refused gene list keeps the list in force and says how long it is', () => {
    const changes: unknown[] = [];
    render(<GeneFilters filter={{ genes: ['SCN1A'] }} onChange={(p) => changes.push(p)} />);
    const list = screen.getByTestId('filter-gene-list');
    fireEvent.change(list, { target: { value: 'SCN1A KCNQ2 not/a/gene' } });
    fireEvent.blur(list);
    expect(screen.getByTestId('filter-list-in-force').textContent).toBe(
      'The gene list in force is unchanged (1 gene).',
    );
    expect(changes).toEqual([]);
  });
});
