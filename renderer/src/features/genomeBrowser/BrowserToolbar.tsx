import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Suggestion } from '../../../../shared/search/channels';
import type { BrowserController } from '../../igv/browserController';
import type { GeneIndex } from '../../igv/geneIndex';
import { resolveLocus } from '../../igv/locus';
import { useStore } from '../../store';
import '../../styles/search.css';
import { Autocomplete } from '../search/Autocomplete';
import { genomicInputText } from '../search/inputProblem';
import { saidText } from '../../i18n/said';
import { findAaInCache } from './findAaInCache';
import { SessionButtons } from './SessionButtons';

/** Locus box (gene, region, variant, gene + protein change), pan/zoom buttons, session and export. */
export function BrowserToolbar({
  genes,
  controller,
}: {
  readonly genes: GeneIndex | undefined;
  readonly controller: BrowserController | undefined;
}) {
  const { t } = useTranslation();
  const locus = useStore((s) => s.browserLocus);
  const setError = useStore((s) => s.setBrowserError);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | undefined>();

  const suggest = useCallback(
    (prefix: string): Promise<Suggestion[]> =>
      Promise.resolve(
        (genes?.suggest(prefix, 8) ?? []).map((g) => ({
          id: g.symbol,
          label: g.symbol,
          detail: `${g.chrom}:${String(g.start0 + 1)}-${String(g.end)}`,
        })),
      ),
    [genes],
  );

  const go = (value: string): void => {
    if (genes === undefined || controller === undefined) return;
    void resolveLocus(value, genes, findAaInCache).then(async (target) => {
      if (!target.ok) {
        // A typed text the shared parser refuses is worded from its code, as on the Search page.
        setProblem(
          target.said === undefined
            ? genomicInputText(t, value, target.message)
            : saidText(target.said, t),
        );
        return;
      }
      setProblem(undefined);
      setError(undefined);
      await controller.goto(target.locus);
    });
  };

  return (
    <div className="browser-toolbar">
      <Autocomplete
        id="browser-locus"
        label={t('genomeBrowser.locus')}
        placeholder={t('genomeBrowser.locusPlaceholder')}
        value={text}
        onChange={setText}
        onPick={(s) => {
          setText(s.id);
          go(s.id);
        }}
        onEnter={() => go(text)}
        fetchSuggestions={suggest}
        testId="browser-locus"
      />
      <button
        type="button"
        onClick={() => go(text)}
        disabled={controller === undefined}
        data-testid="browser-go"
      >
        {t('genomeBrowser.go')}
      </button>
      <output className="browser-locus" data-testid="browser-current-locus">
        {locus}
      </output>
      <span className="button-group">
        <button
          type="button"
          aria-label={t('genomeBrowser.panLeft')}
          onClick={() => void controller?.pan(-0.25)}
        >
          ←
        </button>
        <button
          type="button"
          aria-label={t('genomeBrowser.panRight')}
          onClick={() => void controller?.pan(0.25)}
        >
          →
        </button>
        <button
          type="button"
          aria-label={t('genomeBrowser.zoomOut')}
          onClick={() => controller?.zoomOut()}
        >
          −
        </button>
        <button
          type="button"
          aria-label={t('genomeBrowser.zoomIn')}
          onClick={() => controller?.zoomIn()}
        >
          +
        </button>
      </span>
      <SessionButtons controller={controller} />
      {problem === undefined ? null : (
        <p role="alert" className="field-error" data-testid="browser-locus-error">
          {problem}
        </p>
      )}
    </div>
  );
}
