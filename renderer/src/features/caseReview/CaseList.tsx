import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../../shared/cases/channels';
import { useStore } from '../../store';
import { currentLocale } from '../../i18n';
import { formatNumber } from '../../../../shared/i18n/format';

/** The owner's cases (issue 16): id, kind (issue 19), created, samples, variants, phenotype count, status; open, delete. */
export function CaseList() {
  const { t, i18n } = useTranslation();
  const list = useStore((s) => s.caseList);
  const open = useStore((s) => s.caseOpen?.detail.caseId);
  const opening = useStore((s) => s.caseOpening);
  const openCase = useStore((s) => s.openCase);
  const deleteCase = useStore((s) => s.deleteCase);
  const [doomed, setDoomed] = useState<CaseSummary | undefined>();
  const confirm = useRef<HTMLDialogElement>(null);
  if (list === undefined) return null;
  // This computer's account, worded here; main's English label is for the command line.
  const local = list.owner.kind === 'local' ? list.owner.account : undefined;
  if (list.cases.length === 0)
    return (
      <p className="hint" data-testid="case-list-empty">
        {local === undefined
          ? t('caseReview.list.empty', { owner: list.owner.label })
          : t('caseReview.list.emptyLocal', { account: local })}
      </p>
    );
  const ask = (c: CaseSummary): void => {
    setDoomed(c);
    confirm.current?.showModal();
  };
  // Issue 19: a cancer case says so in the list, with its tumour type and whether a normal is paired.
  const kindText = (c: CaseSummary): string =>
    c.kind === 'germline'
      ? t('caseReview.list.kind.germline')
      : t('caseReview.list.kind.cancer', {
          type: c.tumourType ?? t('caseReview.list.kind.noType'),
          design: t(
            c.design === 'tumour-only'
              ? 'caseReview.list.kind.tumourOnly'
              : 'caseReview.list.kind.tumourNormal',
          ),
        });
  const date = (iso: string): string =>
    new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <table className="case-list" data-testid="case-list">
        <caption>
          {local === undefined
            ? t('caseReview.list.caption', { owner: list.owner.label })
            : t('caseReview.list.captionLocal', { account: local })}
        </caption>
        <thead>
          <tr>
            {(
              [
                'caseId',
                'kind',
                'patient',
                'created',
                'samples',
                'variants',
                'phenotypes',
                'status',
              ] as const
            ).map((c) => (
              <th key={c} scope="col">
                {t(`caseReview.list.col.${c}`)}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">{t('caseReview.list.col.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.cases.map((c) => (
            <tr
              key={c.caseId}
              data-testid={`case-row-${c.caseId}`}
              aria-current={open === c.caseId ? 'true' : undefined}
            >
              <th scope="row">{c.caseId}</th>
              <td data-testid={`case-kind-${c.caseId}`} data-kind={c.kind}>
                {kindText(c)}
              </td>
              <td>{c.patientId}</td>
              <td>{date(c.createdAt)}</td>
              <td>{c.samples}</td>
              <td>{formatNumber(c.variants, currentLocale())}</td>
              <td>{c.phenotypes}</td>
              <td>{t(`caseReview.status.${c.status}`)}</td>
              <td className="row-actions">
                <button
                  type="button"
                  disabled={opening === c.caseId}
                  onClick={() => void openCase(c.caseId)}
                  aria-label={t('caseReview.list.openCase', { caseId: c.caseId })}
                  data-testid={`case-open-${c.caseId}`}
                >
                  {opening === c.caseId ? t('caseReview.list.opening') : t('caseReview.list.open')}
                </button>
                <button
                  type="button"
                  onClick={() => ask(c)}
                  aria-label={t('caseReview.list.deleteCase', { caseId: c.caseId })}
                  data-testid={`case-delete-${c.caseId}`}
                >
                  {t('caseReview.list.delete')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <dialog ref={confirm} aria-labelledby="case-delete-heading" data-testid="case-delete-dialog">
        <h2 id="case-delete-heading">
          {t('caseReview.list.confirmHeading', { caseId: doomed?.caseId ?? '' })}
        </h2>
        <p>{t('caseReview.list.confirmText', { patient: doomed?.patientId ?? '' })}</p>
        <form method="dialog" className="dialog-actions">
          <button type="submit" value="cancel" autoFocus>
            {t('caseReview.list.keep')}
          </button>
          <button
            type="submit"
            value="delete"
            className="danger"
            onClick={() => {
              if (doomed !== undefined) void deleteCase(doomed.caseId);
            }}
            data-testid="case-delete-confirm"
          >
            {t('caseReview.list.confirmDelete')}
          </button>
        </form>
      </dialog>
    </>
  );
}
