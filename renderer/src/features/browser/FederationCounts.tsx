import { useTranslation } from 'react-i18next';
import type { NodeUpdate } from '../../../../shared/search/results';
import { useStore } from '../../store';

/** 'chr17:43044295-43125364' → '17:43044295-43125364', the search box's region syntax. */
export function regionForSearch(locus: string): string | undefined {
  const m = /^chr(\w+):(\d+)-(\d+)$/.exec(locus);
  if (m === null) return undefined;
  const [, c = '', a = '', b = ''] = m;
  return `${c === 'M' ? 'MT' : c}:${a}-${b}`;
}

function countText(n: NodeUpdate, yes: string, no: string): string {
  if (n.count !== undefined) {
    const { value, precision, adjustedTo } = n.count;
    if (precision === 'range') return `<${String(adjustedTo ?? value)}`;
    return precision === 'rounded' ? `≈${String(value)}` : String(value);
  }
  if (n.exists !== undefined) return n.exists ? yes : no;
  return '';
}

/**
 * On demand (never automatic), a federated variant query for the region in view through the search
 * channels: per node, its status and count. Only while online.
 */
export function FederationCounts() {
  const { t } = useTranslation();
  const locus = useStore((s) => s.browserLocus);
  const online = useStore((s) => s.online);
  const run = useStore((s) => s.searchRun);
  const nodes = useStore((s) => s.searchNodes);
  const replaceDraft = useStore((s) => s.replaceSearchDraft);
  const runSearch = useStore((s) => s.runSearch);
  const region = regionForSearch(locus);
  const mine =
    run !== undefined && run.query.target === 'g_variants' && run.query.genomic === region;
  return (
    <section className="federation-counts" data-testid="browser-federation">
      <button
        type="button"
        disabled={!online || region === undefined}
        data-testid="browser-federation-run"
        onClick={() => {
          if (region === undefined) return;
          replaceDraft({
            target: 'g_variants',
            genomic: region,
            filters: [],
            granularity: 'count',
          });
          void runSearch();
        }}
      >
        {t('genomeBrowser.federation.run')}
      </button>
      {online ? null : <p className="hint">{t('genomeBrowser.federation.offline')}</p>}
      {mine ? (
        <table>
          <caption>{t('genomeBrowser.federation.caption', { region })}</caption>
          <thead>
            <tr>
              <th>{t('genomeBrowser.details.node')}</th>
              <th>{t('genomeBrowser.federation.status')}</th>
              <th>{t('genomeBrowser.federation.count')}</th>
            </tr>
          </thead>
          <tbody>
            {nodes.map((n) => (
              <tr
                key={n.nodeId}
                data-testid={`browser-federation-${n.nodeId}`}
                data-status={n.status}
              >
                <td>{`${n.nodeName} (${n.country})`}</td>
                <td title={n.message}>{n.status}</td>
                <td>
                  {countText(
                    n,
                    t('genomeBrowser.federation.yes'),
                    t('genomeBrowser.federation.no'),
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
