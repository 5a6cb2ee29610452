import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../styles/browser.css';
import type { BrowserController } from '../../igv/browserController';
import type { GeneIndex } from '../../igv/geneIndex';
import { loadGeneIndex } from '../../igv/genomeAssets';
import { IgvView } from '../../igv/IgvView';
import { errorText } from '../../i18n/said';
import { useStore } from '../../store';
import { BrowserToolbar } from './BrowserToolbar';
import { FederationPanel } from './FederationPanel';
import { Legend } from './Legend';
import { TrackPanel } from './TrackPanel';
import { useCaseSource } from './useCaseSource';
import { useCohortCache } from './useCohortCache';
import { VariantDetails } from './VariantDetails';

/** Keys that move the view while the browser area has focus (not while typing in a field). */
function onBrowserKey(e: React.KeyboardEvent, c: BrowserController | undefined): void {
  if (
    c === undefined ||
    e.target instanceof HTMLInputElement ||
    e.target instanceof HTMLSelectElement
  )
    return;
  const action: Record<string, () => void> = {
    ArrowLeft: () => void c.pan(-0.25),
    ArrowRight: () => void c.pan(0.25),
    '+': () => c.zoomIn(),
    '=': () => c.zoomIn(),
    '-': () => c.zoomOut(),
  };
  const run = action[e.key];
  if (run === undefined) return;
  e.preventDefault();
  run();
}

/** The genome browser page (issue 8): GRCh38 offline, cohort, panel, patient and federation tracks, details. */
export function GenomeBrowserPage() {
  const { t } = useTranslation();
  const [genes, setGenes] = useState<GeneIndex | undefined>();
  const [loadError, setLoadError] = useState<string | undefined>();
  // Component state, not the store: the controller wraps the live igv browser.
  const [controller, setController] = useState<BrowserController | undefined>();
  const ready = controller !== undefined;
  const status = useStore((s) => s.browserStatus);
  const error = useStore((s) => s.browserError);
  const setError = useStore((s) => s.setBrowserError);
  const blocked = useStore((s) => s.browserBlocked);
  const cache = useCohortCache();
  const openCase = useCaseSource();
  const sources = useMemo(() => ({ cache, openCase }), [cache, openCase]);

  useEffect(() => {
    let live = true;
    loadGeneIndex().then(
      (g) => live && setGenes(g),
      (e: unknown) => live && setLoadError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, []);

  const failure = loadError ?? (status === 'failed' ? error : undefined);
  return (
    <div
      className="genome-browser"
      data-testid="genome-browser"
      data-ready={ready ? 'true' : 'false'}
    >
      <BrowserToolbar genes={genes} controller={controller} />
      <p className="hint">{t('genomeBrowser.offline')}</p>
      {failure === undefined ? null : (
        <p role="alert" className="field-error">
          {t('genomeBrowser.failed', { error: failure })}
        </p>
      )}
      {error === undefined || status === 'failed' ? null : (
        <p role="alert" className="field-error" data-testid="browser-error">
          {error}{' '}
          <button type="button" onClick={() => setError(undefined)}>
            ✕
          </button>
        </p>
      )}
      {blocked.length === 0 ? null : (
        <p className="hint" role="status" data-testid="browser-blocked">
          {t('genomeBrowser.blocked', { count: blocked.length, url: blocked[blocked.length - 1] })}
        </p>
      )}
      <div className="genome-browser-body">
        <TrackPanel controller={controller} />
        <div className="genome-browser-main">
          <section
            className="genome-browser-view"
            tabIndex={0}
            aria-label={t('genomeBrowser.keys')}
            onKeyDown={(e) => onBrowserKey(e, controller)}
            data-testid="browser-view"
          >
            {!ready ? <p data-testid="browser-starting">{t('genomeBrowser.starting')}</p> : null}
            {genes === undefined ? null : (
              <IgvView genes={genes} sources={sources} onController={setController} />
            )}
            <Legend />
          </section>
          <FederationPanel />
        </div>
        <VariantDetails />
      </div>
    </div>
  );
}
