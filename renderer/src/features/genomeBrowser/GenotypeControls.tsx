import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BrowserController, GenotypeSort } from '../../igv/browserController';
import { DEFAULT_GENOTYPE_OPTIONS } from '../../igv/genotypeReader';
import { useStore } from '../../store';

const TRACK_ID = 'genotypes';
/** Carriers named in the sort summary; the track shows them all. */
const SHOWN_CARRIERS = 5;

interface Props {
  readonly controller: BrowserController | undefined;
  readonly cacheOpen: boolean;
}

/**
 * Multi-sample genotypes for a chosen cohort (a saved cohort, or every cached individual up to the
 * cap) as igv's variant track, and a keyboard-reachable sort by genotype at the centre of the view.
 */
export function GenotypeControls({ controller, cacheOpen }: Props) {
  const { t } = useTranslation();
  const saved = useStore((s) => s.cohortSaved);
  const loadSaved = useStore((s) => s.loadSavedCohorts);
  const track = useStore((s) => s.browserTracks.find((x) => x.id === TRACK_ID));
  const add = useStore((s) => s.addBrowserTrack);
  const remove = useStore((s) => s.removeBrowserTrack);
  const samples = useStore((s) => s.browserGenotypeSamples);
  const setSamples = useStore((s) => s.setBrowserGenotypeSamples);
  const [sortedAt, setSorted] = useState<
    { samples: typeof samples; result: GenotypeSort | 'none' } | undefined
  >();
  // A sort summary belongs to the samples it sorted: the track's samples read anew (the cache's
  // datasets changed and the track reloaded, unsorted) make it stale.
  const sorted =
    sortedAt !== undefined && sortedAt.samples === samples ? sortedAt.result : undefined;
  const cap = DEFAULT_GENOTYPE_OPTIONS.maxSamples;

  useEffect(() => {
    void loadSaved();
  }, [loadSaved]);

  const choose = (source: string): void => {
    setSorted(undefined);
    setSamples(undefined);
    if (source === '') {
      remove(TRACK_ID);
      return;
    }
    const label =
      source === 'all'
        ? t('genomeBrowser.genotypes.all', { cap })
        : (saved.find((c) => c.id === source)?.name ?? source);
    remove(TRACK_ID);
    add({
      id: TRACK_ID,
      kind: 'genotypes',
      name: t('genomeBrowser.genotypes.trackName', { cohort: label }),
      source,
    });
  };
  const sort = async (direction: 'ASC' | 'DESC'): Promise<void> => {
    const result = await controller?.sortGenotypes(TRACK_ID, direction);
    setSorted({ samples: useStore.getState().browserGenotypeSamples, result: result ?? 'none' });
  };

  return (
    <fieldset className="genotype-controls" data-testid="browser-genotypes">
      <legend>{t('genomeBrowser.genotypes.heading')}</legend>
      <label>
        {t('genomeBrowser.genotypes.choose')}
        <select
          value={track?.source ?? ''}
          disabled={!cacheOpen}
          data-testid="browser-genotypes-cohort"
          onChange={(e) => choose(e.target.value)}
        >
          <option value="">{t('genomeBrowser.genotypes.none')}</option>
          <option value="all">{t('genomeBrowser.genotypes.all', { cap })}</option>
          {saved.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      {track === undefined ? null : (
        <>
          {samples === undefined ? null : (
            <p className="hint" data-testid="browser-genotypes-samples">
              {t(
                samples.capped
                  ? 'genomeBrowser.genotypes.samplesCapped'
                  : 'genomeBrowser.genotypes.samples',
                { count: samples.count },
              )}
            </p>
          )}
          <div className="button-group">
            <button
              type="button"
              data-testid="browser-genotypes-sort"
              disabled={controller === undefined}
              onClick={() => void sort('DESC')}
            >
              {t('genomeBrowser.genotypes.sortCarriers')}
            </button>
            <button
              type="button"
              disabled={controller === undefined}
              onClick={() => void sort('ASC')}
            >
              {t('genomeBrowser.genotypes.sortReference')}
            </button>
          </div>
          {sorted === undefined ? null : (
            <p
              role="status"
              data-testid="browser-genotypes-sorted"
              data-first-sample={sorted === 'none' ? '' : (sorted.first ?? '')}
            >
              {sorted === 'none' || sorted.variants.length === 0
                ? t('genomeBrowser.genotypes.noVariant')
                : t('genomeBrowser.genotypes.sorted', {
                    count: sorted.carriers.length,
                    variant: sorted.variants.join(', '),
                    samples: sorted.samples,
                    first: sorted.carriers
                      .slice(0, SHOWN_CARRIERS)
                      .map((c) => `${c.sample} (${t(`genomeBrowser.genotypes.${c.zygosity}`)})`)
                      .join(', '),
                  })}
            </p>
          )}
        </>
      )}
    </fieldset>
  );
}
