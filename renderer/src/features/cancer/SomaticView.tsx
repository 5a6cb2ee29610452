import '../../styles/cancer.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/cases/channels';
import { tumourType } from '../../../../shared/cancer/tumourTypes';
import { formatPercent } from '../../../../shared/i18n/format';
import { currentLocale } from '../../i18n';
import { useStore } from '../../store';
import { SOMATIC_ROWS } from '../../store/cancerSlice';
import { FederatedSomatic } from './FederatedSomatic';
import { LollipopPlot } from './LollipopPlot';
import { SomaticFilters } from './SomaticFilters';
import { SomaticPresetActions } from './SomaticPresetActions';
import { SomaticTable } from './SomaticTable';
import { TierPanel } from './TierPanel';

/** A cancer case's somatic view (issue 19): what the knowledge is, filters, calls, tier, plot. */
export function SomaticView({ detail }: { readonly detail: CaseDetail }) {
  const { t } = useTranslation();
  const cancer = detail.cancer;
  const filter = useStore((s) => s.somaticFilter);
  const result = useStore((s) => s.somatic);
  const busy = useStore((s) => s.somaticBusy);
  const error = useStore((s) => s.somaticError);
  const gene = useStore((s) => s.cancerGene);
  const load = useStore((s) => s.loadSomatic);
  const showGene = useStore((s) => s.showCancerGene);
  const answers = useStore((s) => s.seenAnswers);
  const loadSeen = useStore((s) => s.loadSeen);
  const presets = useStore((s) => s.somaticPresets);
  const loadPresets = useStore((s) => s.loadSomaticPresets);
  const [selected, setSelected] = useState<number | undefined>();
  useEffect(() => {
    // The filter last run on this case, else the default (a change of tab keeps the user's choice).
    void load();
    // The federated view's answers are the case's seen-before answers (issue 19), sealed with it.
    void loadSeen(detail.caseId);
    void loadPresets();
  }, [load, loadSeen, loadPresets, detail.caseId]);
  if (cancer === undefined) return null;
  const type = cancer.tumourType === null ? undefined : tumourType(cancer.tumourType);
  const row = result?.rows.find((r) => r.vid === selected);
  const reviews = cancer.reviews ?? [];
  return (
    <div className="somatic-view" data-testid="somatic-view">
      <p className="hint" data-testid="somatic-facts">
        {t('cancer.view.facts', {
          caller: t(`cancer.caller.${cancer.caller}`),
          tumour: cancer.tumour,
          normal: cancer.normal ?? t('cancer.view.tumourOnly'),
          type: type === undefined ? t('cancer.view.noType') : `${type.name} (${type.code})`,
          purity:
            cancer.purity === null
              ? t('cancer.view.noPurity')
              : // In the reader's format, not rounded to whole percent (1.5 % read 2 %).
                formatPercent(cancer.purity, currentLocale(), 1),
        })}
      </p>
      <p className="hint" data-testid="somatic-knowledge">
        {t('cancer.view.knowledge')}
      </p>
      <SomaticFilters filter={filter} saved={presets.saved} onChange={(f) => void load(f)} />
      <SomaticPresetActions filter={filter} saved={presets.saved} onApply={(f) => void load(f)} />
      {error === undefined ? null : (
        <p role="alert" className="form-error" data-testid="somatic-error">
          {error}
        </p>
      )}
      <p className="hint" data-testid="somatic-count" data-busy={busy ? 'true' : 'false'}>
        {busy || result === undefined
          ? t('cancer.view.busy')
          : t('cancer.view.count', {
              kept: result.kept,
              count: result.total,
              shown: Math.min(result.kept, SOMATIC_ROWS),
              steps: result.steps
                .map((s) =>
                  t('cancer.view.step', { step: t(`cancer.step.${s.step}`), n: s.removes }),
                )
                .join(', '),
            })}
      </p>
      {result === undefined ? null : (
        <SomaticTable
          rows={result.rows}
          reviews={reviews}
          selected={selected}
          onSelect={(r) => {
            setSelected(r.vid);
            if (r.gene !== null) void showGene(r.gene);
          }}
        />
      )}
      {row === undefined ? null : (
        <div className="somatic-detail">
          <TierPanel
            key={row.vid}
            detail={detail}
            row={row}
            review={reviews.find((r) => r.variantKey === row.variant_key)}
          />
          <FederatedSomatic
            key={`fed-${String(row.vid)}`}
            row={row}
            geneRows={(result?.rows ?? []).filter((r) => r.gene !== null && r.gene === row.gene)}
            ownType={cancer.tumourType}
          />
          {gene === undefined || gene.gene !== row.gene ? null : (
            <LollipopPlot gene={gene} rows={result?.rows ?? []} answers={answers} />
          )}
        </div>
      )}
    </div>
  );
}
