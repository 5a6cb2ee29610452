import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SomaticRow } from '../../../../shared/cancer/channels';
import { tumourType } from '../../../../shared/cancer/tumourTypes';
import { useStore } from '../../store';
import { asOf, datasetText } from '../caseReview/seen/seenText';
import { StoredNodeFailure } from '../caseReview/seen/StoredNodeFailure';
import { federatedView, somaticCandidate, tumourTypeCandidates } from './federatedSomatic';

/**
 * The federated view of one somatic call (issue 19): its carriers at every node's datasets, and
 * per tumour type (OncoTree, the node's disease filter), each at the granularity the node allows;
 * asked through the case's seen-before lookup (one bounded batch, answers sealed with the case),
 * together with the patient's other calls in the gene for the lollipop plot's counts.
 */
export function FederatedSomatic(props: {
  readonly row: SomaticRow;
  readonly geneRows: readonly SomaticRow[];
  readonly ownType: string | null;
}) {
  const { t } = useTranslation();
  const answers = useStore((s) => s.seenAnswers);
  const run = useStore((s) => s.seenRun);
  const error = useStore((s) => s.seenError);
  const lookup = useStore((s) => s.lookupSeen);
  const view = useMemo(() => federatedView(answers, props.row), [answers, props.row]);
  const busy = run !== undefined && run.done === undefined;
  const ask = (): void => {
    const others = props.geneRows
      .filter((r) => r.vid !== props.row.vid)
      .flatMap((r) => somaticCandidate(r) ?? []);
    void lookup([...tumourTypeCandidates(props.row, props.ownType), ...others]);
  };
  const typeName = (code: string): string => tumourType(code)?.name ?? code;
  const answered = run?.nodes.filter((n) => n.status !== 'waiting' && n.status !== 'running');
  return (
    <section
      className="somatic-federated"
      aria-labelledby="somatic-federated-title"
      data-testid="somatic-federated"
      data-busy={busy ? 'true' : 'false'}
    >
      <h3 id="somatic-federated-title">{t('cancerFederated.title')}</h3>
      <p className="hint">{t('cancerFederated.explain')}</p>
      <button type="button" onClick={ask} disabled={busy} data-testid="somatic-federated-ask">
        {t(view.asked.length > 0 ? 'cancerFederated.askAgain' : 'cancerFederated.ask')}
      </button>
      {busy ? (
        <p role="status" className="hint">
          {t('cancerFederated.busy', {
            done: answered?.length ?? 0,
            total: run.nodes.length,
          })}
        </p>
      ) : null}
      {error === undefined ? null : (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {view.asked.length === 0 ? (
        <p className="hint" data-testid="somatic-federated-none">
          {t('cancerFederated.notAsked')}
        </p>
      ) : (
        <table className="somatic-federated-table" data-testid="somatic-federated-table">
          <caption>
            {t('cancerFederated.caption', {
              variant: props.row.protein_change ?? props.row.variant_key,
              gene: props.row.gene ?? '',
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('cancerFederated.node')}</th>
              <th scope="col">{t('cancerFederated.dataset')}</th>
              <th scope="col">{t('cancerFederated.all')}</th>
              <th scope="col">{t('cancerFederated.byType')}</th>
            </tr>
          </thead>
          <tbody>
            {view.rows.length === 0 ? (
              <tr>
                <td colSpan={4}>{t('cancerFederated.noCarriers')}</td>
              </tr>
            ) : (
              view.rows.map((r) => (
                <tr
                  key={`${r.nodeId}|${r.datasetId}`}
                  data-testid="somatic-federated-row"
                  data-dataset={r.datasetId ?? ''}
                  data-node={r.nodeId}
                >
                  <th scope="row" translate="no">{`${r.nodeName} (${r.country})`}</th>
                  <td>{r.datasetId ?? t('cancerFederated.unnamed')}</td>
                  <td>
                    {r.datasetId === null
                      ? t('caseReview.seen.answer.withheld')
                      : datasetText(r.all, t)}
                  </td>
                  <td>
                    {r.byType.length === 0 ? (
                      <span className="hint">{t('cancerFederated.noType')}</span>
                    ) : (
                      <ul className="plain-list">
                        {r.byType.map((b) => (
                          <li key={b.code} data-testid="somatic-federated-type" data-type={b.code}>
                            <span translate="no">{`${typeName(b.code)} (${b.code})`}</span>
                            {`: ${
                              r.datasetId === null
                                ? t('caseReview.seen.answer.withheld')
                                : datasetText(b.answer, t)
                            }`}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))
            )}
            {view.failed.map((a) => (
              <tr key={`failed-${a.nodeId}`} data-testid="somatic-federated-failed">
                <th scope="row" translate="no">{`${a.nodeName} (${a.country})`}</th>
                <td colSpan={3} className="form-error">
                  <StoredNodeFailure t={t} answer={a} />
                  {` (${t('caseReview.seen.asOf', { time: asOf(a.at) })})`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {view.notOffered.length === 0 ? null : (
        <ul className="plain-list hint" data-testid="somatic-federated-not-offered">
          {view.notOffered.map((n) => (
            <li key={n.nodeId} data-node={n.nodeId}>
              {t('cancerFederated.notOffered', {
                node: `${n.nodeName} (${n.country})`,
                time: asOf(n.at),
                types: n.codes.join(', '),
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
