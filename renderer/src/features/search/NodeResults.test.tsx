import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import '../../i18n';
import { resetStore, useStore } from '../../store';
import { NodeResults } from './NodeResults';

afterEach(() => {
  cleanup();
  resetStore();
});

describe('NodeResults', () => {
  it('issue 15: a node’s conformance notes and unreadable result sets are shown for its operator', () => {
    useStore.setState({
      searchNodes: [
        {
          queryId: 'q',
          nodeId: 'XX',
          nodeName: 'Foreign node',
          country: 'Testland',
          attempt: 1,
          status: 'ok',
          returnedGranularity: 'count',
          exists: true,
          count: { value: 12, precision: 'exact' },
          datasets: [
            {
              id: 'A',
              exists: true,
              granularity: 'count',
              count: { value: 12, precision: 'exact' },
            },
            {
              id: 'B',
              exists: false,
              granularity: 'boolean',
              unreadable: 'response.resultSets[1]: resultsCount is not a whole number ≥ 0',
            },
          ],
          notes: ['meta.returnedSchemas lists plain strings (a v2.0 shape).'],
        },
      ],
    });
    render(<NodeResults />);
    const notes = screen.getByTestId('search-notes-XX');
    expect(within(notes).getByText('Conformance notes (2)')).toBeTruthy();
    expect(notes.textContent).toContain(
      'Not read: response.resultSets[1]: resultsCount is not a whole number ≥ 0',
    );
    expect(notes.textContent).toContain('meta.returnedSchemas lists plain strings (a v2.0 shape).');
    expect(screen.getByTestId('search-node-XX-count').textContent).toBe('12');
  });
});
