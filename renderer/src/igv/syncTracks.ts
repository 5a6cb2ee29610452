import { errorDetail, saidText } from '../i18n/said';
import { useStore } from '../store';
import type { ColorBy } from './colors';
import type { TrackSources } from './dataSources';
import type { GeneIndex } from './geneIndex';
import type { IgvBrowser } from './igvTypes';
import type { TrackSpec } from './session';
import { geneTrack, trackConfig } from './trackConfigs';

/** What a loaded track was built from; a change means reload it. */
const signature = (spec: TrackSpec, colorBy: ColorBy, sources: TrackSources): string =>
  `${spec.kind}|${spec.name}|${spec.source ?? ''}|${revisionOf(spec, colorBy, sources)}`;

/**
 * What else a track's content depends on: the cache (and colours), the case database as attached now
 * (a reopened case has a new alias), or the federation's answer.
 */
function revisionOf(spec: TrackSpec, colorBy: ColorBy, sources: TrackSources): string {
  if (spec.kind === 'cohort') return `${colorBy}|${sources.cache?.revision ?? ''}`;
  // Its samples are read once per reader: chosen while one of two datasets had loaded, the track
  // kept that dataset's individuals (and its sample count) after the other arrived.
  if (spec.kind === 'genotypes') return sources.cache?.revision ?? '';
  if (spec.kind === 'case') return sources.openCase?.alias ?? '';
  if (spec.kind === 'federation')
    return String(useStore.getState().browserFederation?.revision ?? 0);
  return '';
}

/**
 * Keeps igv's tracks equal to the store's list: loads new ones, drops removed ones, reloads changed
 * ones (cohort colours). The gene track is always first. Calls are serialised.
 */
export function syncTracks(
  browser: IgvBrowser,
  genes: GeneIndex,
  /** The cache and the open case as they are when a sync runs (the page hands them in). */
  sourcesNow: () => TrackSources,
): {
  apply: (tracks: readonly TrackSpec[], colorBy: ColorBy) => Promise<void>;
  /** Settles once every sync asked for so far has run (a reloading track is loaded again). */
  idle: () => Promise<void>;
} {
  const loaded = new Map<string, { name: string; sig: string }>();
  let chain: Promise<void> = browser.loadTrack(geneTrack(genes)).then(() => undefined);

  const applyNow = async (tracks: readonly TrackSpec[], colorBy: ColorBy): Promise<void> => {
    const sources = sourcesNow();
    const wanted = new Map(tracks.map((t) => [t.id, t]));
    for (const [id, was] of loaded) {
      const now = wanted.get(id);
      if (now === undefined || signature(now, colorBy, sources) !== was.sig) {
        browser.removeTrackByName(was.name);
        loaded.delete(id);
      }
    }
    for (const spec of tracks) {
      if (loaded.has(spec.id)) continue;
      const config = trackConfig(spec, colorBy, sources);
      if ('missing' in config) continue;
      try {
        await browser.loadTrack(config);
        loaded.set(spec.id, { name: spec.name, sig: signature(spec, colorBy, sources) });
      } catch (e) {
        // igv.js's own English is the detail; the sentence is in the reader's language (issue 22).
        const track = spec.source ?? spec.name;
        useStore
          .getState()
          .setBrowserError(
            saidText({ key: 'trackFailed', params: { track, detail: errorDetail(e) } }),
          );
        useStore.getState().removeBrowserTrack(spec.id);
      }
    }
  };

  return {
    apply(tracks, colorBy) {
      chain = chain.then(() => applyNow(tracks, colorBy)).catch(() => undefined);
      return chain;
    },
    idle: () => chain,
  };
}
