import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getCohortQuery } from '../../igv/cohortSource';

// Only datasets the user was allowed to copy are in the cache, so what it holds may be shown; counts
// per HPO term, never individual ids.
const SQL = `SELECT p AS phenotype, count(DISTINCT i.individual_id) AS n
  FROM genotypes g JOIN individuals i ON i.individual_id = g.individual_id AND i.dataset_id = g.dataset_id,
  unnest(i.phenotypes) AS t(p) WHERE g.variant_key = ? GROUP BY p ORDER BY n DESC, p LIMIT 10`;

/** The most frequent phenotypes of the variant's carriers in the local cache. */
export function CarrierPhenotypes({ variantKey }: { readonly variantKey: string }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<{ phenotype: string; n: number }[] | undefined>();
  useEffect(() => {
    const query = getCohortQuery();
    if (query === undefined) return;
    let live = true;
    query(SQL, [variantKey]).then(
      (r) =>
        live &&
        setRows(
          r.map((x) => ({
            phenotype: typeof x['phenotype'] === 'string' ? x['phenotype'] : '',
            n: Number(x['n']),
          })),
        ),
      () => live && setRows([]),
    );
    return () => {
      live = false;
    };
  }, [variantKey]);
  if (rows === undefined) return null;
  return (
    <section data-testid="variant-carriers">
      <h3>{t('genomeBrowser.details.carriers')}</h3>
      {rows.length === 0 ? (
        <p>{t('genomeBrowser.details.noCarriers')}</p>
      ) : (
        <ul>
          {rows.map((r) => (
            <li key={r.phenotype}>{`${r.phenotype} (${String(r.n)})`}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
