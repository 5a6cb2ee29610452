import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mergeSuggestions } from '../../../../shared/acmg/evaluate';
import type { GermlineRow } from '../../../../shared/cancer/germline';
import { germlineGt, germlineSnapshot } from '../../../../shared/cancer/germline';
import type { CaseDetail } from '../../../../shared/cases/channels';
import { formatPercent } from '../../../../shared/i18n/format';
import { zygosity } from '../../../../shared/report/reportData';
import type { SeenAnswer } from '../../../../shared/seen/channels';
import { currentLocale } from '../../i18n';
import { clinvarText, consequenceWithCode } from '../../i18n/terms';
import { useStore } from '../../store';
import { suggestFor } from '../caseReview/work/suggestFor';
import { germlineFrequencyFields } from './germlineSource';
import { useCaseWork } from '../caseReview/work/useCaseWork';
import { VariantReview } from '../caseReview/work/VariantReview';

const NO_ANSWERS: readonly SeenAnswer[] = [];
const idOf = (key: string): string => key.replace(/[^A-Za-z0-9-]/g, '_');
/** What suggestFor reads of a row; a cancer case is one person (no modes), with no cohort cache. */
const asCaseRow = (r: GermlineRow) => ({ ...r, modes: [] });

/**
 * A cancer case's germline view (issue 19, CPSR-style): the cancer-predisposition superpanel
 * applied to the germline sample (a separate germline VCF's, decision 0059, else the normal), each carried variant with the ACMG/AMP evidence sheet of issue 18
 * (taken into the case's review, so the report carries its class). A tumour-only case says that
 * predisposition is not assessed rather than reading the tumour's calls as germline.
 */
export function GermlineView({ detail }: { readonly detail: CaseDetail }) {
  const { t } = useTranslation();
  const held = useStore((s) => s.germline);
  const error = useStore((s) => s.germlineError);
  const load = useStore((s) => s.loadGermline);
  const seenCase = useStore((s) => s.seenCaseId);
  const seenAnswers = useStore((s) => s.seenAnswers);
  const seen = seenCase === detail.caseId ? seenAnswers : NO_ANSWERS;
  const { work, clinvar, change, lookup } = useCaseWork(detail.caseId);
  const [open, setOpen] = useState<string | undefined>();
  useEffect(() => {
    void load(detail.caseId);
  }, [load, detail.caseId]);
  const result = held?.caseId === detail.caseId ? held.result : undefined;
  if (error !== undefined)
    return (
      <p role="alert" className="form-error" data-testid="germline-error">
        {error}
      </p>
    );
  if (result === undefined || work === undefined)
    return <p role="status">{t('cancer.germline.loading')}</p>;
  if (result.sample === null)
    return (
      <p className="hint" data-testid="germline-not-assessed">
        {t('cancer.germline.notAssessed')}
      </p>
    );
  const reviewed = new Map(work.variants.map((v) => [v.variant.variantKey, v]));
  // Which cohorts are enriched for this patient (decision 0051): the case's terms and the gene.
  const phenotypes = detail.phenotype.observed.map((p) => p.id);
  const review = async (row: GermlineRow): Promise<void> => {
    const cv = await lookup(row.variant_key, row.gene);
    const s = suggestFor({
      row: asCaseRow(row),
      phenotypes,
      frequencyFields: germlineFrequencyFields(detail),
      rank: undefined,
      clinvar: cv,
      work,
      seen,
    });
    const ok = await change({
      kind: 'addVariant',
      variant: germlineSnapshot(row),
      sheet: mergeSuggestions(undefined, s),
    });
    if (ok) setOpen(row.variant_key);
  };
  const sheet = open === undefined ? undefined : reviewed.get(open);
  const openRow = result.rows.find((r) => r.variant_key === open);
  return (
    <section
      className="germline-view"
      aria-labelledby="germline-heading"
      data-testid="germline-view"
    >
      <h3 id="germline-heading">{t('cancer.germline.heading')}</h3>
      <p className="hint" data-testid="germline-facts">
        {t(result.file === null ? 'cancer.germline.facts' : 'cancer.germline.factsFile', {
          panel: result.panel.version,
          genes: result.panel.genes,
          sample: result.sample,
          file: result.file,
          count: result.total,
        })}
      </p>
      <p className="hint">
        {t(
          result.file === null
            ? 'cancer.germline.zygosityNote'
            : 'cancer.germline.zygosityNoteFile',
        )}
      </p>
      <table className="somatic-table" data-testid="germline-table">
        <caption className="visually-hidden">{t('cancer.germline.caption')}</caption>
        <thead>
          <tr>
            {['gene', 'variant', 'consequence', 'zygosity', 'normalVaf', 'popAf', 'clinvar'].map(
              (c) => (
                <th key={c} scope="col">
                  {t(`cancer.germline.column.${c}`)}
                </th>
              ),
            )}
            <th scope="col">{t('cancer.germline.column.acmg')}</th>
          </tr>
        </thead>
        <tbody>
          {result.rows.map((r) => {
            const vw = reviewed.get(r.variant_key);
            const cls = vw?.sheet.confirmed?.cls;
            return (
              <tr key={r.variant_key} data-testid="germline-row" data-key={r.variant_key}>
                <td>{r.gene ?? t('cancer.table.noGene')}</td>
                <td>
                  {[r.hgvs_c, r.hgvs_p].filter((x) => x !== null).join(' ') || r.variant_key}
                  <br />
                  <small>{r.variant_key}</small>
                </td>
                <td>{consequenceWithCode(t, r.consequence)}</td>
                <td>{t(`terms.zygosity.${zygosity(germlineGt(r))}`)}</td>
                <td>{r.ab === null ? '—' : formatPercent(r.ab, currentLocale(), 1)}</td>
                <td>{r.pop_af === null ? '—' : r.pop_af.toPrecision(2)}</td>
                <td>{clinvarText(t, r.clinvar_sig)}</td>
                <td data-testid="germline-acmg" data-class={cls ?? (vw ? 'unconfirmed' : 'none')}>
                  {cls === undefined
                    ? vw === undefined
                      ? t('cancer.germline.notReviewed')
                      : t('cancer.germline.inReview')
                    : t(`terms.acmgClass.${cls}`)}{' '}
                  {vw === undefined ? (
                    <button
                      type="button"
                      onClick={() => void review(r)}
                      data-testid={`germline-review-${idOf(r.variant_key)}`}
                    >
                      {t('cancer.germline.review')}
                    </button>
                  ) : (
                    <button
                      type="button"
                      aria-expanded={open === r.variant_key}
                      onClick={() => setOpen(open === r.variant_key ? undefined : r.variant_key)}
                      data-testid={`germline-sheet-${idOf(r.variant_key)}`}
                    >
                      {open === r.variant_key
                        ? t('cancer.germline.hideSheet')
                        : t('cancer.germline.showSheet')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {result.rows.length === 0 ? <p className="hint">{t('cancer.germline.none')}</p> : null}
      {sheet === undefined || openRow === undefined ? null : (
        <VariantReview
          vw={sheet}
          work={work}
          clinvar={clinvar}
          frequencyFields={detail.vcf.frequencyFields}
          rank={undefined}
          seen={seen}
          phenotypes={phenotypes}
          cache={undefined}
          change={change}
        />
      )}
    </section>
  );
}
