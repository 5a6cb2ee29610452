import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CriterionCode, Strength } from '../../../../../shared/acmg/criteria';
import {
  allowedStrengths,
  CRITERIA,
  criterionLabel,
  defaultStrength,
} from '../../../../../shared/acmg/criteria';
import { evaluateSheet } from '../../../../../shared/acmg/evaluate';
import type { CriterionEntry, EvidenceSheet } from '../../../../../shared/acmg/sheet';
import type { Said } from '../../../../../shared/acmg/said';
import { saidOrNodes, saidOrText } from '../../../i18n/acmgSaid';
import { withData } from '../../../i18n/dataValues';
import { authorWords } from '../../../i18n/authorWords';
import { useFormat } from '../../../i18n/useFormat';
import { currentLocale } from '../../../i18n';
import { acmgRuleText } from '../../../i18n/terms';
import { formatFixed } from '../../../../../shared/i18n/format';

/**
 * One variant's ACMG/AMP evidence (issue 18): each criterion with its reason, source and caveat,
 * accepted or rejected by the clinician, its strength editable; beside it what Richards' rules and
 * the point scale give over the accepted ones. The class is recorded only by "Confirm class".
 */
export function EvidenceSheetView(props: {
  readonly id: string;
  readonly sheet: EvidenceSheet;
  /** What the data cannot decide: worded from `said` when given, else the English text. */
  readonly notes: readonly { code: string; text: string; said?: readonly Said[] }[];
  /**
   * An edit, applied to the sheet as main holds it when the edit's turn comes (not the one drawn
   * now: a second click before the first is answered must not undo it); undefined: drop the edit.
   */
  readonly onEdit: (edit: (sheet: EvidenceSheet) => EvidenceSheet | undefined) => void;
  readonly onConfirm: () => void;
  readonly onUnconfirm: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const { sheet, id } = props;
  const e = evaluateSheet(sheet);
  const [adding, setAdding] = useState<CriterionCode>('PS3');
  // Row i of the sheet as drawn; the edit is dropped if that row is another criterion by then.
  const edit = (
    i: number,
    code: CriterionCode,
    patch: (now: CriterionEntry) => Partial<CriterionEntry>,
  ): void =>
    props.onEdit((now) =>
      now.criteria[i]?.code !== code
        ? undefined
        : {
            ...now,
            criteria: now.criteria.map((c, j) => (j === i ? { ...c, ...patch(c) } : c)),
          },
    );
  const add = (): void =>
    props.onEdit((now) => ({
      ...now,
      criteria: [
        ...now.criteria,
        {
          code: adding,
          strength: defaultStrength(adding),
          status: 'accepted',
          reason: t('caseWork.sheet.addedReason'),
          source: t('caseWork.sheet.addedSource'),
          suggested: false,
        },
      ],
    }));
  const cls = (c: string): string => t(`caseWork.class.${c}`);
  // Suggestions word their codes in the reader's language; a case stored before codes existed,
  // and the clinician's own criteria, show their text as written (issue 22; decision 0057).
  // Dataset titles, HPO labels and node names inside them are data, marked so (decision 0075).
  const words = (list: readonly Said[] | undefined, text: string): ReactNode =>
    saidOrNodes(t, list, text);
  return (
    <div className="evidence-sheet" data-testid={`sheet-${id}`}>
      <table>
        <caption>{t('caseWork.sheet.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('caseWork.sheet.criterion')}</th>
            <th scope="col">{t('caseWork.sheet.strength')}</th>
            <th scope="col">{t('caseWork.sheet.decision')}</th>
            <th scope="col">{t('caseWork.sheet.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {sheet.criteria.map((c, i) => (
            <tr key={`${c.code}-${String(i)}`} data-criterion={c.code} data-status={c.status}>
              <th scope="row">{criterionLabel(c.code, c.strength)}</th>
              <td>
                <select
                  aria-label={t('caseWork.sheet.strengthOf', { code: c.code })}
                  value={c.strength}
                  onChange={(ev) => {
                    const strength = ev.target.value as Strength;
                    edit(i, c.code, () => ({ strength }));
                  }}
                >
                  {allowedStrengths(c.code).map((s) => (
                    <option key={s} value={s}>
                      {t(`caseWork.strength.${s}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {(['accepted', 'rejected'] as const).map((s) => (
                  <button
                    key={s}
                    type="button"
                    aria-pressed={c.status === s}
                    onClick={() =>
                      edit(i, c.code, (now) => ({
                        status: now.status === s ? 'suggested' : s,
                      }))
                    }
                    data-testid={`${s === 'accepted' ? 'accept' : 'reject'}-${c.code}`}
                  >
                    {t(`caseWork.sheet.${s === 'accepted' ? 'accept' : 'reject'}`, {
                      code: c.code,
                    })}
                  </button>
                ))}
              </td>
              <td>
                {words(c.said?.reason, c.reason)}{' '}
                <span className="hint">
                  {withData((data) =>
                    t('caseWork.sheet.source', {
                      source: saidOrText(t, c.said?.source, c.source, data),
                    }),
                  )}
                </span>
                {c.caveat === undefined ? null : (
                  <p className="hint">{words(c.said?.caveat, c.caveat)}</p>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.notes.length === 0 ? null : (
        <ul className="hint" aria-label={t('caseWork.sheet.notes')}>
          {props.notes.map((n) => (
            <li key={n.code + n.text}>
              {n.code}: {words(n.said, n.text)}
            </li>
          ))}
        </ul>
      )}
      <div className="inline-fieldset">
        <label>
          {t('caseWork.sheet.addLabel')}{' '}
          <select value={adding} onChange={(ev) => setAdding(ev.target.value as CriterionCode)}>
            {CRITERIA.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
        <button type="button" onClick={add}>
          {t('caseWork.sheet.add')}
        </button>
      </div>
      <p data-testid={`evaluation-${id}`} data-class={e.richards.cls} aria-live="polite">
        {t('caseWork.sheet.richards', {
          cls: cls(e.richards.cls),
          rule: acmgRuleText(t, e.richards.rule),
        })}{' '}
        {t('caseWork.sheet.points', {
          points: e.points.points,
          cls: cls(e.points.cls),
          posterior: formatFixed(e.points.posterior, currentLocale(), 3),
        })}{' '}
        {e.pending > 0 ? t('caseWork.sheet.pending', { count: e.pending }) : ''}
      </p>
      {sheet.confirmed === null ? (
        <button type="button" onClick={props.onConfirm} data-testid={`confirm-${id}`}>
          {t('caseWork.sheet.confirm', { cls: cls(e.richards.cls) })}
        </button>
      ) : (
        <p data-testid={`confirmed-${id}`} data-class={sheet.confirmed.cls}>
          {t('caseWork.sheet.confirmed', {
            cls: cls(sheet.confirmed.cls),
            by: authorWords(t, sheet.confirmed),
            at: f.dateTime(sheet.confirmed.at),
          })}{' '}
          <button type="button" onClick={props.onUnconfirm}>
            {t('caseWork.sheet.unconfirm')}
          </button>
        </p>
      )}
    </div>
  );
}
