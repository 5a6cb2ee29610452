import { useTranslation } from 'react-i18next';
import { formatLocation, vcfKey } from '../../../../shared/search/alleles';
import type { RecordRow } from '../../../../shared/search/results';
import { consequenceWithCode, sexText } from '../../i18n/terms';

/** One labelled value; nothing when the record did not give it. */
function Item(props: {
  label: string;
  value: string | number | undefined;
  /** A label as the node gave it (ontology terms, places): data, not wording (issue 22). */
  data?: boolean;
}) {
  if (props.value === undefined || props.value === '') return null;
  return (
    <>
      <dt>{props.label}</dt>
      <dd translate={props.data === true ? 'no' : undefined}>{props.value}</dd>
    </>
  );
}

/**
 * The detail view of one record row (issue 13): everything the node returned that the app reads,
 * with where it came from. Variant internal ids are shown as the node's own ids, not as positions.
 */
export function RecordDetails({ row, onClose }: { row: RecordRow; onClose: () => void }) {
  const { t } = useTranslation();
  const k = (key: string): string => t(`search.details.${key}`);
  return (
    <aside
      className="record-details"
      aria-labelledby="record-details-title"
      data-testid="search-record-details"
    >
      <h3 id="record-details-title">
        {t(
          row.kind === 'variant' ? 'search.details.variantTitle' : 'search.details.individualTitle',
          {
            id: row.id,
          },
        )}
      </h3>
      <button
        type="button"
        onClick={onClose}
        aria-label={k('close')}
        data-testid="search-record-close"
      >
        ✕
      </button>
      <dl>
        <Item label={k('node')} value={row.nodeId} />
        <Item label={k('dataset')} value={row.datasetId} />
        <Item label={k('id')} value={row.id} />
        {row.kind === 'individual' ? (
          <>
            <Item label={k('sex')} value={sexText(t, row.sex, row.sexCode)} />
            <Item label={k('phenotypes')} value={row.phenotypes.join('; ')} data />
            <Item label={k('diseases')} value={row.diseases.join('; ')} data />
            <Item label={k('origin')} value={row.origin} data />
          </>
        ) : (
          <>
            <Item
              label={k('position')}
              value={row.location === undefined ? k('noPosition') : formatLocation(row.location)}
            />
            <Item
              label={k('vcfKey')}
              value={row.location === undefined ? undefined : vcfKey(row.location)}
            />
            <Item label={k('variantType')} value={row.variantType} />
            <Item label={k('gene')} value={row.gene} />
            <Item
              label={k('consequence')}
              value={row.consequence === '' ? undefined : consequenceWithCode(t, row.consequence)}
            />
            <Item label={k('hgvs')} value={row.hgvs} />
            <Item label={k('genomicHgvs')} value={row.genomicHgvs} />
            <Item label={k('frequency')} value={row.frequency?.toPrecision(3)} />
            <Item label={k('carriers')} value={row.carriers} />
          </>
        )}
      </dl>
    </aside>
  );
}
