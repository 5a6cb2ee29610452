import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { carrierPhenotypes } from '../../db';
import { useStore } from '../../store';
import { cacheIsOpen } from '../../store/cacheSlice';
import { useHpoLabel } from '../../i18n/useHpoLabel';

/** The most frequent phenotypes of the variant's carriers in the local cache. */
export function CarrierPhenotypes({ variantKey }: { readonly variantKey: string }) {
  const { t } = useTranslation();
  const hpo = useHpoLabel();
  const open = useStore(cacheIsOpen);
  const [rows, setRows] = useState<{ phenotype: string; n: number }[] | undefined>();
  useEffect(() => {
    if (!open) return;
    let live = true;
    carrierPhenotypes(variantKey).then(
      (r) => live && setRows(r),
      () => live && setRows([]),
    );
    return () => {
      live = false;
    };
  }, [variantKey, open]);
  if (rows === undefined) return null;
  return (
    <section data-testid="variant-carriers">
      <h3>{t('genomeBrowser.details.carriers')}</h3>
      {rows.length === 0 ? (
        <p>{t('genomeBrowser.details.noCarriers')}</p>
      ) : (
        <ul>
          {rows.map((r) => (
            <li key={r.phenotype}>
              {hpo.text(r.phenotype)}: {r.n}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
