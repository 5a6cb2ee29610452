import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DiseaseExplanation, GeneExplanation } from '../../../../shared/ranking/explain';
import { currentLocale } from '../../i18n';
import { formatFixed } from '../../../../shared/i18n/format';
import { useHpoLabel } from '../../i18n/useHpoLabel';
import {
  consequenceText,
  genotypeFitText,
  inheritanceModeText,
  zygosityText,
} from '../../i18n/terms';

const f2 = (n: number): string =>
  Number.isFinite(n) ? formatFixed(n, currentLocale(), 2) : String(n);
const pct = (f: number | null): string => (f === null ? '' : ` (${String(Math.round(f * 100))}%)`);

function Observed({ d, t }: { readonly d: DiseaseExplanation; readonly t: TFunction }) {
  const hpo = useHpoLabel();
  if (d.observed.length === 0) return null;
  return (
    <table className="explain-table">
      <caption>{t('caseReview.explain.observedCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('caseReview.explain.patientTerm')}</th>
          <th scope="col">{t('caseReview.explain.match')}</th>
          <th scope="col">{t('caseReview.explain.diseaseTerm')}</th>
          <th scope="col">{t('caseReview.explain.via')}</th>
          <th scope="col">{t('caseReview.explain.lr')}</th>
        </tr>
      </thead>
      <tbody>
        {d.observed.map((o) => (
          <tr key={o.term.id} data-kind={o.kind}>
            <th scope="row" title={o.term.id}>
              {hpo.label(o.term.id, o.term.label)}
            </th>
            <td>{t(`caseReview.explain.kind.${o.kind}`)}</td>
            <td title={o.diseaseTerm?.id}>
              {o.diseaseTerm === undefined
                ? '—'
                : `${hpo.label(o.diseaseTerm.id, o.diseaseTerm.label)}${pct(o.diseaseTerm.frequency)}`}
            </td>
            <td title={o.sharedAncestor?.id}>
              {o.sharedAncestor === undefined
                ? '—'
                : t('caseReview.explain.ancestor', {
                    term: hpo.label(o.sharedAncestor.id, o.sharedAncestor.label),
                    ic: f2(o.ic),
                  })}
            </td>
            <td>{f2(o.log10Lr)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Excluded({ d, t }: { readonly d: DiseaseExplanation; readonly t: TFunction }) {
  const hpo = useHpoLabel();
  if (d.excluded.length === 0) return null;
  return (
    <table className="explain-table">
      <caption>{t('caseReview.explain.excludedCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('caseReview.explain.excludedTerm')}</th>
          <th scope="col">{t('caseReview.explain.diseaseHas')}</th>
          <th scope="col">{t('caseReview.explain.absent')}</th>
          <th scope="col">{t('caseReview.explain.considered')}</th>
        </tr>
      </thead>
      <tbody>
        {d.excluded.map((e) => (
          <tr key={e.term.id}>
            <th scope="row" title={e.term.id}>
              {hpo.label(e.term.id, e.term.label)}
            </th>
            <td>
              {e.diseaseTerm === undefined
                ? t('caseReview.explain.no')
                : `${hpo.label(e.diseaseTerm.id, e.diseaseTerm.label)}${pct(e.diseaseTerm.frequency)}`}
            </td>
            <td>{f2(e.log10Absent)}</td>
            <td>{f2(e.log10Considered)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Why a gene ranks where it does (issue 17): diseases term by term, variants, what would move it. */
export function GeneExplanationView({ explanation: x }: { readonly explanation: GeneExplanation }) {
  const { t } = useTranslation();
  const hpo = useHpoLabel();
  return (
    <div className="gene-explanation" data-testid={`explanation-${x.symbol}`}>
      <p>
        {t('caseReview.explain.summary', { symbol: x.symbol, rank: x.rank, score: f2(x.score) })}{' '}
        {x.above === undefined
          ? null
          : t('caseReview.explain.above', { symbol: x.above.symbol, gap: f2(x.above.gap) })}
      </p>
      {x.diseases.map((d) => (
        <section key={d.id} className="explain-disease" aria-label={d.label}>
          <h4>
            {t('caseReview.explain.disease', {
              label: d.label,
              id: d.id,
              modes: d.modes.map((m) => inheritanceModeText(t, m)).join(', '),
              lr: f2(d.log10Phenotype),
            })}
          </h4>
          <Observed d={d} t={t} />
          <Excluded d={d} t={t} />
          {d.unmentioned.count === 0 ? null : (
            <p className="hint">
              {t('caseReview.explain.unmentioned', {
                count: d.unmentioned.count,
                lr: f2(d.unmentioned.log10Lr),
                examples: d.unmentioned.examples.map((e) => e.label).join('; '),
              })}
            </p>
          )}
          {d.context.reasons.length === 0 ? null : (
            <p className="hint">
              {t('caseReview.explain.context', {
                reasons: d.context.reasons
                  .map((r) => t(`caseReview.explain.contextReason.${r}`))
                  .join('; '),
                lr: f2(d.context.log10Lr),
              })}
            </p>
          )}
        </section>
      ))}
      {x.genotype === undefined ? null : (
        <section aria-label={t('caseReview.explain.variantsHeading')}>
          <h4>
            {t('caseReview.explain.genotype', {
              fit: genotypeFitText(t, x.genotype.fit),
              mode: inheritanceModeText(t, x.genotype.mode),
              score: f2(x.genotype.score),
            })}
          </h4>
          <ul>
            {(x.variants ?? []).map((v) => (
              <li key={`${v.variant.chrom}-${String(v.variant.pos)}-${v.variant.alt}`}>
                {t('caseReview.explain.variant', {
                  where: `${v.variant.chrom}:${String(v.variant.pos)} ${v.variant.ref}>${v.variant.alt}`,
                  hgvs: v.variant.hgvsp ?? v.variant.hgvsc ?? '',
                  consequence: consequenceText(t, v.variant.consequence),
                  zygosity: zygosityText(t, v.variant.zygosity),
                  af: v.variant.populationAf === null ? '—' : String(v.variant.populationAf),
                  damage: f2(v.consequence),
                  rarity: f2(v.rarity),
                })}
              </li>
            ))}
          </ul>
          {x.twoAlleles === undefined ? null : (
            <p className="hint">
              {t('caseReview.explain.twoAlleles', {
                two: x.twoAlleles.twoAlleleGenes,
                one: x.twoAlleles.oneAlleleGenes,
                credit: f2(x.twoAlleles.log10Credit),
              })}
            </p>
          )}
          {x.length === undefined ? null : (
            <p className="hint">
              {t('caseReview.explain.geneLength', {
                bases: x.length.bases ?? '—',
                count: x.length.bases ?? 0,
                penalty: f2(-x.length.log10Penalty),
              })}
            </p>
          )}
        </section>
      )}
      <section aria-label={t('caseReview.explain.changesHeading')}>
        <h4>{t('caseReview.explain.changesHeading')}</h4>
        {x.changes.length === 0 ? (
          <p className="hint">{t('caseReview.explain.noChanges')}</p>
        ) : (
          <ul data-testid={`explanation-changes-${x.symbol}`}>
            {x.changes.map((c, i) => (
              <li key={`${c.kind}-${c.term?.id ?? String(i)}`}>
                {t(`caseReview.explain.change.${c.kind}`, {
                  term: c.term === undefined ? '' : hpo.label(c.term.id, c.term.label),
                  rank: Number.isFinite(c.rank) ? c.rank : '—',
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
