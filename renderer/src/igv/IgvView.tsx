import { labelIgvControls } from './a11y';
import { useEffect, useRef } from 'react';
import { errorText } from '../i18n/said';
import { useStore } from '../store';
import type { BrowserController } from './browserController';
import { controllerFor, currentLocus } from './browserController';
import type { GeneIndex } from './geneIndex';
import type { TrackSources } from './dataSources';
import { GENOME } from './genomeAssets';
import { selectedFromClick } from './igvEvents';
import type { IgvBrowser } from './igvTypes';
import { loadIgv } from './loadIgv';
import { syncTracks } from './syncTracks';

interface Props {
  readonly genes: GeneIndex;
  /** What the data tracks read: the local cache and the open case (issue 14: handed in). */
  readonly sources: TrackSources;
  /** The live browser's controller once it is ready, undefined once it is gone. */
  readonly onController: (controller: BrowserController | undefined) => void;
}

/**
 * The igv.js island: one browser per mount, created once and removed on unmount (safe under React
 * StrictMode's double mount), its events turned into store actions. The igv object stays here.
 */
export function IgvView({ genes, sources, onController }: Props) {
  const host = useRef<HTMLDivElement>(null);
  // The sources as the tracks see them, read at each sync; new ones re-sync the live browser.
  const sourcesRef = useRef(sources);
  const resync = useRef<(() => void) | undefined>(undefined);
  useEffect(() => {
    sourcesRef.current = sources;
    resync.current?.();
  }, [sources]);

  useEffect(() => {
    const div = host.current;
    if (div === null) return;
    // Read through a function: the flag flips in the cleanup while start() awaits.
    const life = { disposed: false };
    const gone = (): boolean => life.disposed;
    let browser: IgvBrowser | undefined;
    let unsubscribe: (() => void) | undefined;
    const store = useStore.getState;
    // Offline by design: a request to another origin (igv's igv.org fallback after a failed local
    // load) is refused by the CSP (connect-src 'self'); record it so it is visible, not silent.
    const onBlocked = (e: SecurityPolicyViolationEvent): void => {
      if (!e.blockedURI.startsWith('http')) return;
      // eslint-disable-next-line no-console -- the console is the renderer's log until log forwarding exists.
      console.warn(
        JSON.stringify({
          event: 'igv.outside_request_blocked',
          url: e.blockedURI,
          directive: e.effectiveDirective,
        }),
      );
      store().browserRequestBlocked(e.blockedURI);
    };
    document.addEventListener('securitypolicyviolation', onBlocked);
    const start = async (): Promise<void> => {
      const igv = await loadIgv();
      if (gone()) return;
      const created = await igv.createBrowser(div, {
        genome: GENOME,
        locus: store().browserLocus,
        tracks: [],
        loadDefaultGenomes: false,
        search: false,
        showNavigation: true,
        showRuler: true,
        showCenterGuide: false,
      });
      if (gone()) {
        igv.removeBrowser(created);
        return;
      }
      browser = created;
      const stopLabelling = labelIgvControls(div);
      const sync = syncTracks(created, genes, () => sourcesRef.current);
      created.on('locuschange', () => {
        const locus = currentLocus(created);
        if (locus !== undefined) store().browserLocusChanged(locus);
      });
      created.on('trackclick', (_track, items, _location, features) => {
        const selected = selectedFromClick(items, features);
        if (selected === undefined) return true;
        store().selectBrowserVariant(selected);
        return false;
      });
      await sync.apply(store().browserTracks, store().browserColorBy);
      // igv sizes itself only on window resizes; the page's own layout changes (the details panel
      // opening beside it) would leave its canvas overflowing onto the panel (issue 13).
      const resized = new ResizeObserver(() => {
        void created.visibilityChange();
      });
      resized.observe(div);
      resync.current = () => {
        void sync.apply(store().browserTracks, store().browserColorBy);
      };
      const offStore = useStore.subscribe((state, prev) => {
        if (
          state.browserTracks !== prev.browserTracks ||
          state.browserColorBy !== prev.browserColorBy ||
          state.browserFederation?.revision !== prev.browserFederation?.revision ||
          // A restored genotype track waits for the saved cohorts list to name its samples.
          state.cohortSaved !== prev.cohortSaved
        ) {
          void sync.apply(state.browserTracks, state.browserColorBy);
        }
        if (state.browserJump !== prev.browserJump) void created.search(state.browserLocus);
      });
      unsubscribe = () => {
        resized.disconnect();
        stopLabelling();
        resync.current = undefined;
        offStore();
      };
      if (gone()) return;
      store().browserStatusChanged('ready');
      onController(controllerFor(created, sync.idle));
    };
    start().catch((e: unknown) => {
      if (!gone()) store().browserStatusChanged('failed', errorText(e));
    });
    return () => {
      life.disposed = true;
      document.removeEventListener('securitypolicyviolation', onBlocked);
      unsubscribe?.();
      onController(undefined);
      if (browser !== undefined) {
        const b = browser;
        void loadIgv().then((igv) => igv.removeBrowser(b));
      }
      div.replaceChildren();
      store().browserStatusChanged('starting');
    };
  }, [genes, onController]);

  return <div ref={host} className="igv-host" data-testid="igv-host" />;
}
