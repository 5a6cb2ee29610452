import { useTranslation } from 'react-i18next';
import type { GeneKnowledge, SomaticRow } from '../../../../shared/cancer/channels';
import { formatRange } from '../../../../shared/search/aggregate';
import type { SeenAnswer } from '../../../../shared/seen/channels';
import { federatedTotal } from './federatedSomatic';

const W = 640;
const H = 170;
const PAD = 30;
const BASE = H - 30;

/**
 * A lollipop plot of a gene's protein (issue 19): the cancer hotspot residues (stem height by the
 * number of tumours, log scale) and the patient's variants on top, with a table of the same points
 * as the accessible alternative. The protein length is not in the knowledge, so the axis runs to
 * the last residue shown. The patient's calls carry the federation's carriers once asked (issue 19).
 */
export function LollipopPlot(props: {
  readonly gene: GeneKnowledge;
  readonly rows: readonly SomaticRow[];
  readonly answers: readonly SeenAnswer[];
}) {
  const { t } = useTranslation();
  const { gene } = props;
  const mine = props.rows.filter((r) => r.gene === gene.gene && r.protein_pos !== null);
  const federated = new Map(
    mine.flatMap((r) => {
      const total = federatedTotal(props.answers, r);
      return total === undefined ? [] : [[r.vid, formatRange(total)] as const];
    }),
  );
  const last = Math.max(
    100,
    ...gene.hotspots.map((h) => h.position),
    ...mine.map((r) => r.protein_pos ?? 0),
  );
  const x = (p: number): number => PAD + ((W - 2 * PAD) * p) / (last * 1.05);
  const top = Math.log10(Math.max(10, ...gene.hotspots.map((h) => h.tumours)) + 1);
  const y = (n: number): number => BASE - ((BASE - 40) * Math.log10(Math.max(n, 0) + 1)) / top;
  const titleId = `lollipop-title-${gene.gene}`;
  const descId = `lollipop-desc-${gene.gene}`;
  return (
    <figure className="lollipop" data-testid="lollipop">
      <svg
        viewBox={`0 0 ${String(W)} ${String(H)}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        data-testid="lollipop-plot"
      >
        <title id={titleId}>{t('cancer.plot.title', { gene: gene.gene })}</title>
        <desc id={descId}>
          {t('cancer.plot.desc', {
            hotspots: t('cancer.plot.hotspots', { count: gene.hotspots.length }),
            variants: t('cancer.plot.variants', { count: mine.length }),
          })}
        </desc>
        <line x1={PAD} x2={W - PAD} y1={BASE} y2={BASE} className="lollipop-axis" />
        <text x={PAD} y={BASE + 18} className="lollipop-tick">
          1
        </text>
        <text x={W - PAD} y={BASE + 18} textAnchor="end" className="lollipop-tick">
          {String(last)}
        </text>
        {gene.hotspots.map((h) => (
          <g key={`h-${h.label}`} className="lollipop-hotspot">
            <line x1={x(h.position)} x2={x(h.position)} y1={BASE} y2={y(h.tumours)} />
            <circle cx={x(h.position)} cy={y(h.tumours)} r={3} />
          </g>
        ))}
        {mine.map((r) => (
          <g key={`p-${String(r.vid)}`} className="lollipop-patient">
            <line x1={x(r.protein_pos ?? 0)} x2={x(r.protein_pos ?? 0)} y1={BASE} y2={24} />
            <circle cx={x(r.protein_pos ?? 0)} cy={20} r={6} />
            <text x={x(r.protein_pos ?? 0)} y={10} textAnchor="middle">
              {r.protein_change ?? ''}
            </text>
            {federated.has(r.vid) ? (
              <text
                x={x(r.protein_pos ?? 0) + 9}
                y={36}
                className="lollipop-federated"
                data-testid="lollipop-federated-label"
              >
                {t('cancerFederated.plotCarriers', { range: federated.get(r.vid) })}
              </text>
            ) : null}
          </g>
        ))}
      </svg>
      <figcaption className="hint">{t('cancer.plot.caption', { source: gene.source })}</figcaption>
      <table className="lollipop-table" data-testid="lollipop-table">
        <caption>{t('cancer.plot.tableCaption', { gene: gene.gene })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cancer.plot.position')}</th>
            <th scope="col">{t('cancer.plot.what')}</th>
            <th scope="col">{t('cancer.plot.tumours')}</th>
            <th scope="col">{t('cancerFederated.plotColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {[
            ...mine.map((r) => ({
              key: `p${String(r.vid)}`,
              pos: r.protein_pos ?? 0,
              what: t('cancer.plot.patient', { change: r.protein_change ?? r.variant_key }),
              n: '',
              fed: federated.get(r.vid) ?? '',
            })),
            ...gene.hotspots.map((h) => ({
              key: `h${h.label}`,
              pos: h.position,
              what: t('cancer.plot.hotspot', {
                label: h.label,
                type: t(`cancer.hotspot.${h.type}`),
              }),
              n: h.tumours < 0 ? '' : String(h.tumours),
              fed: '',
            })),
          ]
            .sort((a, b) => a.pos - b.pos)
            .map((p) => (
              <tr key={p.key}>
                <td>{p.pos}</td>
                <td>{p.what}</td>
                <td>{p.n}</td>
                <td>{p.fed}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <p className="hint" data-testid="lollipop-federated">
        {t('cancerFederated.plotHint')}
      </p>
    </figure>
  );
}
