import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { nodeRange } from '../../../../shared/search/aggregate';
import { pluralCount } from '../../../../shared/i18n/format';
import { APP_ASSEMBLY } from '../../../../shared/genome/assembly';
import type { NodeUpdate } from '../../../../shared/search/results';
import type { FederationValue, FederationVariant } from '../../igv/federationTrack';
import { formatFrequency } from '../../igv/federationTrack';
import { AssemblyText } from '../../components/AssemblyText';
import { NodeProblemLine } from '../../i18n/nodeProblem';

/** One node dataset's answer for a variant: frequency, its own place, a REF that differs. */
function valueText(t: TFunction, x: FederationValue): string {
  const freq =
    x.frequency === undefined
      ? t('genomeBrowser.federation.present')
      : formatFrequency(x.frequency);
  const place = x.nodePlace === undefined ? '' : ` (${x.nodePlace})`;
  const ref =
    x.refDiffers === undefined
      ? ''
      : ` (${t('mainCodes.refDiffers', { ...x.refDiffers, appAssembly: APP_ASSEMBLY, app: x.refDiffers.asked })})`;
  return `${x.nodeId} ${x.datasetId}: ${freq}${place}${ref}`;
}

/** At most this many variant rows in the table; the track draws them all. */
const MAX_ROWS = 50;

/** What one node said for the region, in words: per-variant records, a count, or yes/no only. */
function NodeAnswer({ node }: { node: NodeUpdate }) {
  const { t } = useTranslation();
  if (node.status !== 'ok')
    return (
      <NodeProblemLine t={t} node={node.nodeId} problem={node.problem} message={node.message} />
    );
  const records = (node.records ?? []).filter((r) => r.kind === 'variant').length;
  if (node.returnedGranularity === 'record')
    return (
      <>
        {t('genomeBrowser.federation.records', { count: records })}
        {node.recordsTruncated === true ? ` ${t('genomeBrowser.federation.truncated')}` : ''}
      </>
    );
  const range = nodeRange(node);
  if (range !== undefined && range.counted && node.returnedGranularity !== 'boolean')
    return (
      <>
        {t('genomeBrowser.federation.regionCount', {
          count: pluralCount(range),
          display: range.display,
        })}
      </>
    );
  if (node.exists !== undefined)
    return (
      <>
        {t(
          node.exists ? 'genomeBrowser.federation.regionYes' : 'genomeBrowser.federation.regionNo',
        )}
      </>
    );
  return null;
}

/** Per node: its status in words (answered, timed out, not authorised…) and what it gave. */
export function FederationNodeTable({ nodes }: { nodes: readonly NodeUpdate[] }) {
  const { t } = useTranslation();
  return (
    <table data-testid="browser-federation-nodes">
      <caption>{t('genomeBrowser.federation.nodesCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('genomeBrowser.details.node')}</th>
          <th scope="col">{t('interop.assembly.label')}</th>
          <th scope="col">{t('genomeBrowser.federation.status')}</th>
          <th scope="col">{t('genomeBrowser.federation.answer')}</th>
        </tr>
      </thead>
      <tbody>
        {nodes.map((n) => (
          <tr key={n.nodeId} data-testid={`browser-federation-${n.nodeId}`} data-status={n.status}>
            <td>{`${n.nodeName} (${n.country})`}</td>
            <td data-testid={`browser-federation-${n.nodeId}-assembly`}>
              <AssemblyText node={n} />
            </td>
            <td>{t(`genomeBrowser.federation.statusWord.${n.status}`)}</td>
            <td>
              <NodeAnswer node={n} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The track's content as a table (the canvas is not readable by everyone): per variant, per node. */
export function FederationVariantTable({ variants }: { variants: readonly FederationVariant[] }) {
  const { t } = useTranslation();
  if (variants.length === 0)
    return <p className="hint">{t('genomeBrowser.federation.noRecords')}</p>;
  return (
    <table data-testid="browser-federation-variants">
      <caption>
        {t('genomeBrowser.federation.variantsCaption', {
          shown: Math.min(MAX_ROWS, variants.length),
          count: variants.length,
        })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('genomeBrowser.federation.variant')}</th>
          <th scope="col">{t('genomeBrowser.details.gene')}</th>
          <th scope="col">{t('genomeBrowser.federation.perNode')}</th>
        </tr>
      </thead>
      <tbody>
        {variants.slice(0, MAX_ROWS).map((v) => (
          <tr key={v.variantKey} data-testid={`browser-federation-variant-${v.variantKey}`}>
            <td>{v.variantKey}</td>
            <td>{v.gene}</td>
            <td>{v.values.map((x) => valueText(t, x)).join(' · ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
