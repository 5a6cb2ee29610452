import { describe, expect, it } from 'vitest';
import type { QueryFn } from './cohortReader';
import type { TrackSources } from './dataSources';
import type { GeneIndex } from './geneIndex';
import type { IgvBrowser, IgvTrackConfig } from './igvTypes';
import type { TrackSpec } from './session';
import { syncTracks } from './syncTracks';

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
