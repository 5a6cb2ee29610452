import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../../store';
import { LikePreviewDialog } from './LikePreviewDialog';
import { LikeResults } from './LikeResults';
import { currentLocale } from '../../../i18n';
import { formatDateTime, formatFixed } from '../../../../../shared/i18n/format';
import { useHpoLabel } from '../../../i18n/useHpoLabel';

/** Terms checked at first: the patient's two most informative. */
const FIRST_TERMS = 2;

/**
 * "Patients like mine" (issue 18): individuals at every node with a variant in the gene and every
 * chosen phenotype term (or a descendant). The patient's terms are offered most informative first;
 * the preview shows exactly what will be sent, and nothing is sent before the user says so.
 */
export function LikeMine() {
  const { t } = useTranslation();
  const hpo = useHpoLabel();
  const like = useStore((s) => s.like);
  const summary = useStore((s) => s.rank.summary);
  const preview = useStore((s) => s.previewLike);
  const close = useStore((s) => s.closeLikePreview);
  const send = useStore((s) => s.runLike);
  const genes = useMemo(() => (summary?.genes ?? []).slice(0, 20).map((g) => g.symbol), [summary]);
  // Until the user edits them: the best ranked gene and the most informative terms.
  const [geneEdit, setGene] = useState<string | undefined>();
  const [chosenEdit, setChosen] = useState<readonly string[] | undefined>();
  const gene = geneEdit ?? genes[0] ?? '';
  const chosen = chosenEdit ?? (like.terms ?? []).slice(0, FIRST_TERMS).map((x) => x.id);
  const toggle = (id: string) =>
    setChosen(chosen.includes(id) ? chosen.filter((x) => x !== id) : [...chosen, id]);
  const running = like.queryId !== undefined && like.done === undefined;
  const last = like.stored?.at(-1);
  // A finished run is shown as stored (with its time) once main has sealed it with the case.
  const showStored =
    last !== undefined &&
    (like.queryId === undefined || (like.done !== undefined && last.queryId === like.queryId));
  return (
    <section aria-labelledby="like-heading" data-testid="like-mine">
      <h3 id="like-heading">{t('caseReview.like.heading')}</h3>
      <p className="hint">{t('caseReview.like.intro')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void preview(gene.trim().toUpperCase(), chosen);
        }}
      >
        <label>
          {t('caseReview.like.gene')}{' '}
          <input
            value={gene}
            onChange={(e) => setGene(e.target.value)}
            list="like-genes"
            required
            pattern="[A-Za-z0-9][A-Za-z0-9-]{0,39}"
            data-testid="like-gene"
          />
        </label>
        <datalist id="like-genes">
          {genes.map((g) => (
            <option key={g} value={g} />
          ))}
        </datalist>
        <fieldset className="inline-fieldset">
          <legend>{t('caseReview.like.terms')}</legend>
          {(like.terms ?? []).map((x) => (
            <label key={x.id}>
              <input
                type="checkbox"
                checked={chosen.includes(x.id)}
                onChange={() => toggle(x.id)}
                data-testid={`like-term-${x.id}`}
              />
              {t('caseReview.like.term', {
                label: x.label,
                id: x.id,
                ic: formatFixed(x.ic, currentLocale(), 1),
              })}
            </label>
          ))}
          {(like.terms ?? []).length === 0 ? (
            <p className="hint">{t('caseReview.like.noTerms')}</p>
          ) : null}
        </fieldset>
        <button
          type="submit"
          disabled={running || chosen.length === 0 || gene.trim() === ''}
          data-testid="like-preview-open"
        >
          {t('caseReview.like.previewButton')}
        </button>
      </form>
      {like.error === undefined ? null : (
        <p role="alert" className="form-error">
          {like.error}
        </p>
      )}
      <p role="status" data-testid="like-status" data-state={running ? 'running' : 'idle'}>
        {like.queryId === undefined
          ? ''
          : running
            ? t('caseReview.like.running')
            : t('caseReview.like.done', { count: like.nodes.length })}
      </p>
      <LikePreviewDialog preview={like.preview} onSend={() => void send()} onClose={close} />
      {showStored ? null : <LikeResults nodes={like.nodes} />}
      {showStored ? (
        <section aria-labelledby="like-stored-heading" data-testid="like-stored">
          <h4 id="like-stored-heading">
            {t('caseEvidence.likeStored', {
              at: formatDateTime(last.at, currentLocale()),
              gene: last.gene,
              terms: last.terms.map((x) => hpo.label(x.id, x.label)).join(', '),
              nodes: last.sent.map((x) => x.nodeId).join(', '),
            })}
          </h4>
          <LikeResults nodes={last.nodes} />
        </section>
      ) : null}
    </section>
  );
}
