import '../../styles/cancer.css';
import { useTranslation } from 'react-i18next';
import type { CaseInspection } from '../../../../shared/cases/channels';
import type { CaseDraft } from '../caseReview/useNewCase';
import { CancerCaseFields } from './CancerCaseFields';
import type { CancerDraft } from './cancerDraft';
import { proposeCancer } from './cancerDraft';

/**
 * The case's kind in New case: germline (a family's VCF) or cancer (a tumour's), issue 19. The
 * cancer fields are patched, never replaced from this render's copy: the germline VCF's pick
 * resolves later, and a copy taken before it would undo the fields changed meanwhile.
 */
export function CaseKind(props: {
  readonly draft: CaseDraft;
  readonly inspection: CaseInspection;
  readonly onKind: (cancer: CancerDraft | undefined) => void;
  readonly onPatch: (p: Partial<CancerDraft>) => void;
}) {
  const { t } = useTranslation();
  const { draft, inspection } = props;
  const cancer = draft.cancer;
  return (
    <>
      <div className="field">
        <label htmlFor="new-case-kind">{t('cancer.new.kind')}</label>
        <select
          id="new-case-kind"
          value={cancer === undefined ? 'germline' : 'cancer'}
          onChange={(e) =>
            props.onKind(e.target.value === 'cancer' ? proposeCancer(inspection) : undefined)
          }
          data-testid="new-case-kind"
        >
          <option value="germline">{t('cancer.new.kindGermline')}</option>
          <option value="cancer">{t('cancer.new.kindCancer')}</option>
        </select>
      </div>
      {cancer === undefined ? null : (
        <CancerCaseFields
          samples={inspection.vcf.samples}
          caller={inspection.vcf.somatic?.caller}
          value={cancer}
          onChange={props.onPatch}
        />
      )}
    </>
  );
}
