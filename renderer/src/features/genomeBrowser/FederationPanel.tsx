import { useTranslation } from 'react-i18next';
import {
  FREQUENCY_SCALE,
  NO_FREQUENCY_COLOR,
  federationVariants,
  unplacedVariants,
} from '../../igv/federationTrack';
import { useStore } from '../../store';
import { regionForSearch } from '../../store/browserFederationSlice';
import { FederationNodeTable, FederationVariantTable } from './FederationTables';

const TRACK_ID = 'federation';

/** Statuses that mean a node gave no answer. */
const UNANSWERED = new Set(['error', 'timeout', 'cancelled']);

/**
 * The federation track's controls and state beside igv (issue 8): on demand only, a g_variants
 * record query for the region in view; per-node status, stale and offline states in words.
 */
export function FederationPanel() {
  const { t } = useTranslation();
  const locus = useStore((s) => s.browserLocus);
  const online = useStore((s) => s.online);
  const run = useStore((s) => s.browserFederation);
  const hasTrack = useStore((s) => s.browserTracks.some((x) => x.id === TRACK_ID));
  const addTrack = useStore((s) => s.addBrowserTrack);
  const runQuery = useStore((s) => s.runBrowserFederation);
  const region = regionForSearch(locus);
  const stale = run !== undefined && run.locus !== locus;
  const unreachable =
    run?.done === true &&
    run.error === undefined &&
    run.nodes.length > 0 &&
    run.nodes.every((n) => UNANSWERED.has(n.status));
  const variants = run === undefined ? [] : federationVariants(run.nodes);
  const unplaced = unplacedVariants(run?.nodes ?? []);
  const trackName = t('genomeBrowser.federation.track');

  return (
    <section
      className="federation-panel"
      aria-labelledby="federation-panel-title"
      data-testid="browser-federation"
      data-state={
        run === undefined
          ? 'none'
          : run.done
            ? stale
              ? 'stale'
              : 'done'
            : run.expected === 0
              ? 'sending'
              : 'running'
      }
    >
      <h2 id="federation-panel-title">{trackName}</h2>
      <button
        type="button"
        disabled={!online || region === undefined}
        data-testid="browser-federation-run"
        onClick={() => {
          if (region === undefined) return;
          if (!hasTrack) addTrack({ id: TRACK_ID, kind: 'federation', name: trackName });
          void runQuery(region);
        }}
      >
        {t('genomeBrowser.federation.run')}
      </button>
      {online ? null : (
        <p className="hint" role="status" data-testid="browser-federation-offline">
          {t('genomeBrowser.federation.offline')}
        </p>
      )}
      {run === undefined ? (
        <p className="hint">{t('genomeBrowser.federation.onDemand')}</p>
      ) : (
        <>
          <p role="status">
            {t(
              run.done ? 'genomeBrowser.federation.answerFor' : 'genomeBrowser.federation.asking',
              {
                region: run.region,
              },
            )}
          </p>
          {stale ? (
            <p className="hint" data-testid="browser-federation-stale">
              {t('genomeBrowser.federation.stale')}
            </p>
          ) : null}
          {run.error === undefined ? null : (
            <p role="alert" className="field-error">
              {t('genomeBrowser.federation.failed', { error: run.error })}
            </p>
          )}
          {unreachable ? (
            <p role="alert" className="field-error" data-testid="browser-federation-unreachable">
              {t('genomeBrowser.federation.unreachable')}
            </p>
          ) : null}
          <FederationNodeTable nodes={run.nodes} />
          <figure className="browser-legend">
            <figcaption>{t('genomeBrowser.federation.legend')}</figcaption>
            <ul>
              {FREQUENCY_SCALE.map((s, i) => (
                <li key={s.min}>
                  <span className="swatch" style={{ background: s.color }} aria-hidden="true" />
                  {i === FREQUENCY_SCALE.length - 1
                    ? t('genomeBrowser.federation.below', {
                        value: `${String((FREQUENCY_SCALE[i - 1]?.min ?? 0) * 100)}%`,
                      })
                    : t('genomeBrowser.federation.atLeast', { value: `${String(s.min * 100)}%` })}
                </li>
              ))}
              <li>
                <span
                  className="swatch"
                  style={{ background: NO_FREQUENCY_COLOR }}
                  aria-hidden="true"
                />
                {t('genomeBrowser.federation.noFrequency')}
              </li>
            </ul>
          </figure>
          <FederationVariantTable variants={variants} />
          {unplaced.noPosition + unplaced.otherAssembly === 0 ? null : (
            <p className="hint" data-testid="browser-federation-unplaced">
              {t('genomeBrowser.federation.unplaced', {
                count: unplaced.noPosition,
                otherAssembly: unplaced.otherAssembly,
              })}
            </p>
          )}
        </>
      )}
    </section>
  );
}
