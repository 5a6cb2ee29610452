// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { BrowserController, GenotypeSort } from '../../igv/browserController';
import '../../i18n';
import { resetStore, useStore } from '../../store';
import { GenotypeControls } from './GenotypeControls';

afterEach(() => {
  cleanup();
  resetStore();
});

const KEY = '17-43045712-G-A';
const sort: GenotypeSort = {
  chr: '17',
  pos: 43045712,
  variants: [KEY],
  carriers: [{ sample: 'SE-CA-01/SE-CA-01-I0000004', zygosity: 'hetvar' }],
  samples: 200,
  first: 'SE-CA-01/SE-CA-01-I0000004',
};
/** The controller as the page gets it; only the sort is used here. */
const controller = {
  sortGenotypes: () => Promise.resolve(sort),
} as unknown as BrowserController;

describe('the genotype sort summary (genome-browser-cohort)', () => {
  it('is dropped when the track’s samples are read anew (the cache’s datasets changed)', async () => {
    useStore.setState({
      browserTracks: [
        { id: 'genotypes', kind: 'genotypes', name: 'Genotypes: All', source: 'all' },
      ],
      browserGenotypeSamples: { count: 200, capped: true },
    });
    render(<GenotypeControls controller={controller} cacheOpen />);
    await act(async () => {
      fireEvent.click(screen.getByTestId('browser-genotypes-sort'));
      await Promise.resolve();
    });
    expect(screen.getByTestId('browser-genotypes-sorted').textContent).toContain(
      `Sorted 200 samples at ${KEY}: 1 carrier first`,
    );
    // The track reloaded over both datasets: another reader named its samples.
    act(() => {
      useStore.getState().setBrowserGenotypeSamples({ count: 200, capped: true });
    });
    expect(screen.queryByTestId('browser-genotypes-sorted')).toBeNull();
  });
});
