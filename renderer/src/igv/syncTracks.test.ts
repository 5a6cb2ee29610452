import { afterEach, describe, expect, it } from 'vitest';
import { resetStore, useStore } from '../store';
import type { QueryFn } from './cohortReader';
import type { TrackSources } from './dataSources';
import type { GeneIndex } from './geneIndex';
import type { IgvBrowser, IgvTrackConfig } from './igvTypes';
import type { TrackSpec } from './session';
import { syncTracks } from './syncTracks';
import { trackConfig } from './trackConfigs';

// igv itself needs a canvas; syncTracks only loads and removes tracks, so a browser that records
// those two calls is all it talks to here.
function recordingBrowser(): { browser: IgvBrowser; log: string[] } {
  const log: string[] = [];
  const browser = {
    loadTrack: (config: IgvTrackConfig) => {
      log.push(`load ${config.name}`);
      return Promise.resolve({ name: config.name });
    },
    removeTrackByName: (name: string) => {
      log.push(`remove ${name}`);
    },
  } as unknown as IgvBrowser;
  return { browser, log };
}

const genes = { genes: [], exonsOf: () => undefined } as unknown as GeneIndex;
const query: QueryFn = () => Promise.resolve([]);
const caseTrack: TrackSpec = { id: 'case-c1', kind: 'case', name: 'Case c1', source: 'c1' };

describe('issue 14: tracks follow the sources the page hands in', () => {
  it('loads the case track only while its case is open, and reloads it when reattached', async () => {
    const { browser, log } = recordingBrowser();
    let sources: TrackSources = { cache: undefined, openCase: undefined };
    const sync = syncTracks(browser, genes, () => sources);
    await sync.apply([caseTrack], 'consequence');
    expect(log).toEqual(['load Genes (GRCh38)']);

    sources = { cache: undefined, openCase: { caseId: 'c1', alias: 'case_a', query } };
    await sync.apply([caseTrack], 'consequence');
    await sync.apply([caseTrack], 'consequence');
    expect(log.slice(1)).toEqual(['load Case c1']);

    // Closed and reopened: the database is attached under a new alias, so the track reads anew.
    sources = { cache: undefined, openCase: { caseId: 'c1', alias: 'case_b', query } };
    await sync.apply([caseTrack], 'consequence');
    expect(log.slice(2)).toEqual(['remove Case c1', 'load Case c1']);

    // Another case open: this case's track cannot read its database any more.
    sources = { cache: undefined, openCase: { caseId: 'c2', alias: 'case_c', query } };
    await sync.apply([caseTrack], 'consequence');
    expect(log.slice(4)).toEqual(['remove Case c1']);
  });
});

// The genome-browser-cohort e2e chooses "All individuals" as soon as the first cached dataset has
// loaded; the second loads after. The genotype track reads its samples once per reader.
const genotypes: TrackSpec = {
  id: 'genotypes',
  kind: 'genotypes',
  name: 'Genotypes: All individuals (first 200)',
  source: 'all',
};
/** A cache whose sample read answers `n` individuals of `dataset`. */
const cacheOf = (revision: string, dataset: string, n: number) => ({
  revision,
  query: (() =>
    Promise.resolve(
      Array.from({ length: n }, (_, i) => ({
        dataset_id: dataset,
        individual_id: `${dataset}-I${String(i).padStart(7, '0')}`,
      })),
    )) as QueryFn,
});

describe('the genotype track follows the cache (genome-browser-cohort)', () => {
  afterEach(() => {
    resetStore();
  });

  it('is loaded anew when the loaded datasets change, so its samples are read from all of them', async () => {
    const { browser, log } = recordingBrowser();
    let sources: TrackSources = {
      cache: cacheOf('SE-CA-01', 'SE-CA-01', 300),
      openCase: undefined,
    };
    const sync = syncTracks(browser, genes, () => sources);
    await sync.apply([genotypes], 'consequence');
    await sync.apply([genotypes], 'consequence');
    expect(log.slice(1)).toEqual([`load ${genotypes.name}`]);
    sources = { cache: cacheOf('FI-RD-01,SE-CA-01', 'FI-RD-01', 700), openCase: undefined };
    await sync.apply([genotypes], 'consequence');
    expect(log.slice(2)).toEqual([`remove ${genotypes.name}`, `load ${genotypes.name}`]);
  });

  it('a replaced reader whose sample read answers late does not change the count shown', async () => {
    const sources = (cache: ReturnType<typeof cacheOf>): TrackSources => ({
      cache,
      openCase: undefined,
    });
    const before = trackConfig(
      genotypes,
      'consequence',
      sources(cacheOf('SE-CA-01', 'SE-CA-01', 3)),
    );
    const now = trackConfig(
      genotypes,
      'consequence',
      sources(cacheOf('FI-RD-01,SE-CA-01', 'FI-RD-01', 700)),
    );
    if ('missing' in before || 'missing' in now) throw new Error('no genotype track');
    type Reader = { readHeader(): Promise<unknown> };
    await (now.reader as Reader).readHeader();
    expect(useStore.getState().browserGenotypeSamples).toEqual({ count: 200, capped: true });
    await (before.reader as Reader).readHeader();
    expect(useStore.getState().browserGenotypeSamples).toEqual({ count: 200, capped: true });
  });
});
