import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BrowserController } from '../../igv/browserController';
import { sessionFromJson } from '../../igv/session';
import { errorDetail, SaidError, saidText } from '../../i18n/said';
import { useStore } from '../../store';
import { download } from '../../components/download';
import { svgToPng } from './svgToPng';

/** Save/open the view as a session file; export the view as SVG or PNG. */
export function SessionButtons({
  controller,
}: {
  readonly controller: BrowserController | undefined;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const sessionJson = useStore((s) => s.browserSessionJson);
  const restore = useStore((s) => s.restoreBrowserSession);
  const setError = useStore((s) => s.setBrowserError);
  return (
    <span className="button-group">
      <button
        type="button"
        data-testid="browser-save-session"
        onClick={() =>
          download('cohort-desk-browser-session.json', sessionJson(), 'application/json')
        }
      >
        {t('genomeBrowser.saveSession')}
      </button>
      <label className="button-like">
        {t('genomeBrowser.openSession')}
        <input
          ref={input}
          type="file"
          accept="application/json,.json"
          className="visually-hidden"
          data-testid="browser-open-session"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (input.current !== null) input.current.value = '';
            if (file === undefined) return;
            void file.text().then((text) => {
              const parsed = sessionFromJson(text);
              if (parsed.ok) restore(parsed.session);
              else
                setError(
                  saidText(
                    { ...parsed.said, params: { ...parsed.said.params, file: file.name } },
                    t,
                  ),
                );
            });
          }}
        />
      </label>
      <button
        type="button"
        disabled={controller === undefined}
        data-testid="browser-export-svg"
        onClick={() => {
          if (controller !== undefined)
            download('cohort-desk-view.svg', controller.toSVG(), 'image/svg+xml');
        }}
      >
        {t('genomeBrowser.exportSvg')}
      </button>
      <button
        type="button"
        disabled={controller === undefined}
        data-testid="browser-export-png"
        onClick={() => {
          if (controller === undefined) return;
          svgToPng(controller.toSVG()).then(
            (png) => download('cohort-desk-view.png', png, 'image/png'),
            (e: unknown) =>
              setError(
                e instanceof SaidError
                  ? saidText(e.said, t)
                  : saidText({ key: 'pngFailed', params: { detail: errorDetail(e) } }, t),
              ),
          );
        }}
      >
        {t('genomeBrowser.exportPng')}
      </button>
    </span>
  );
}
