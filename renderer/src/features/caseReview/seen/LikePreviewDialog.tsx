import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { LikePreview } from '../../../../../shared/seen/channels';
import { useHpoLabel } from '../../../i18n/useHpoLabel';

/**
 * What "Find similar patients" will send, to which nodes, before anything is sent (issue 18): the
 * request each node receives, byte for byte, as main will send it. Closing it sends nothing.
 */
export function LikePreviewDialog(props: {
  readonly preview: LikePreview | undefined;
  readonly onSend: () => void;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const hpo = useHpoLabel();
  const ref = useRef<HTMLDialogElement>(null);
  const { preview } = props;
  useEffect(() => {
    const d = ref.current;
    if (d === null) return;
    if (preview !== undefined && !d.open) d.showModal();
    if (preview === undefined && d.open) d.close();
  }, [preview]);
  return (
    <dialog
      ref={ref}
      aria-labelledby="like-preview-heading"
      onClose={props.onClose}
      data-testid="like-preview"
    >
      <h2 id="like-preview-heading">{t('caseReview.like.previewHeading')}</h2>
      {preview === undefined ? null : (
        <>
          <p>
            {t('caseReview.like.previewIntro', {
              gene: preview.gene,
              terms: preview.terms.map((x) => hpo.text(x.id, x.label)).join(', '),
              count: preview.sent.length,
            })}
          </p>
          <ul className="plain-list like-sent">
            {preview.sent.map((s) => (
              <li key={s.nodeId} data-testid={`like-sent-${s.nodeId}`}>
                <strong>
                  {s.nodeName} ({s.nodeId}, {s.country})
                </strong>
                : {s.method} {s.url}{' '}
                <span className="hint">
                  {t(s.withToken ? 'caseReview.like.withToken' : 'caseReview.like.noToken')}
                </span>
                <pre tabIndex={0} aria-label={t('caseReview.like.body', { node: s.nodeId })}>
                  {s.body}
                </pre>
              </li>
            ))}
          </ul>
        </>
      )}
      <form method="dialog" className="dialog-actions">
        <button type="submit" value="cancel" autoFocus data-testid="like-preview-cancel">
          {t('caseReview.like.dontSend')}
        </button>
        <button type="button" onClick={props.onSend} data-testid="like-send">
          {t('caseReview.like.send', { count: preview?.sent.length ?? 0 })}
        </button>
      </form>
    </dialog>
  );
}
