import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import '../../i18n';
import { SearchQuerySchema } from '../../../../shared/search/query';
import { resetStore, useStore } from '../../store';
import { SearchSummary } from './SearchSummary';

afterEach(() => {
  cleanup();
  resetStore();
});

const run = (nodes: number) => ({
  queryId: 'q',
  query: SearchQuerySchema.parse({ genomic: 'BRCA1' }),
  startedAt: 0,
  nodes,
});

describe('SearchSummary', () => {
  it('shows a range, with the reason, when a node rounded its count', () => {
    useStore.setState({
      searchRun: run(2),
      searchDone: { queryId: 'q', cancelled: false, totalMs: 40 },
      searchNodes: [
        {
          queryId: 'q',
          nodeId: 'FI',
          nodeName: 'FI',
          country: 'Finland',
          attempt: 1,
          status: 'ok',
          count: { value: 7, precision: 'exact' },
        },
        {
          queryId: 'q',
          nodeId: 'IT',
          nodeName: 'IT',
          country: 'Italy',
          attempt: 1,
          status: 'ok',
          count: { value: 20, precision: 'rounded', adjustedTo: 10 },
        },
      ],
    });
    render(<SearchSummary />);
    expect(screen.getByTestId('search-total').textContent).toBe('Between 22–31 individuals');
    expect(screen.getByText(/round their counts/)).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('2 of 2 nodes answered');
  });

  it('says plainly when there are no nodes to ask', () => {
    useStore.setState({
      searchRun: run(0),
      searchDone: { queryId: 'q', cancelled: false, totalMs: 0 },
      searchNodes: [],
    });
    render(<SearchSummary />);
    expect(screen.getByTestId('search-total').textContent).toContain(
      'No federation nodes are configured',
    );
  });

  it('issue 13: never states zero while nodes say matches exist', () => {
    const yes = (nodeId: string, country: string) => ({
      queryId: 'q',
      nodeId,
      nodeName: nodeId,
      country,
      attempt: 1,
      status: 'ok' as const,
      returnedGranularity: 'boolean' as const,
      exists: true,
    });
    useStore.setState({
      searchRun: run(3),
      searchDone: { queryId: 'q', cancelled: false, totalMs: 40 },
      searchNodes: [
        yes('FI', 'Finland'),
        yes('IT', 'Italy'),
        {
          ...yes('ES', 'Spain'),
          returnedGranularity: 'count',
          exists: false,
          count: { value: 0, precision: 'exact' },
        },
      ],
    });
    render(<SearchSummary />);
    expect(screen.getByTestId('search-total').textContent).toBe(
      'Matches at 2 nodes; counts withheld; 0 at Spain',
    );
  });

  it('issue 15: nodes answering "no" without a count make 0, not "no count yet"', () => {
    const no = (nodeId: string) => ({
      queryId: 'q',
      nodeId,
      nodeName: nodeId,
      country: nodeId,
      attempt: 1,
      status: 'ok' as const,
      returnedGranularity: 'boolean' as const,
      exists: false,
      datasets: [{ id: `${nodeId}-1`, exists: false, granularity: 'boolean' as const }],
    });
    useStore.setState({
      searchRun: run(2),
      searchDone: { queryId: 'q', cancelled: false, totalMs: 40 },
      searchNodes: [no('FI'), no('PT')],
    });
    render(<SearchSummary />);
    expect(screen.getByTestId('search-total').textContent).toBe('0 individuals');
  });
});
