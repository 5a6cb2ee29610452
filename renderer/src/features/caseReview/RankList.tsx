import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RankedGeneView, RankSummary } from '../../ranking/protocol';
import type { ExplanationState } from '../../store/rankSlice';
import { GeneExplanationView } from './GeneExplanationView';
import { currentLocale } from '../../i18n';
import { formatFixed } from '../../../../shared/i18n/format';
import { genotypeFitText, inheritanceModeText } from '../../i18n/terms';

/** Arrow keys move between the genes' buttons (Home/End to the ends); Tab leaves the list. */
function moveFocus(e: KeyboardEvent<HTMLOListElement>): void {
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
  if (!keys.includes(e.key) || !(e.target instanceof HTMLElement)) return;
  const buttons = [...e.currentTarget.querySelectorAll<HTMLElement>('[data-gene-toggle]')];
  const at = buttons.indexOf(e.target);
  if (at < 0) return;
  e.preventDefault();
  const next =
    e.key === 'Home'
      ? 0
      : e.key === 'End'
        ? buttons.length - 1
        : Math.min(buttons.length - 1, Math.max(0, at + (e.key === 'ArrowDown' ? 1 : -1)));
  buttons[next]?.focus();
}

const f2 = (n: number): string => formatFixed(n, currentLocale(), 2);

/**
 * Genes best first (issue 17), each with its score, best diseases and variant fit; its full
 * explanation opens beneath it (a disclosure), and a gene can be opened in the Browser.
 */
export function RankList(props: {
  readonly id: string;
  readonly summary: RankSummary;
  readonly limit?: number;
  readonly explanations?: Record<string, ExplanationState>;
  readonly onExplain?: (symbol: string) => void;
  readonly onOpen?: (gene: RankedGeneView) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const genes = props.summary.genes.slice(0, props.limit ?? props.summary.genes.length);
  const toggle = (symbol: string): void => {
    const next = new Set(open);
    if (next.has(symbol)) next.delete(symbol);
    else {
      next.add(symbol);
      if (props.explanations?.[symbol] === undefined) props.onExplain?.(symbol);
    }
    setOpen(next);
  };
  return (
    <ol
      className="rank-list"
      aria-label={t('caseReview.rank.listLabel', { count: genes.length })}
      onKeyDown={moveFocus}
      data-testid={props.id}
    >
      {genes.map((g) => {
        const panel = `${props.id}-${g.symbol}-explanation`;
        const x = props.explanations?.[g.symbol];
        const expanded = open.has(g.symbol);
        return (
          <li key={g.symbol} data-testid={`rank-gene-${g.symbol}`} data-rank={g.rank}>
            <div className="rank-row">
              <span className="rank-number">{g.rank}</span>
              {props.onExplain === undefined ? (
                <strong>{g.symbol}</strong>
              ) : (
                <button
                  type="button"
                  className="link-button"
                  aria-expanded={expanded}
                  aria-controls={panel}
                  data-gene-toggle
                  onClick={() => toggle(g.symbol)}
                >
                  {t('caseReview.rank.explainGene', { symbol: g.symbol })}
                </button>
              )}
              <span className="rank-score">
                {t('caseReview.rank.score', { score: f2(g.score) })}
              </span>
              <span
                className="rank-disease"
                translate={g.diseases[0] === undefined ? undefined : 'no'}
              >
                {g.diseases[0] === undefined
                  ? t('caseReview.rank.noDisease')
                  : `${g.diseases[0].label} (${g.diseases[0].id})`}
              </span>
              {g.fit === undefined ? null : (
                <span className="rank-fit">
                  {t('caseReview.rank.fit', {
                    fit: genotypeFitText(t, g.fit.fit),
                    mode: inheritanceModeText(t, g.fit.mode),
                    variants: g.fit.variants
                      .map((v) => v.hgvsp ?? `${v.chrom}:${String(v.pos)} ${v.ref}>${v.alt}`)
                      .join(', '),
                  })}
                </span>
              )}
              {props.onOpen === undefined ? null : (
                <button
                  type="button"
                  onClick={() => props.onOpen?.(g)}
                  aria-label={t('caseReview.rank.openGene', { symbol: g.symbol })}
                  data-testid={`rank-open-${g.symbol}`}
                >
                  {t('caseReview.rank.open')}
                </button>
              )}
            </div>
            <div id={panel} className="rank-explanation" hidden={!expanded}>
              {!expanded ? null : x === undefined || x.status === 'loading' ? (
                <p role="status">{t('caseReview.rank.explaining')}</p>
              ) : x.status === 'failed' ? (
                <p role="alert" className="form-error">
                  {x.error}
                </p>
              ) : x.explanation === undefined ? (
                <p className="hint">{t('caseReview.rank.notRanked')}</p>
              ) : (
                <GeneExplanationView explanation={x.explanation} />
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
