import { useTranslation } from 'react-i18next';
import { useHpoLabel } from '../../../i18n/useHpoLabel';
import type { LocalCarrier } from '../../../db/cacheLookups';

/** The local cache's carriers of one allele, per dataset, with zygosity and phenotypes. */
export function LocalCell({ carriers }: { readonly carriers: readonly LocalCarrier[] }) {
  const { t } = useTranslation();
  const hpo = useHpoLabel();
  if (carriers.length === 0) return <span>{t('caseReview.seen.local.none')}</span>;
  const byDataset = new Map<string, LocalCarrier[]>();
  for (const c of carriers) byDataset.set(c.datasetId, [...(byDataset.get(c.datasetId) ?? []), c]);
  return (
    <ul className="plain-list">
      {[...byDataset].map(([dataset, list]) => (
        <li key={dataset}>
          <details>
            <summary>{t('caseReview.seen.local.dataset', { dataset, count: list.length })}</summary>
            <ul>
              {list.map((c) => (
                <li key={c.individualId}>
                  {t('caseReview.seen.local.carrier', {
                    id: c.individualId,
                    zygosity: c.zygosity,
                    sex: c.sex,
                    phenotypes:
                      c.phenotypes.map((id) => hpo.term(id)).join(', ') ||
                      t('caseReview.seen.none'),
                  })}
                </li>
              ))}
            </ul>
          </details>
        </li>
      ))}
    </ul>
  );
}
