import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CaseInspection, SampleLink } from '../../../../shared/cases/channels';
import { ProblemList } from './ProblemList';
import type { CaseDraft } from './useNewCase';
import { mismatches } from './useNewCase';

type Ped = NonNullable<CaseInspection['ped']>;

/**
 * VCF sample columns ↔ PED members (issue 16): the proposed mapping, editable per sample, the
 * proband, and every mismatch named with its sample or PED line.
 */
export function SampleLinks(props: {
  readonly draft: CaseDraft;
  readonly onChange: (p: { links?: SampleLink[]; proband?: string }) => void;
}) {
  const { t } = useTranslation();
  const { draft, onChange } = props;
  const inspection = draft.inspection;
  if (inspection === undefined) return null;
  const samples = inspection.vcf.samples;
  const ped = inspection.ped;
  if (ped === undefined)
    return samples.length <= 1 ? null : (
      <label>
        {t('caseReview.links.probandSample')}
        <select
          value={draft.proband ?? samples[0] ?? ''}
          onChange={(e) => onChange({ proband: e.target.value })}
          data-testid="new-case-proband"
        >
          {samples.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
    );
  const memberOf = new Map(draft.links.map((l) => [l.sample, l.member]));
  const relink = (sample: string, member: string): void => {
    const others = draft.links.filter((l) => l.sample !== sample && l.member !== member);
    onChange({ links: member === '' ? others : [...others, { sample, member }] });
  };
  return (
    <fieldset className="sample-links" data-testid="new-case-links">
      <legend>{t('caseReview.links.legend', { file: ped.name })}</legend>
      <table>
        <caption className="visually-hidden">{t('caseReview.links.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('caseReview.links.sample')}</th>
            <th scope="col">{t('caseReview.links.member')}</th>
          </tr>
        </thead>
        <tbody>
          {samples.map((s, i) => (
            <tr key={s}>
              <th scope="row">{s}</th>
              <td>
                <select
                  aria-label={t('caseReview.links.memberOf', { sample: s })}
                  value={memberOf.get(s) ?? ''}
                  onChange={(e) => relink(s, e.target.value)}
                  data-testid={`new-case-link-${String(i)}`}
                >
                  <option value="">{t('caseReview.links.leaveOut')}</option>
                  {ped.members.map((m) => (
                    <option key={m.id} value={m.id}>
                      {memberText(m, t)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <label>
        {t('caseReview.links.proband')}
        <select
          value={draft.proband ?? ''}
          onChange={(e) => onChange({ proband: e.target.value })}
          data-testid="new-case-proband"
        >
          <option value="" disabled>
            {t('caseReview.links.chooseProband')}
          </option>
          {ped.members
            .filter((m) => m.affected === true)
            .map((m) => (
              <option key={m.id} value={m.id}>
                {memberText(m, t)}
              </option>
            ))}
        </select>
      </label>
      <ProblemList
        problems={mismatches(draft)}
        label={t('caseReview.links.mismatches')}
        testId="new-case-mismatches"
        tone="warning"
      />
    </fieldset>
  );
}

function memberText(m: Ped['members'][number], t: TFunction): string {
  const status =
    m.affected === true
      ? t('caseReview.links.affected')
      : m.affected === false
        ? t('caseReview.links.unaffected')
        : t('caseReview.links.unknown');
  return t('caseReview.links.memberText', { id: m.id, line: m.line, sex: m.sex, status });
}
